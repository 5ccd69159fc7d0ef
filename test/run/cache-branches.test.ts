/**
 * The cache's branch layer: after files change, a cached run takes every other branch from the
 * cache and checks the changed ones, and its output is the straightforward `Engine.check`'s, byte
 * for byte, whatever changed: a file's content, a file moved to another branch, added to one,
 * deleted, the configuration, the as-of date; and across files of one branch (a waiver in one
 * file made stale by a record in another).
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineOptions } from '../../src/engine.js';
import { formatJson } from '../../src/formats/json.js';
import { findFiles } from '../../src/load/files.js';
import { CheckCache, type StoredRun } from '../../src/run/cache.js';
import { runCheck, type CacheOptions } from '../../src/run/check-run.js';
import { optionsKeyOf } from '../../src/run/run-keys.js';
import { header, runMain, tempTree } from '../helpers.js';
import { corpus, options, straightforward } from './common.js';

const TOOL = 'test';

/** A cached check of the folder as it is now, and what it was given: its JSON and its warnings. */
async function cached(dir: string, location: string, extra?: Partial<EngineOptions>, cache: Partial<CacheOptions> = {}) {
  const files = await findFiles([dir], dir);
  const warnings: string[] = [];
  const json = formatJson(await runCheck(new Engine(options(extra)), files, { cache: { location, cwd: dir, tool: TOOL, ...cache }, warn: (id) => warnings.push(id) }));
  return { json, warnings, files };
}

/** The cached run's output against a run without the cache, on the folder as it is now. */
async function expectSame(dir: string, location: string, extra?: Partial<EngineOptions>): Promise<string> {
  const run = await cached(dir, location, extra);
  expect(run).toEqual({ json: straightforward(run.files, extra), warnings: [], files: run.files });
  return run.json;
}

/** The stored branches' files (paths as shown, each branch's in path order), checked readable with these options. */
function storedBranches(location: string, extra?: Partial<EngineOptions>): string[][] {
  const cache = new CheckCache(location, TOOL);
  const key = optionsKeyOf(TOOL, new Engine({ ...options(extra), contentKeys: true }));
  const stored = cache.branches(key);
  cache.close();
  expect(stored).toBeDefined();
  const lines = readFileSync(location, 'utf8').split('\n');
  return lines
    .filter((line) => line.startsWith('[[') && line.includes('\t'))
    .map((line) => (JSON.parse(line.slice(0, line.indexOf('\t'))) as [[string, string][], string | null])[0].map(([file]) => file));
}

/** The runs section of a cache file. */
function storedRuns(location: string): StoredRun[] {
  const bytes = readFileSync(location);
  const trailer = JSON.parse(bytes.toString('utf8', bytes.lastIndexOf(0x0a, bytes.length - 2) + 1)) as Record<string, number>;
  const start = bytes.indexOf(0x0a) + 1 + trailer.branchesLength + trailer.stampsLength;
  return JSON.parse(bytes.toString('utf8', start, start + trailer.runsLength)) as StoredRun[];
}

/** The branch id a log gives. */
function idOf(file: string): string {
  return /^ {2}id: (\S+)$/m.exec(readFileSync(file, 'utf8'))![1];
}

