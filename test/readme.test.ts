/** The README's console examples are real: each `$ npx dangjian …` block is run and compared. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

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

describe('README console examples', () => {
  const examples = consoleExamples(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(3);
  });
  it.each(examples.map((e) => [e.args.join(' '), e] as const))('dangjian %s', (_name, example) => {
    const result = runCli(example.args);
    expect(result.stdout + result.stderr).toBe(example.output);
  });
});
