/**
 * The check cache against the straightforward `Engine.check`: byte-for-byte the same JSON on the
 * generated corpus, and its safety: a truncated, damaged, foreign or unreadable cache is reported
 * and never trusted. (No test here asserts a time.)
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Engine, type EngineOptions } from '../../src/engine.js';
import { formatJson } from '../../src/formats/json.js';
import { findFiles, type InputFile } from '../../src/load/files.js';
import { findPersonalNumbers, mayHoldPersonalNumber } from '../../src/privacy.js';
import { CACHE_FORMAT, cacheFilePath, CheckCache, type StoredRun } from '../../src/run/cache.js';
import { runAndRender, runCheck } from '../../src/run/check-run.js';
import type { CheckResult } from '../../src/types.js';
import { CORPUS_SINCE } from '../corpus.js';
import { header, runMain, tempTree } from '../helpers.js';
import { corpus, options, straightforward, viaRun } from './common.js';

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
    // Another as-of date: no stored result or branch is for it.
    const window = { asOf: '2025-07-01', since: CORPUS_SINCE };
    expect(await cachedRun(files, location, { window })).toEqual({ json: straightforward(files, { window }), warnings: [] });
    // Files change: only their branches are checked again.
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
    writeFileSync(file, `${CACHE_FORMAT}\nnot a cache at all\n`);
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: ['cache.damaged'] });

    // A flipped byte inside the stored result: the checksum catches it.
    bytes = await fresh();
    const text = bytes.toString('utf8');
    const at = text.lastIndexOf('"errors":');
    writeFileSync(file, text.slice(0, at) + '"errors":9' + text.slice(at + 10));
    expect(await cachedRun(files, file)).toEqual({ json: expected, warnings: ['cache.damaged'] });

    // A flipped byte in a stored branch, read by a run the stored result is not for (one file
    // fewer): caught as well.
    bytes = await fresh();
    const lines = bytes.toString('utf8').split('\n');
    const flipped = lines.findIndex((line, index) => index > 0 && /"line":\d/.test(line));
    lines[flipped] = lines[flipped].replace(/"line":(\d)/, (_, digit: string) => `"line":${digit === '9' ? '8' : '9'}`);
    writeFileSync(file, lines.join('\n'));
    const fewer = files.slice(1);
    expect((await cachedRun(fewer, file)).warnings).toEqual(['cache.damaged']);
    expect(await cachedRun(fewer, file)).toEqual({ json: straightforward(fewer), warnings: [] });

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

  it('finds an unchanged run by its stamps once every file has settled, and gives the straightforward output all along', { timeout: 300_000 }, async () => {
    const { dir: source } = await corpus(40);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-settled-'));
    cpSync(source, dir, { recursive: true });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const rendering = { key: 'json', render: async (result: CheckResult) => Buffer.from(formatJson(result), 'utf8') };
    const engine = new Engine(options());
    const run = { cache: { location, cwd: dir, tool: 't' }, warn: (id: string) => expect.fail(id) };
    const check = async () => {
      const files = await findFiles([dir], dir);
      const expected = straightforward(files);
      expect(Buffer.from((await runAndRender(engine, files, run, rendering)).output).toString('utf8')).toBe(expected);
      expect(formatJson(await runCheck(engine, files, run))).toBe(expected);
      return new CheckCache(location, 't');
    };
    // Every file is old enough to be trusted: the clock an hour on.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3_600_000);
      await check();
      const files = await findFiles([dir], dir);
      const stampsKeys = () => {
        const cache = new CheckCache(location, 't');
        return (cache as unknown as { runs: StoredRun[] }).runs.map((stored) => stored.stamps?.checksum);
      };
      expect(stampsKeys()).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
      await check();
      appendFileSync(files[3].absolute, '  - { date: 2025-12-30, type: 国防教育, title: 补充记录 }\n');
      await check();
      await check();
      // Touched: the same bytes, other stamps.
      utimesSync(files[5].absolute, new Date('2021-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
      await check();
      rmSync(files[7].absolute);
      await check();
      writeFileSync(files[7].absolute, readFileSync(files[8].absolute, 'utf8').replace(/id: (\S+)/, 'id: $1-copy'));
      await check();
      await check();
      expect(stampsKeys()[0]).toMatch(/^[0-9a-f]{32}$/);
      // Stamps lead to one run only.
      expect(new Set(stampsKeys().filter(Boolean)).size).toBe(stampsKeys().filter(Boolean).length);
    } finally {
      vi.useRealTimers();
    }
    // Now, with the real clock, the copied file is too new to be trusted by its stamp: the same output.
    await check();
  });

  it('puts the cache file in a folder or at the given path', () => {
    expect(cacheFilePath(undefined, '/w')).toBe(path.join('/w', '.dangjian-cache', 'check.cache'));
    expect(cacheFilePath('c/', '/w')).toBe(path.join('/w', 'c', 'check.cache'));
    expect(cacheFilePath('c.cache', '/w')).toBe(path.join('/w', 'c.cache'));
  });

  it('warns on stderr from the command line, in the chosen language', async () => {
    const dir = tempTree({ 'b.yaml': header('b1') });
    const args = ['check', 'b.yaml', '--as-of', '2026-07-01', '--format', 'json', '--cache'];
    const cold = await runMain([...args, '--lang', 'en'], { cwd: dir });
    writeFileSync(path.join(dir, '.dangjian-cache', 'check.cache'), 'garbage');
    const damaged = await runMain([...args, '--lang', 'en'], { cwd: dir });
    expect(damaged.stdout).toBe(cold.stdout);
    expect(damaged.stderr).toMatch(/^dangjian: The cache file .*check\.cache is (damaged|incomplete)/);
    expect((await runMain(args, { cwd: dir })).stderr).toBe('');
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

  it('never misses a number the full search finds (full-width digits, odd separators, %20)', () => {
    const pieces = ['1', '3', '8', '0', '5', '１', '３', '８', ' ', '-', '\u3000', '\u00a0', '.', '%20', '%2', 'x', 'X', '中', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        return findPersonalNumbers(text).length === 0 || mayHoldPersonalNumber(text);
      }),
      { numRuns: 5000, seed: 12 },
    );
    expect(mayHoldPersonalNumber('%2013800138000')).toBe(true);
    expect(mayHoldPersonalNumber('２０２６年１月５日 2026-01-05')).toBe(false);
  });

  it('is the one pass over every character it replaces', () => {
    const separator = (code: number) =>
      code === 0x20 || code === 0x2d || code === 0x2e || code === 0xa0 || code === 0xad || code === 0xb7 || (code >= 0x2000 && code <= 0x2015) ||
      [0x2024, 0x2027, 0x202f, 0x205f, 0x2060, 0x2212, 0x3000, 0x30fb, 0xfeff, 0xff0d, 0xff0e, 0xff65].includes(code);
    const hex = (code: number) => /[0-9A-Fa-f]/.test(String.fromCharCode(code));
    const original = (text: string) => {
      let count = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) {
          if (++count >= 11) return true;
        } else if (count > 0) {
          if (code === 0x25) {
            if (hex(text.charCodeAt(i + 1)) && hex(text.charCodeAt(i + 2))) i += 2;
            else count = 0;
          } else if (!separator(code)) count = 0;
        }
      }
      return false;
    };
    const pieces = ['1', '3', '0', '9', '１', '９', ' ', '-', '.', '\u3000', '\u00b7', '\u2013', '%20', '%2', '%', '%1A', 'a', 'X', '中', '\n', ':'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => mayHoldPersonalNumber(parts.join('')) === original(parts.join(''))),
      { numRuns: 5000, seed: 13 },
    );
  });
});
