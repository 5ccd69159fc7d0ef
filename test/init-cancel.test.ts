import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { initCommand } from '../src/commands/init.js';
import { message } from '../src/i18n/index.js';
import { tempTree } from './helpers.js';

describe('init cancelled at a question (Ctrl+D, Ctrl+C)', () => {
  it.each([
    ['Ctrl+D', (stdin: PassThrough) => stdin.write('\x04')],
    ['Ctrl+C', (stdin: PassThrough) => stdin.write('\x03')],
  ])('%s is a cancellation, not an internal error, and writes nothing', async (_key, press) => {
    const dir = tempTree({});
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    stdout.resume();
    const io = { cwd: dir, env: {}, stdout, stderr: { write: () => true } };
    const running = initCommand({}, 'zh-CN', io, stdin);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write('power-3\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    press(stdin);
    await expect(running).rejects.toMatchObject({ messageId: 'init.cancelled' });
    expect(message('zh-CN', 'init.cancelled')).toBe('已取消，没有创建任何文件');
    expect(message('en', 'init.cancelled')).toBe('Cancelled; no file was created');
    expect(existsSync(path.join(dir, 'branch.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'dangjian.config.yaml'))).toBe(false);
  });
});
