import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('dangjian check on the clean example', () => {
  it('finds nothing as of its date and exits 0', () => {
    const result = runCli(['check', 'examples/clean', '--as-of', '2026-07-01']);
    expect(result).toEqual({ status: 0, stdout: '✔ 没有发现问题（检查了 1 个文件、1 个支部）\n', stderr: '' });
  });
});
