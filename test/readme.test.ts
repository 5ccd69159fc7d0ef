/**
 * The docs' console examples are real: each `$ npx dangjian …` block of the README files, the guide and
 * the reference pages is run and compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from './helpers.js';

interface Example {
  args: string[];
  output: string;
}

function consoleExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: Example | undefined;
    for (const line of block[1].split('\n')) {
      const command = /^\$ npx dangjian (.*)$/.exec(line);
      if (command) {
        current = { args: command[1].split(' '), output: '' };
        examples.push(current);
      } else if (current) {
        current.output += `${line}\n`;
      }
    }
  }
  return examples.map((e) => ({ ...e, output: e.output.replace(/\n+$/, '\n') }));
}

/** README.md, README.en.md and every page of docs/ (rule pages have their own test), relative to the root. */
function pages(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .map((name) => `docs/${name.split(path.sep).join('/')}`)
    .filter((name) => name.endsWith('.md') && !name.startsWith('docs/rules/'));
  return ['README.md', 'README.en.md', ...docs.sort()];
}

const examplesByPage = pages()
  .map((page) => [page, consoleExamples(readFileSync(path.join(ROOT, page), 'utf8'))] as const)
  .filter(([, examples]) => examples.length > 0);

describe.each(examplesByPage)('%s console examples', (_page, examples) => {
  it.each(examples.map((e) => [e.args.join(' '), e] as const))('dangjian %s', async (_name, example) => {
    const result = await runMain(example.args);
    expect(result.stdout + result.stderr).toBe(example.output);
  });
});

describe('console examples', () => {
  it('are found where the docs keep them', () => {
    const count = (page: string) => examplesByPage.find(([name]) => name === page)?.[1].length ?? 0;
    expect(count('README.md')).toBeGreaterThan(0);
    expect(count('README.en.md')).toBeGreaterThan(0);
    expect(count('docs/guide/findings.md')).toBeGreaterThan(3);
  });
});
