/**
 * An unchanged re-run with the cache gives the stored output at once: it looks at every file and
 * reads the cache, and loads neither a formatter nor node:crypto (no hash is needed).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const ENV = { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' };

describe('an unchanged re-run with the cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-rerun-'));
    cpSync(path.join(ROOT, 'examples', 'clean'), path.join(dir, 'logs'), { recursive: true });
    // A file changed (or copied) in the last two seconds is read again whatever its stamp says.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Printed at exit: whether the process loaded node:crypto.
    writeFileSync(path.join(dir, 'probe.cjs'), "process.on('exit', () => process.stderr.write(`crypto:${process.moduleLoadList.includes('NativeModule crypto')}\\n`));\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () =>
    spawnSync(process.execPath, ['--require', path.join(dir, 'probe.cjs'), BIN, 'check', 'logs', '--as-of', '2026-07-01', '--format', 'json', '--cache'], { cwd: dir, env: ENV, encoding: 'utf8' });

  it('gives the stored output without loading node:crypto', () => {
    const first = run();
    expect(first.stderr).toBe('crypto:true\n');
    const again = run();
    expect(again.stderr).toBe('crypto:false\n');
    expect(again.stdout).toBe(first.stdout);
    expect(again.status).toBe(first.status);
  });
});
