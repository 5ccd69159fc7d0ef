/**
 * A parser that runs out of stack: whatever the shape of a file and however little stack is left
 * when it is parsed, the outcome is a finding of that file, never an exception that ends the run.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { BIN, runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE } from './catalogue.js';
import { overIndentedList, overIndentedMap, SIZE_LIMIT } from './deep-lines.js';

/** Calls `run` with only about `margin` frames of stack left. */
function withLittleStack<T>(margin: number, run: () => T): T | 'no room' {
  let depth = 0;
  const probe = (): number => {
    depth++;
    return probe() + 1;
  };
  try {
    probe();
  } catch {
    // depth is how deep a frame of this size goes
  }
  const target = Math.max(0, depth - margin);
  const descend = (n: number): T | 'no room' => (n <= 0 ? run() : descend(n - 1));
  try {
    return descend(target);
  } catch (error) {
    // The descent itself ran out (before the parser was called): no measure of the parser.
    if (error instanceof RangeError) return 'no room';
    throw error;
  }
}

describe('hostile YAML: the parser runs out of stack', () => {
  it('gives an outcome (a value or a problem), never a RangeError, however little stack is left', () => {
    let measured = 0;
    for (const text of [overIndentedMap('deep', 1806), overIndentedList('list', 700)]) {
      for (let margin = 200; margin <= 6000; margin += 200) {
        let outcome: ReturnType<typeof parseYaml> | 'no room' | 'threw';
        try {
          outcome = withLittleStack(margin, () => {
            try {
              return parseYaml(text);
            } catch (error) {
              if (error instanceof RangeError) return 'threw' as const;
              throw error;
            }
          }) as typeof outcome;
        } catch {
          outcome = 'no room';
        }
        if (outcome === 'no room') continue;
        measured++;
        expect(outcome).not.toBe('threw');
      }
    }
    expect(measured).toBeGreaterThan(10);
  });

  it('the files of the issue: per-file findings, the same with --concurrency 1 and 2', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'map.yaml': overIndentedMap('deep', 1806), 'list.yaml': overIndentedList('list', 700) });
    const runs = ['1', '2'].map((threads) => runCli(['check', '.', '--as-of', AS_OF, '--format', 'json', '--concurrency', threads], { cwd: dir }));
    expect(runs[0].stderr).toBe('');
    expect(runs[0].status).toBe(1);
    expect(runs[1]).toEqual(runs[0]);
    const files = new Set((JSON.parse(runs[0].stdout).findings as { file: string }[]).map((f) => f.file));
    expect([...files].sort()).toEqual([CONTROL_FILE, 'list.yaml', 'map.yaml'].sort());
  });

  it('gives the same findings with a fifth of the default stack, for 1 MiB files too', () => {
    const dir = tempTree({
      [CONTROL_FILE]: CONTROL,
      'map.yaml': overIndentedMap('deep', Infinity, SIZE_LIMIT),
      'list.yaml': overIndentedList('list', Infinity, SIZE_LIMIT),
    });
    const args = ['check', '.', '--as-of', AS_OF, '--format', 'json'];
    const usual = runCli(args, { cwd: dir });
    const small = spawnSync(process.execPath, ['--stack-size=200', BIN, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', TZ: 'Asia/Shanghai' } });
    expect(usual.stderr).toBe('');
    expect({ status: small.status, stdout: small.stdout, stderr: small.stderr }).toEqual(usual);
    const findings = (JSON.parse(usual.stdout).findings as { file: string; ruleId: string; line: number }[]).filter((f) => f.file !== CONTROL_FILE);
    expect(findings.map((f) => [f.file, f.ruleId, f.line])).toEqual([
      ['list.yaml', 'yaml-syntax', 8],
      ['map.yaml', 'yaml-syntax', 8],
    ]);
  }, 300_000); // two runs over two 1 MiB files, on a busy machine
});
