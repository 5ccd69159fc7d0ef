/**
 * Every relative link of the docs leads somewhere: the file exists, and a `#heading` is a heading of
 * that file (as GitHub makes anchors). Files move (rule pages, guide chapters); a link left behind
 * fails here rather than in a reader's browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The Markdown files of the docs, relative to the root: the READMEs, CONTRIBUTING, docs/ and the rules' pages. */
function markdownFiles(): string[] {
  const under = (dir: string) =>
    existsSync(path.join(ROOT, dir))
      ? readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
          .map((name) => `${dir}/${name.split(path.sep).join('/')}`)
          .filter((name) => name.endsWith('.md'))
      : [];
  return ['README.md', 'README.en.md', 'CONTRIBUTING.md', ...under('docs'), ...under('src/rules')].sort();
}

/** Text outside fenced code blocks and inline code, where a `](…)` is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  return new Set([...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.*)$/gm)].map((m) => anchor(m[1])));
}

describe.each(markdownFiles())('%s', (file) => {
  const links = [...prose(readFileSync(path.join(ROOT, file), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target));
  it('links only to files and headings that exist', () => {
    const broken = links.filter((target) => {
      const [page, hash] = target.split('#');
      const resolved = page === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(page)));
      if (!existsSync(path.join(ROOT, resolved))) return true;
      return hash !== undefined && resolved.endsWith('.md') && !anchors(readFileSync(path.join(ROOT, resolved), 'utf8')).has(decodeURI(hash));
    });
    expect(broken).toEqual([]);
  });
});

describe('the README', () => {
  it('stays a front door: under 10 KB', () => {
    expect(readFileSync(path.join(ROOT, 'README.md')).length).toBeLessThan(10 * 1024);
  });
});
