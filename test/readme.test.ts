/**
 * The docs' console examples are real: each `$ npx dangjian …` block of the README files, the guide and
 * the reference pages is run and compared.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UPDATING } from './golden.js';
import { ROOT, runMain } from './helpers.js';

interface Example {
  args: string[];
  output: string;
}

const COMMAND = /^\$ npx dangjian (.*)$/;

/** The `$ npx dangjian …` commands of a page's console blocks, each with the output shown under it. */
function consoleExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: Example | undefined;
    for (const line of block[1].split('\n')) {
      const command = COMMAND.exec(line);
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

/** The page with the output under each command replaced, in order, by `outputs` (for update-goldens). */
function withOutputs(markdown: string, outputs: string[]): string {
  let next = 0;
  return markdown.replace(/```console\n([\s\S]*?)```/g, (_block, body: string) => {
    const lines: string[] = [];
    let command = false;
    for (const line of body.split('\n').slice(0, -1)) {
      if (COMMAND.test(line)) {
        lines.push(line, ...outputs[next++].replace(/\n+$/, '').split('\n'));
        command = true;
      } else if (!command) {
        lines.push(line);
      }
    }
    return `\`\`\`console\n${lines.map((line) => `${line}\n`).join('')}\`\`\``;
  });
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

describe.each(examplesByPage)('%s console examples', (page, examples) => {
  const outputs: string[] = [];
  it.each(examples.map((e, index) => [e.args.join(' '), e, index] as const))('dangjian %s', async (_name, example, index) => {
    const result = await runMain(example.args);
    outputs[index] = result.stdout + result.stderr;
    if (!UPDATING) expect(outputs[index]).toBe(example.output);
  });
  afterAll(() => {
    const file = path.join(ROOT, page);
    if (UPDATING && outputs.filter((output) => output !== undefined).length === examples.length) {
      writeFileSync(file, withOutputs(readFileSync(file, 'utf8'), outputs));
    }
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
