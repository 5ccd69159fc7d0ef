/** A reader that goes away (`dangjian check logs | head`) ends the output quietly, with the run's own exit status. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

function runAndCloseEarly(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first chunk, then close the pipe, as `head -c 1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a closed pipe', () => {
  it.each([
    ['check examples --as-of 2026-07-01 --format sarif', 1],
    ['report --help', 0],
    ['rules', 0],
  ] as const)('dangjian %s', async (command, status) => {
    const args = command.split(' ');
    const result = await runAndCloseEarly([...args]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(status);
  });
});
