/**
 * A full disk, simulated: every write to a file in one folder fails with ENOSPC after half its
 * bytes, as on a device that fills up. A report file is written whole or not at all, the old one
 * kept; a cache that cannot be written never changes the result.
 */
import * as fs from 'node:fs';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMain, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, RECORD_RULES_OFF } from './catalogue.js';

const full = vi.hoisted(() => ({ folder: undefined as string | undefined, paths: new Map<number, string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const inFull = (file: string) => full.folder !== undefined && path.resolve(file).startsWith(full.folder + path.sep);
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
  const mocked = {
    ...real,
    openSync: (file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (real.openSync as (...args: unknown[]) => number)(file, ...rest);
      full.paths.set(fd, String(file));
      return fd;
    },
    writeSync: (fd: number, data: NodeJS.ArrayBufferView | string, ...rest: unknown[]) => {
      const file = full.paths.get(fd);
      if (file !== undefined && inFull(file)) {
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        (real.writeSync as (...args: unknown[]) => number)(fd, bytes.subarray(0, bytes.length >> 1));
        throw noSpace();
      }
      return (real.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    },
    writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
      if (typeof file === 'string' && inFull(file)) {
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        real.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
        throw noSpace();
      }
      return (real.writeFileSync as (...args: unknown[]) => void)(file, data, ...rest);
    },
  };
  return { ...mocked, default: mocked };
});

describe('hostile disk: full', () => {
  it('an --output on a full disk: one line, exit status 2, the old report kept, nothing left behind', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'out/result.sarif': 'the old report' });
    full.folder = path.join(dir, 'out');
    try {
      for (const [command, extra] of [
        ['check', ['--format', 'sarif']],
        ['report', ['--period', '2026-01', '--format', 'csv']],
        ['due', ['--format', 'ics']],
      ] as const) {
        const result = await runMain([command, CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, ...extra, '-o', 'out/result.sarif'], { cwd: dir });
        expect(result).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 无法写入 out/result.sarif（ENOSPC）\n' });
        expect(readFileSync(path.join(dir, 'out/result.sarif'), 'utf8')).toBe('the old report');
        expect(readdirSync(path.join(dir, 'out'))).toEqual(['result.sarif']);
      }
    } finally {
      full.folder = undefined;
    }
  });

  it('a cache on a full disk: the result as without a cache, one warning, the old cache kept', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'b.yaml': CONTROL.replace('id: control', 'id: b') });
    const args = ['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'];
    const cached = [...args, '--cache-location', 'cache/'];
    expect((await runMain(cached, { cwd: dir })).status).toBe(1);
    const before = readFileSync(path.join(dir, 'cache/check.cache'));
    appendFileSync(path.join(dir, 'b.yaml'), '  - { date: 2026-01-25, type: 支委会, title: 又一次 }\n');
    const plain = await runMain(args, { cwd: dir });
    full.folder = path.join(dir, 'cache');
    try {
      const result = await runMain(cached, { cwd: dir });
      expect(result.stdout).toBe(plain.stdout);
      expect(result.status).toBe(plain.status);
      expect(result.stderr).toMatch(/^dangjian: 无法写入缓存文件 [^\n]*check\.cache（ENOSPC），检查结果不受影响\n$/);
    } finally {
      full.folder = undefined;
    }
    expect(readFileSync(path.join(dir, 'cache/check.cache')).equals(before)).toBe(true);
    expect(readdirSync(path.join(dir, 'cache'))).toEqual(['check.cache']);
  });
});


describe('hostile disk: full, for every command that writes a file', () => {
  /** Runs `args` with the folder `full` of `dir` on a full disk; every file of `dir` as it was, and no temporary file left. */
  async function onFullDisk(dir: string, args: string[]) {
    const before = snapshot(dir);
    full.folder = path.join(dir, 'full');
    try {
      const result = await runMain(args, { cwd: path.join(dir, 'full') });
      expect(snapshot(dir)).toEqual(before);
      return result;
    } finally {
      full.folder = undefined;
    }
  }
  const snapshot = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => fs.statSync(path.join(dir, name)).isFile())
        .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
    );

  it('--fix: the log stays whole, one line says it could not be written, and the rest of the check runs', async () => {
    const log = CONTROL.replace('date: 2026-01-05', 'date: 2026/01/05');
    const dir = tempTree({ [`full/${CONTROL_FILE}`]: log });
    const result = await onFullDisk(dir, ['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--fix']);
    expect(result.stderr).toBe(`dangjian: 无法写入修复后的 ${CONTROL_FILE}（ENOSPC）：请检查文件是否只读或被其他程序占用\n`);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2026/01/05');
  });

  it.each([
    ['template', ['template', '-o', 'old.xlsx', '--force'], 'old.xlsx'],
    ['export', ['export', `../${CONTROL_FILE}`, '-o', 'old.xlsx', '--force'], 'old.xlsx'],
    ['import', ['import', '../in.csv', '-o', 'old.yaml', '--force'], 'old.yaml'],
  ])('%s --force over an old file: one line, exit status 2, the old file kept', async (_name, args, target) => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'in.csv': '日期,类型,标题\n2026-01-05,党课,党课\n', 'full/old.xlsx': 'the old workbook', 'full/old.yaml': 'the old log' });
    const result = await onFullDisk(dir, args);
    expect(result.stderr).toMatch(new RegExp(`^dangjian: 无法写入 ${target.replace('.', '\\.')}（ENOSPC）`));
    expect(result.status).toBe(2);
  });

  it('init: no half-written file is left, and a later init can write it', async () => {
    const dir = tempTree({ 'full/.keep': '' });
    const result = await onFullDisk(dir, ['init', '--yes', '--since', '2026-01-01']);
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 无法写入 branch.yaml（ENOSPC）\n' });
    const again = await runMain(['init', '--yes', '--since', '2026-01-01'], { cwd: path.join(dir, 'full') });
    expect(again.status).toBe(0);
  });
});
