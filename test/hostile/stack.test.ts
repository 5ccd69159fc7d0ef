/**
 * A parser that runs out of stack: whatever the shape of a file and however little stack is left
 * when it is parsed, the outcome is a finding of that file, never an exception that ends the run.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, header } from './catalogue.js';

/** `a:` with one entry, then `lines` entries indented further than it (what the probe wrote). */
function overIndented(lines: number): string {
  let text = `${header('deep')}a:\n  k: v\n`;
  for (let i = 0; i < lines; i++) text += `    k${i}: v${i}\n`;
  return text;
}

/** A list whose items are indented further and further, within the nesting limit, many times over. */
function overIndentedList(items: number): string {
  let text = `${header('list')}activities:\n`;
  for (let i = 0; i < items; i++) text += `${' '.repeat(2 + 2 * (i % 30))}- item${i}\n`;
  return text;
}

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
    for (const text of [overIndented(1806), overIndentedList(700)]) {
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
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'map.yaml': overIndented(1806), 'list.yaml': overIndentedList(700) });
    const runs = ['1', '2'].map((threads) => runCli(['check', '.', '--as-of', AS_OF, '--format', 'json', '--concurrency', threads], { cwd: dir }));
    expect(runs[0].stderr).toBe('');
    expect(runs[0].status).toBe(1);
    expect(runs[1]).toEqual(runs[0]);
    const files = new Set((JSON.parse(runs[0].stdout).findings as { file: string }[]).map((f) => f.file));
    expect([...files].sort()).toEqual([CONTROL_FILE, 'list.yaml', 'map.yaml'].sort());
  });
});