describe('cache: branch by branch', () => {
  it('gives the uncached output after a file changes, moves to another branch, joins one, goes, and after option changes', { timeout: 300_000 }, async () => {
    const { dir: source } = await corpus(40);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-branches-'));
    cpSync(source, dir, { recursive: true });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const at = (name: string) => path.join(dir, name);
    const cold = await expectSame(dir, location);
    expect(await expectSame(dir, location)).toBe(cold);
    // Every file is in one stored branch; some branches are in two files.
    const stored = storedBranches(location);
    expect(stored.flat().sort()).toEqual((await findFiles([dir], dir)).map((file) => file.display).sort());
    const [single] = stored.filter((files) => files.length === 1);
    const [split, other] = stored.filter((files) => files.length === 2);
    expect(other).toBeDefined();

    // One file changed.
    appendFileSync(at(single[0]), '  - { date: 2025-13-45, type: 党课, title: 日期写错的党课 }\n');
    expect(await expectSame(dir, location)).not.toBe(cold);
    // A file moved to another branch: the second file of one split branch becomes the other's
    // (whose own two files are unchanged, and so is the first branch's first).
    const moved = at(split[1]);
    writeFileSync(moved, readFileSync(moved, 'utf8').replace(/^ {2}id: \S+$/m, `  id: ${idOf(at(other[0]))}`));
    await expectSame(dir, location);
    expect(storedBranches(location).find((files) => files.includes(split[1]))?.sort()).toEqual([...other, split[1]].sort());
    // A file added to an existing branch, between its two files in path order.
    const added = split[0].replace(/\.yaml$/, '5.yaml');
    writeFileSync(at(added), `${header(idOf(at(split[0])))}activities:\n  - { date: 2025-06-30, type: 党课, title: 补充党课 }\n`);
    await expectSame(dir, location);
    expect(storedBranches(location).find((files) => files.includes(added))).toEqual([split[0], added]);
    // A file deleted: one of a branch's files, and a branch's only file.
    rmSync(at(other[0]));
    rmSync(at(single[0]));
    await expectSame(dir, location);
    // A file that belongs to no branch (its header cannot be read), then fixed.
    writeFileSync(at('broken.yaml'), 'version: 1\nbranch: [\n');
    await expectSame(dir, location);
    writeFileSync(at('broken.yaml'), `${header('new-branch')}activities: []\n`);
    await expectSame(dir, location);

    // Options: a rule's severity (from the configuration), the as-of date, the language; then a
    // change under each.
    const severity = { rules: { 'duplicate-activity': { severity: 'off' as const }, 'term-expiry': { severity: 'info' as const } } };
    await expectSame(dir, location, severity);
    appendFileSync(at(split[0]), '# edited\n');
    await expectSame(dir, location, severity);
    const asOf = { window: { asOf: '2025-07-01', since: '2025-01-01' } };
    await expectSame(dir, location, asOf);
    appendFileSync(at(split[0]), '# edited again\n');
    await expectSame(dir, location, asOf);
    await expectSame(dir, location, { lang: 'en' });
    expect(await expectSame(dir, location)).not.toBe(cold);
  });

  it('checks a branch again when a file of it changes: a waiver in another file that no longer waives anything is stale', async () => {
    const waiver = 'waivers:\n  - rule: general-meeting-quarterly\n    period: 2026-Q1\n    reason: 集中检修，经党委批准顺延\n    approvedBy: 冶炼厂党委\n';
    const meeting = '  - { date: 2026-03-20, type: 党员大会, title: 一季度党员大会, attendance: { expected: 10, present: 9, leave: 1 } }\n';
    const dir = tempTree({
      'a.yaml': `${header('w1')}activities: []\n${waiver}`,
      'b.yaml': `${header('w1')}activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会, firstTopic: 学习党章 }\n`,
      'c.yaml': `${header('other')}activities: []\n`,
    });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const window = { window: { asOf: '2026-07-01', since: '2026-01-01' } };
    const before = await expectSame(dir, location, window);
    expect(before).not.toContain('stale-waiver');
    appendFileSync(path.join(dir, 'b.yaml'), meeting);
    const after = await expectSame(dir, location, window);
    expect(after).toContain('stale-waiver');
  });

  it('a known file found changed into another branch when its branch is checked again: the run starts again without the cache', async () => {
    const dir = tempTree({
      'a.yaml': `${header('x')}activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n`,
      'b.yaml': `${header('x')}activities: []\n`,
      'c.yaml': `${header('y')}activities: []\n`,
    });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const window = { window: { asOf: '2026-07-01', since: '2026-01-01' } };
    await expectSame(dir, location, window);
    // b.yaml changes, so branch x is checked again; a.yaml, known, moves to branch y right after
    // the run has hashed it, before it is analysed.
    appendFileSync(path.join(dir, 'b.yaml'), '# edited\n');
    const movedA = readFileSync(path.join(dir, 'a.yaml'), 'utf8').replace('id: x', 'id: y');
    let edited = false;
    const readFile = (absolute: string) => {
      const bytes = readFileSync(absolute);
      if (!edited && path.basename(absolute) === 'a.yaml') {
        edited = true;
        writeFileSync(absolute, movedA);
      }
      return bytes;
    };
    const during = await cached(dir, location, window, { strategy: 'content', readFile });
    expect(edited).toBe(true);
    expect(during.json).toBe(straightforward(during.files, window));
    expect(during.json).toContain('"y"');
    await expectSame(dir, location, window);
  });

  it('keeps the renderings of a run, not its result: a run in another format takes its branches from the cache, and both renderings stay', async () => {
    const dir = tempTree({
      'a.yaml': `${header('x')}activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n`,
      'b.yaml': `${header('y')}activities: []\n`,
    });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const command = (format: string) => ['check', '.', '--as-of', '2026-07-01', '--format', format];
    const plain = { json: await runMain(command('json'), { cwd: dir }), stylish: await runMain(command('stylish'), { cwd: dir }) };
    for (const format of ['json', 'stylish', 'json', 'stylish'] as const) {
      expect(await runMain([...command(format), '--cache-location', location], { cwd: dir })).toEqual(plain[format]);
    }
    const [run, ...others] = storedRuns(location);
    expect(others).toEqual([]);
    expect(run.result).toBeUndefined();
    expect(run.outputs.map((output) => JSON.parse(output.key)[0])).toEqual(['stylish', 'json']);
  });
});
