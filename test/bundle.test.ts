/**
 * The command line as it starts fastest (one CommonJS bundle run with V8's code cache, written by
 * `npm run build`) against the straightforward path (the ES modules tsc writes to dist/, which the
 * binary runs when the bundle is absent): the same output, byte for byte, for every command and
 * format on the shipped examples, and a code cache this Node accepts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const ENV = { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' };

/** Runs a binary in the repository root (where its configuration file applies) with a clean environment. */
function run(bin: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RUNS: [string, string[]][] = [
  ['check stylish', ['check', 'examples', '--as-of', '2026-07-01']],
  ['check json, English', ['check', 'examples', '--as-of', '2026-07-01', '--format', 'json', '--lang', 'en']],
  ['check sarif', ['check', 'examples', '--as-of', '2026-07-01', '--format', 'sarif']],
  ['check junit', ['check', 'examples', '--as-of', '2026-07-01', '--format', 'junit']],
  ['check github', ['check', 'examples', '--as-of', '2026-07-01', '--format', 'github']],
  ['check with two threads', ['check', 'examples', '--as-of', '2026-07-01', '--format', 'json', '--concurrency', '2']],
  ['report', ['report', 'examples', '--period', '2026-Q2', '--as-of', '2026-07-01']],
  ['report html', ['report', 'examples', '--period', '2026-Q2', '--as-of', '2026-07-01', '--format', 'html']],
  ['due', ['due', 'examples', '--as-of', '2026-07-01']],
  ['rules', ['rules']],
  ['a usage error', ['check', 'examples', '--as-of', '2026-13-01']],
  ['an unknown option', ['check', '--frmat', 'json']],
];

describe('the bundled command line', () => {
  let plainRoot: string;
  let plainBin: string;

  beforeAll(() => {
    // A copy of the package without the bundle: the binary falls back to the ES modules.
    plainRoot = mkdtempSync(path.join(os.tmpdir(), 'dangjian-plain-'));
    cpSync(path.join(ROOT, 'bin'), path.join(plainRoot, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(plainRoot, 'dist'), { recursive: true, filter: (source) => !/\.bundle\./.test(path.basename(source)) });
    cpSync(path.join(ROOT, 'package.json'), path.join(plainRoot, 'package.json'));
    // The rule pages ship beside the built command (package.json `files`).
    cpSync(path.join(ROOT, 'src', 'rules'), path.join(plainRoot, 'src', 'rules'), { recursive: true, filter: (source) => !/\.[cm]?ts$/.test(source) });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(plainRoot, 'node_modules'), 'junction');
    plainBin = path.join(plainRoot, 'bin', path.basename(BIN));
  });

  afterAll(() => rmSync(plainRoot, { recursive: true, force: true }));

  it.each(RUNS)('%s: the same output as the ES modules', (_name, args) => {
    const bundled = run(BIN, args);
    // Links to the documentation name the package's own folder.
    const plain = JSON.parse(JSON.stringify(run(plainBin, args)).replaceAll(plainRoot, ROOT));
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    expect(bundled).toEqual(plain);
  });

  /** What a node process prints of `expression` (JSON), with `runWithCodeCache` and `path` at hand. */
  function withCodeCache(expression: string): unknown {
    const script = [
      "const path = require('node:path');",
      "const { runWithCodeCache } = require(path.resolve('dist/code-cache.cjs'));",
      `console.log(JSON.stringify(${expression}));`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  }

  it('runs with a code cache that this Node accepts', () => {
    const files = ['dist/cli.bundle.cjs', 'dist/schema/branch-log-validator.cjs', 'dist/schema/config-validator.cjs'];
    expect(withCodeCache(`${JSON.stringify(files)}.map((file) => [file, runWithCodeCache(path.resolve(file)).codeCache])`)).toEqual(files.map((file) => [file, 'used']));
  });

  it('runs a script in UTF-8 and one in ASCII alike (an ASCII one is read without decoding)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-code-cache-'));
    try {
      writeFileSync(path.join(dir, 'utf8.cjs'), 'module.exports = { text: "党支部" };');
      writeFileSync(path.join(dir, 'ascii.cjs'), 'module.exports = { text: "\\u515a" };');
      const files = ['utf8.cjs', 'ascii.cjs'].map((file) => path.join(dir, file));
      expect(withCodeCache(`${JSON.stringify(files)}.map((file) => runWithCodeCache(file).exports.text)`)).toEqual(['党支部', '党']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the binary that package.json and its lockfile name (npx finds it through the lockfile)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
    expect(manifest.bin).toEqual({ dangjian: path.relative(ROOT, BIN).split(path.sep).join('/') });
    expect(lock.packages[''].bin).toEqual(manifest.bin);
    expect(existsSync(BIN)).toBe(true);
  });

  it('is also run by bin/dangjian.js, kept for links npx made before the command moved', () => {
    const args = ['check', 'examples', '--as-of', '2026-07-01', '--format', 'json'];
    const viaOld = run(path.join(ROOT, 'bin', 'dangjian.js'), args);
    expect(viaOld.status).toBe(1);
    expect(viaOld).toEqual(run(BIN, args));
  });
});
