/**
 * An unexpected error (a bug, not bad input): one line asking the user to report it, exit status 2,
 * and the stack only with --debug. The error is injected through DANGJIAN_TEST_INTERNAL_ERROR, a
 * test hook that only this suite sets (src/commands/common.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const ID = '110101199003074514';
const args = ['check', 'examples/clean', '--as-of', '2026-07-01'];
const env = { DANGJIAN_TEST_INTERNAL_ERROR: `无法处理 ${ID}.yaml` };

describe('internal errors', () => {
  it('print one line that asks for a report, and exit 2', () => {
    const result = runCli(args, { env });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: 内部错误：无法处理 1101**********4514.yaml。这是 dangjian 的缺陷，请把命令和输入文件报告给维护者（加 --debug 可显示详情）\n',
    });
    expect(runCli([...args, '--lang', 'en'], { env }).stderr).toBe(
      'dangjian: Internal error: 无法处理 1101**********4514.yaml. This is a bug in dangjian; please report the command and the input files (add --debug for details)\n',
    );
  });

  it('print the stack only with --debug, still without personal numbers', () => {
    const result = runCli([...args, '--debug'], { env });
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Error: 无法处理 1101**********4514.yaml');
    expect(lines.slice(1, -1).every((line) => /^\s+at /.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('prepareRun'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^dangjian: 内部错误：/);
    expect(result.stderr).not.toContain(ID);
  });

  it('never happens without the hook: the same command succeeds', () => {
    expect(runCli(args).status).toBe(0);
  });
});
