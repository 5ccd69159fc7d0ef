/**
 * Determinism: the same inputs, as-of date and configuration give byte-for-byte the same output,
 * whatever the machine's time zone and locale, the order in which the files are named or were
 * created, and whether they are named relative (with or without ./), absolute or by folder. The time
 * zone and locale are the process's: each environment is a process of its own, which runs every
 * command.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from './hostile/catalogue.js';
import { ROOT, runCli, runInOneProcess, runMain, tempTree, type CliResult } from './helpers.js';

const example = (file: string) => readFileSync(path.join(ROOT, 'examples', file), 'utf8');

/** Examples plus files that exercise every kind of finding, in folders with Chinese names and spaces. */
const CORPUS: [string, string | Uint8Array][] = [
  ['logs/clean/concentrator-2.yaml', example('clean/concentrator-2.yaml')],
  ['logs/split/power-3-2026-q1.yaml', example('split/power-3-2026-q1.yaml')],
  ['logs/split/power-3-2026-q2.yaml', example('split/power-3-2026-q2.yaml')],
  ['logs/broken/smelter-1.yaml', example('broken/smelter-1.yaml')],
  ['logs/broken/refinery-yaml-error.yaml', example('broken/refinery-yaml-error.yaml')],
  ['logs/第二 车间/旧台账.yaml', encodeGb18030('version: 1\nbranch:\n  id: 旧台账\n  name: 第二车间党支部\n  members: 5\n')],
  ['logs/第二 车间/日期.yaml', 'version: 1\nbranch:\n  id: dates\n  name: 日期\n  members: 5\nactivities:\n  - date: 2026-02-29\n    type: 党课\n  - date: 2026-03-31\n    type: 支委会\n  - date: 2026-12-31\n    type: 党课\n# 13800138000\n'],
  ['logs/Zeta.yaml', 'version: 1\nbranch:\n  id: zeta\n  name: Z\n  members: 3\n'],
  ['logs/alpha.yml', 'version: 1\nbranch:\n  id: alpha\n  name: A\n  members: 3\n'],
];

const ENVIRONMENTS = [
  { TZ: 'UTC', LANG: 'C' },
  { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' },
  { TZ: 'America/Los_Angeles', LANG: 'C' },
  { TZ: 'UTC', LANG: 'zh_CN.UTF-8' },
  { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8' },
  { TZ: 'Asia/Shanghai', LANG: 'C' },
];

/** Deterministic shuffles of the file list, so that failures can be reproduced. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

describe('determinism', () => {
  let forward: string;
  let backward: string;
  const names = CORPUS.map(([name]) => name);
  /** How the files are named on the command line, one spelling per run. */
  const spellings = (dir: string): string[][] => [
    ['logs'],
    shuffled(names, 1),
    shuffled(names, 2).map((name) => `./${name}`),
    shuffled(names, 3).map((name) => path.join(dir, name)),
    ['./logs/', path.join(dir, 'logs', 'broken')],
    ['logs/**/*.yaml', 'logs/**/*.yml'],
  ];

  /** Per environment, the result of each command, all run in one process started in that environment. */
  let results: CliResult[][];

  beforeAll(() => {
    // The same files created in opposite orders: directory listings may follow creation order.
    forward = tempTree(Object.fromEntries(CORPUS));
    backward = tempTree(Object.fromEntries([...CORPUS].reverse()));
    results = ENVIRONMENTS.map((env, i) => {
      const dir = i % 2 ? backward : forward;
      const paths = spellings(dir)[i % spellings(dir).length];
      const list = commands.map(([, [command, ...options]]) => ({ args: [command, ...paths, ...options], cwd: dir }));
      return runInOneProcess(list, { env: { ...env, LC_ALL: undefined } });
    });
  }, 120_000);

  const commands: [string, string[], number][] = [
    ['check --format json', ['check', '--as-of', '2026-07-01', '--format', 'json'], 1],
    ['check --format sarif', ['check', '--as-of', '2026-07-01', '--format', 'sarif'], 1],
    ['report --format json', ['report', '--period', '2026-H1', '--as-of', '2026-07-01', '--format', 'json'], 1],
    ['report --format csv', ['report', '--period', '2026-Q2', '--as-of', '2026-07-01', '--format', 'csv'], 1],
    ['report --format html', ['report', '--period', '2026', '--as-of', '2026-07-01', '--format', 'html'], 1],
    ['due --format json', ['due', '--as-of', '2026-06-20', '--format', 'json'], 1],
    ['due --format ics', ['due', '--as-of', '2026-06-20', '--format', 'ics'], 1],
  ];
  commands.forEach(([name, , status], index) => {
    it(`${name}: byte-identical in every time zone, locale, file order and path spelling`, () => {
      const outputs = results.map((byCommand) => {
        const result = byCommand[index];
        expect(result.stderr).toBe('');
        expect(result.status).toBe(status);
        return result.stdout;
      });
      expect(outputs[0].length).toBeGreaterThan(1000);
      for (const output of outputs.slice(1)) expect(output).toBe(outputs[0]);
    });
  });

  it('takes "today" in the configured time zone (Asia/Shanghai), never the machine\'s', () => {
    // Shanghai and Los Angeles are on different dates for 16 hours of every day.
    const asOf = (TZ: string) => JSON.parse(runCli(['check', 'logs/clean', '--format', 'json'], { cwd: forward, env: { TZ } }).stdout).asOf;
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect([asOf('America/Los_Angeles'), asOf('UTC'), asOf('Asia/Shanghai')]).toEqual([shanghai, shanghai, shanghai]);
  });

  it('finds what the corpus holds, so that the comparison means something', async () => {
    const json = JSON.parse((await runMain(['check', 'logs', '--as-of', '2026-07-01', '--format', 'json'], { cwd: forward })).stdout);
    const rules = new Set(json.findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ['encoding', 'yaml-syntax', 'schema', 'no-personal-data', 'future-date', 'political-study-monthly']) expect(rules).toContain(id);
    expect(json.summary.files).toBe(CORPUS.length);
  });
});
