/**
 * The ways a check can run (streaming branch by branch, from the cache, in worker threads) against
 * the straightforward `Engine.check`: byte-for-byte the same JSON on the generated corpus. And the
 * cache's safety: a truncated, damaged, foreign or unreadable cache is reported and never trusted.
 * (No test here asserts a time.)
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineOptions } from '../src/engine.js';
import { formatJson } from '../src/formats/json.js';
import { findFiles, type InputFile } from '../src/load/files.js';
import { findPersonalNumbers, mayHoldPersonalNumber } from '../src/privacy.js';
import { CACHE_FORMAT, cacheFilePath } from '../src/run/cache.js';
import { runCheck, type RunOptions } from '../src/run/check-run.js';
import { CORPUS_AS_OF, CORPUS_SINCE, corpusOnDisk } from './corpus.js';
import { header, runCli, tempTree } from './helpers.js';

const options = (extra: Partial<EngineOptions> = {}): EngineOptions => ({ window: { asOf: CORPUS_AS_OF, since: CORPUS_SINCE }, lang: 'zh-CN', ...extra });

async function corpus(branches: number): Promise<{ dir: string; files: InputFile[] }> {
  const dir = corpusOnDisk(branches);
  return { dir, files: await findFiles([dir], dir) };
}

function straightforward(files: InputFile[], extra?: Partial<EngineOptions>): string {
  return formatJson(new Engine(options(extra)).check(files).result);
}

async function viaRun(files: InputFile[], run: RunOptions, extra?: Partial<EngineOptions>): Promise<string> {
  return formatJson(await runCheck(new Engine(options(extra)), files, run));
}

describe('streaming check', () => {
  it('gives the straightforward result on the corpus, streaming or not', { timeout: 300_000 }, async () => {
    const { files } = await corpus(1000);
    const expected = straightforward(files);
    expect(await viaRun(files, { stream: true })).toBe(expected);
    expect(await viaRun(files, { stream: false })).toBe(expected);
    const quiet = straightforward(files, { quiet: true, lang: 'en' });
    expect(await viaRun(files, { stream: true }, { quiet: true, lang: 'en' })).toBe(quiet);
  });

  it('starts again without streaming when a file turns out to belong to a branch already checked', async () => {
    // The second file's branch id is beyond the part of the file read for the prediction.
    const padding = `${'# 备注\n'.repeat(3000)}`;
    const dir = tempTree({
      'a.yaml': `${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-01-05, type: 支委会, firstTopic: 学习 }\n`,
      'b.yaml': `${padding}${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-02-05, type: 支委会, firstTopic: 学习 }\n`,
      'c.yaml': `${header('b2')}`,
    });
    const files = await findFiles([dir], dir);
    const window = { asOf: '2026-03-01', since: '2026-01-01' };
    expect(await viaRun(files, { stream: true }, { window })).toBe(straightforward(files, { window }));
  });
});

describe('check cache', () => {
  async function cachedRun(files: InputFile[], location: string, extra?: Partial<EngineOptions>, tool = '0.0.0-test') {
    const warnings: string[] = [];
    const json = await viaRun(files, { cache: { location, cwd: os.tmpdir(), tool }, warn: (id) => warnings.push(id) }, extra);
    return { json, warnings };
  }

  it('gives the straightforward result cold, unchanged, after an option change and after a file change', { timeout: 300_000 }, async () => {
    const { dir: source } = await corpus(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-corpus-'));
    cpSync(source, dir, { recursive: true });
    const files = await findFiles([dir], dir);
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'cache/');
    const expected = straightforward(files);

    expect(await cachedRun(files, location)).toEqual({ json: expected, warnings: [] });
    expect(await cachedRun(files, location)).toEqual({ json: expected, warnings: [] });
    // Another as-of date: rule results are not reused, per-file analyses are.
    const window = { asOf: '2025-07-01', since: CORPUS_SINCE };
    expect(await cachedRun(files, location, { window })).toEqual({ json: straightforward(files, { window }), warnings: [] });
    // One file changes: only it is analysed again.
    appendFileSync(files[3].absolute, '  - { date: 2025-12-30, type: 国防教育, title: 补充记录 }\n');
    appendFileSync(files[7].absolute, 'bad: [\n');
    expect(await cachedRun(files, location)).toEqual({ json: straightforward(files), warnings: [] });
    expect(await cachedRun(files, location)).toEqual({ json: straightforward(files), warnings: [] });
    // The write is atomic: nothing but the cache file is left behind.
    expect(readdirSync(location)).toEqual(['check.cache']);
  });

  it('ignores a truncated, damaged, foreign or unreadable cache with a warning, and rewrites it', { timeout: 120_000 }, async () => {
    const { files } = await corpus(30);
    const expected = straightforward(files);
    const base = mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-'));
    const file = path.join(base, 'my.cache');
    const fresh = async () => {
      await cachedRun(files, file);
      return readFileSync(file);
    };

    let bytes = await fresh();
    truncateSync(file, Math.floor(bytes.length / 2));
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: ['cache.truncated'] });
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: [] });

    bytes = await fresh();
    writeFileSync(file, 'not a cache at all\n');
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: ['cache.damaged'] });

    // A flipped byte inside the stored result: the checksum catches it.
    bytes = await fresh();
    const text = bytes.toString('utf8');
    const at = text.lastIndexOf('"errors":');
    writeFileSync(file, text.slice(0, at) + '"errors":9' + text.slice(at + 10));
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: ['cache.damaged'] });

    // A flipped byte in a file's stored analysis, with the run result gone: caught as well.
    bytes = await fresh();
    const lines = bytes.toString('utf8').split('\n');
    lines[2] = lines[2].replace(/"line":(\d)/, (_, digit: string) => `"line":${digit === '9' ? '8' : '9'}`);
    writeFileSync(file, lines.join('\n'));
    expect((await cachedRun(files, file, { lang: 'en' })).warnings).toEqual(['cache.damaged']);
    expect(await cachedRun(files, file, { lang: 'en' })).toEqual({ json: straightforward(files, { lang: 'en' }), warnings: [] });

    // Written by another version.
    await fresh();
    expect(await cachedRun(files, file, undefined, '9.9.9')).toEqual({ json: expected, warnings: ['cache.version'] });
    expect(readFileSync(file, 'utf8')).toContain(CACHE_FORMAT);

    // Unreadable: a folder where the file should be.
    const folder = path.join(base, 'folder.cache');
    mkdirSync(folder);
    const result = await viaRun(files, { cache: { location: path.join(base, 'x', '..', 'folder.cache', 'inner', '..'), cwd: base, tool: 't' } });
    expect(result).toBe(expected);
    expect(existsSync(path.join(folder, 'check.cache'))).toBe(true);
  });

  it('puts the cache file in a folder or at the given path', () => {
    expect(cacheFilePath(undefined, '/w')).toBe(path.join('/w', '.dangjian-cache', 'check.cache'));
    expect(cacheFilePath('c/', '/w')).toBe(path.join('/w', 'c', 'check.cache'));
    expect(cacheFilePath('c.cache', '/w')).toBe(path.join('/w', 'c.cache'));
  });

  it('warns on stderr from the command line, in the chosen language', () => {
    const dir = tempTree({ 'b.yaml': header('b1') });
    const args = ['check', 'b.yaml', '--as-of', '2026-07-01', '--format', 'json', '--cache'];
    const cold = runCli([...args, '--lang', 'en'], { cwd: dir });
    writeFileSync(path.join(dir, '.dangjian-cache', 'check.cache'), 'garbage');
    const damaged = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(damaged.stdout).toBe(cold.stdout);
    expect(damaged.stderr).toMatch(/^dangjian: The cache file .*check\.cache is (damaged|incomplete)/);
    expect(runCli(args, { cwd: dir }).stderr).toBe('');
  });
});

describe('personal-number pre-check', () => {
  it('is the regular expression it replaces', () => {
    const original = (text: string) => /\d{11}/.test(text.replace(/[ -]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1', '0', '9', ' ', '-', 'a', '\n', '中', ':'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        return mayHoldPersonalNumber(text) === original(text);
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(findPersonalNumbers('电话 138-1234-5678')).toHaveLength(1);
  });
});

describe('worker threads', () => {
  it('give the single-thread output, byte for byte, from the command line', { timeout: 300_000 }, () => {
    const dir = corpusOnDisk(300);
    const args = ['check', '.', '--format', 'json', '--as-of', CORPUS_AS_OF, '--since', CORPUS_SINCE];
    const single = runCli([...args, '--concurrency', '1'], { cwd: dir });
    expect(single.stdout).toContain('"summary"');
    for (const concurrency of ['2', '3']) {
      const threaded = runCli([...args, '--concurrency', concurrency], { cwd: dir });
      expect(threaded).toEqual(single);
    }
    // Whatever the default picks for this many files, the output is the same.
    expect(runCli(args, { cwd: dir })).toEqual(single);
    const stylish = ['check', '.', '--as-of', CORPUS_AS_OF, '--since', CORPUS_SINCE, '--lang', 'en'];
    expect(runCli([...stylish, '--concurrency', '2'], { cwd: dir })).toEqual(runCli([...stylish, '--concurrency', '1'], { cwd: dir }));
  });

  it('fall back to this thread when a worker cannot start, with the same result', async () => {
    const { files } = await corpus(30);
    const engine = new Engine(options());
    // Run from the sources, the worker module does not exist: every batch comes back to this thread.
    const threaded = formatJson(await runCheck(engine, files, { concurrency: 2 }));
    expect(threaded).toBe(straightforward(files));
  });
});
