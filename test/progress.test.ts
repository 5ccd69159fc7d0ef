import { describe, expect, it } from 'vitest';
import { progressFor } from '../src/commands/progress.js';

function io(isTTY: boolean, env: Record<string, string> = {}) {
  let err = '';
  return {
    io: { cwd: '/', env, stdout: { write: () => true }, stderr: { isTTY, write: (s: string) => (err += s) } },
    err: () => err,
  };
}

describe('progress counter', () => {
  it('appears on a terminal after a second, throttled, and is cleared at the end', () => {
    const { io: target, err } = io(true);
    let clock = 0;
    const progress = progressFor(target, 'zh-CN', { machineOnStdout: false, now: () => clock });
    progress.tick(1, 300);
    clock = 1500;
    progress.tick(100, 300);
    clock = 1550;
    progress.tick(150, 300);
    clock = 1700;
    progress.tick(300, 300);
    progress.done();
    expect(err()).toBe('\r正在检查 100/300 个文件…\r正在检查 300/300 个文件…\r\x1b[K');
  });

  it('stays silent off a terminal, in CI, and with a machine format on stdout', () => {
    for (const [tty, env, machine] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      const { io: target, err } = io(tty, env);
      let clock = 0;
      const progress = progressFor(target, 'en', { machineOnStdout: machine, now: () => clock });
      clock = 5000;
      progress.tick(1, 2);
      progress.done();
      expect(err()).toBe('');
    }
  });
});
