/**
 * The examples of every rule page are the rule's accept/reject table: each ```yaml failing …``` or
 * ```yaml passing …``` block is written to a temporary directory and checked by the command line, run
 * in this process.
 *
 * Info string: `yaml failing|passing as-of=YYYY-MM-DD [since=YYYY-MM-DD] [file=NAME.yaml]`.
 * `since` is passed as --since (a year is evaluated only when the evaluation starts on or before its
 * first day). Consecutive blocks with `file=` and the same verdict and dates are one example of
 * several files, checked together.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../src/tools/generate.js';
import type { CheckResult } from '../src/types.js';
import { ROOT, runMain, tempTree } from './helpers.js';

type Verdict = 'failing' | 'passing';

interface ExampleBlock {
  verdict: Verdict;
  asOf: string;
  since?: string;
  file?: string;
  code: string;
  /** 1-based line of the opening fence, for test names. */
  line: number;
}

interface Example {
  verdict: Verdict;
  asOf: string;
  since?: string;
  files: Record<string, string>;
  line: number;
}

const EXAMPLES_HEADING = '## 示例 / Examples';
const INFO = /^yaml (failing|passing)((?: [a-z-]+=\S+)*)$/;
const ATTRIBUTES = new Set(['as-of', 'since', 'file']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The example blocks of a page; throws on a malformed info string or an example outside its section. */
function exampleBlocks(markdown: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  const lines = markdown.split('\n');
  let inExamples = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) inExamples = line === EXAMPLES_HEADING;
    if (!line.startsWith('```')) continue;
    const info = line.slice(3).trim();
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`line ${i + 1}: unclosed fence`);
    const match = INFO.exec(info);
    if (/^yaml (failing|passing)\b/.test(info) || (inExamples && info !== '')) {
      if (!match) throw new Error(`line ${i + 1}: bad example info string “${info}”`);
      if (!inExamples) throw new Error(`line ${i + 1}: example block outside “${EXAMPLES_HEADING}”`);
      const attributes = new Map<string, string>();
      for (const pair of match[2].trim().split(' ').filter(Boolean)) {
        const [key, value] = pair.split('=');
        if (!ATTRIBUTES.has(key) || attributes.has(key)) throw new Error(`line ${i + 1}: bad attribute “${pair}”`);
        attributes.set(key, value);
      }
      const asOf = attributes.get('as-of');
      const since = attributes.get('since');
      const file = attributes.get('file');
      if (!asOf || !DATE.test(asOf)) throw new Error(`line ${i + 1}: as-of=YYYY-MM-DD is required`);
      if (since !== undefined && !DATE.test(since)) throw new Error(`line ${i + 1}: since must be YYYY-MM-DD`);
      if (file !== undefined && !/^[\w.-]+\.ya?ml$/.test(file)) throw new Error(`line ${i + 1}: bad file name “${file}”`);
      blocks.push({ verdict: match[1] as Verdict, asOf, since, file, code: `${lines.slice(i + 1, end).join('\n')}\n`, line: i + 1 });
    }
    i = end;
  }
  return blocks;
}

/** Groups blocks into examples: consecutive `file=` blocks with the same verdict and dates go together. */
function examples(blocks: ExampleBlock[], id: string): Example[] {
  const result: Example[] = [];
  let open: Example | undefined;
  for (const block of blocks) {
    const joins =
      open !== undefined &&
      block.file !== undefined &&
      open.verdict === block.verdict &&
      open.asOf === block.asOf &&
      open.since === block.since &&
      !(block.file in open.files);
    if (joins) {
      open!.files[block.file!] = block.code;
      continue;
    }
    const example: Example = {
      verdict: block.verdict,
      asOf: block.asOf,
      since: block.since,
      files: { [block.file ?? `${id}.yaml`]: block.code },
      line: block.line,
    };
    result.push(example);
    open = block.file !== undefined ? example : undefined;
  }
  return result;
}

const INPUT_IDS = new Set(builtinRules().filter((rule) => rule.meta.category === 'input').map((rule) => rule.meta.id));
const DOCS = path.join(ROOT, 'docs', 'rules');
const pages = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort();

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The rule of the page, on at its default severity whatever the repository's configuration lists. */
const SEVERITY = new Map(builtinRules().map((rule) => [rule.meta.id, rule.meta.severity]));

async function check(example: Example, id: string): Promise<CheckResult> {
  const dir = tempTree(example.files);
  dirs.push(dir);
  const own = INPUT_IDS.has(id) || !SEVERITY.has(id) ? [] : ['--rule', `${id}:${SEVERITY.get(id)}`];
  const args = ['check', dir, '--as-of', example.asOf, ...(example.since ? ['--since', example.since] : []), '--format', 'json', ...own];
  const result = await runMain(args);
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.status);
  return JSON.parse(result.stdout) as CheckResult;
}

function describeFindings(result: CheckResult): string {
  return result.findings.map((f) => `${f.ruleId} ${f.period ?? ''} ${f.file}:${f.line} ${f.message}`).join('\n');
}

describe.each(pages)('docs/rules/%s.md', (id) => {
  const markdown = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
  const blocks = exampleBlocks(markdown);
  const input = INPUT_IDS.has(id);

  it('has examples', () => {
    expect(blocks.some((b) => b.verdict === 'passing')).toBe(true);
    // Some input problems (a GBK file, a 2 MiB file) cannot be written into a page; they are described.
    if (!input) expect(blocks.some((b) => b.verdict === 'failing')).toBe(true);
  });

  for (const example of examples(blocks, id)) {
    const name = `${example.verdict} as-of=${example.asOf}${example.since ? ` since=${example.since}` : ''} (line ${example.line}: ${Object.keys(example.files).join(', ')})`;
    it(name, async () => {
      const result = await check(example, id);
      const own = result.findings.filter((f) => f.ruleId === id);
      if (example.verdict === 'failing') {
        expect(own.filter((f) => !f.waived), `expected an unwaived ${id} finding, got:\n${describeFindings(result)}`).not.toEqual([]);
      } else {
        expect(own, `expected no ${id} finding`).toEqual([]);
      }
      // Apart from the problem it shows, an example is a valid log: no input problem hides the rule.
      const inputProblems = result.findings.filter((f) => INPUT_IDS.has(f.ruleId) && f.ruleId !== id);
      expect(inputProblems, `unexpected input findings:\n${describeFindings(result)}`).toEqual([]);
    });
  }
});
