/**
 * Hostile conditions for the cache: files that change while a run reads them, cache locations that
 * are not caches, temporary files left by killed runs, full disks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineOptions } from '../../src/engine.js';
import { formatJson } from '../../src/formats/json.js';
import { findFiles } from '../../src/load/files.js';
import { branchLine, StoredBranches } from '../../src/run/cache/branches.js';
import { runCheck, type CacheOptions } from '../../src/run/check-run.js';
import { header, runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, RECORD_RULES_OFF } from './catalogue.js';

const options: EngineOptions = { window: { asOf: AS_OF, since: '2026-01-01' }, lang: 'zh-CN' };
const meeting = (topic: boolean) => `  - date: 2026-01-05\n    type: 支委会\n    title: 一月支委会\n${topic ? '    firstTopic: 学习党章\n' : ''}`;
/** Two versions of one log: with a finding (no first topic) and without. */
const BROKEN = `${header('edit')}activities:\n${meeting(false)}`;
const CLEAN = `${header('edit')}activities:\n${meeting(true)}`;

async function check(dir: string, cache?: CacheOptions): Promise<string> {
  const files = await findFiles(['.'], dir);
  return formatJson(await runCheck(new Engine(options), files, cache ? { cache } : {}));
}

describe('hostile cache: a file edited while a cached run reads it', () => {
  for (const strategy of ['metadata', 'content'] as const) {
    for (const [first, edit] of [
      [BROKEN, CLEAN],
      [CLEAN, BROKEN],
    ]) {
      const what = first === BROKEN ? 'a false pass' : 'a stale finding';
      it(`never stores the analysis of one version under the hash of another (${strategy}, ${what})`, async () => {
        const dir = tempTree({ 'a.yaml': first });
        const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
        const expected = await check(dir);
        const other = (writeFileSync(path.join(dir, 'a.yaml'), edit), await check(dir));
        expect(other).not.toBe(expected);
        // A cached run of the other version first: the next run, over the same file, looks for a
        // stored run by the files' contents, so it reads the file for its hash before analysing it.
        expect(await check(dir, { location, cwd: dir, tool: 'test', strategy })).toBe(other);
        writeFileSync(path.join(dir, 'a.yaml'), first);
        let edited = false;
        // The file is edited right after the run has read it for its hash, before it is analysed.
        const readFile = (absolute: string) => {
          const bytes = readFileSync(absolute);
          if (!edited) {
            edited = true;
            writeFileSync(absolute, edit);
          }
          return bytes;
        };
        const during = await check(dir, { location, cwd: dir, tool: 'test', strategy, readFile });
        expect(edited).toBe(true);
        // What the run saw is one version or the other, never a mixture.
        expect([expected, other]).toContain(during);
        // The edit is undone: every later run reports the file as it is.
        writeFileSync(path.join(dir, 'a.yaml'), first);
        expect(await check(dir, { location, cwd: dir, tool: 'test', strategy })).toBe(expected);
        expect(await check(dir, { location, cwd: dir, tool: 'test', strategy })).toBe(expected);
        writeFileSync(path.join(dir, 'a.yaml'), edit);
        expect(await check(dir, { location, cwd: dir, tool: 'test', strategy })).toBe(other);
      });
    }
  }
});

describe('hostile cache: a location that is no cache is never written over', () => {
  const cases: [string, string][] = [
    ['a branch log', CONTROL_FILE],
    ['a note', 'notes.md'],
    ['the configuration', 'dangjian.config.yaml'],
    ['an empty file', 'empty.cache'],
  ];
  it.each(cases)('%s: one line, exit status 2, the file untouched (both languages)', (_name, location) => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'notes.md': '# 笔记\n', 'dangjian.config.yaml': 'since: 2026-01-01\n', 'empty.cache': '' });
    const before = readFileSync(path.join(dir, location));
    for (const [lang, text] of [
      ['zh-CN', `--cache-location ${location}：该文件不是 dangjian 的缓存文件，不会被覆盖。请指定一个文件夹（如 .dangjian-cache/）或一个新的文件名`],
      ['en', `--cache-location ${location}: that file is not a dangjian cache and will not be overwritten. Give a folder (such as .dangjian-cache/) or a new file name`],
    ]) {
      const result = runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--lang', lang, '--cache-location', location], { cwd: dir });
      expect(result).toEqual({ status: 2, stdout: '', stderr: `dangjian: ${text}\n` });
      expect(readFileSync(path.join(dir, location)).equals(before)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual([CONTROL_FILE, 'dangjian.config.yaml', 'empty.cache', 'notes.md']);
  });

  it('a named pipe: refused at once, never waited on', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe')]).status).toBe(0);
    const result = runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--cache-location', 'pipe'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dangjian: --cache-location pipe：该文件不是 dangjian 的缓存文件/);
    expect(statSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('a cache file is recognised and rewritten, by its own name or a folder', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    const first = runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--cache-location', 'my.cache'], { cwd: dir });
    expect(first.status).toBe(1);
    expect(readFileSync(path.join(dir, 'my.cache'), 'utf8')).toMatch(/^dangjian-check-cache\n/);
    expect(runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--cache-location', 'my.cache'], { cwd: dir })).toEqual(first);
  });
});

describe('hostile cache: a location where no folder can be made', () => {
  it('under /proc: one warning and the result of a run without the cache, at once (making the folder never returned)', { timeout: 150_000 }, () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    const args = ['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'];
    const plain = runCli(args, { cwd: dir });
    // In a process of its own, which a hang cannot keep (it is stopped after a minute).
    const cached = runCli([...args, '--cache-location', '/proc/no-such-folder/check.cache'], { cwd: dir });
    expect(cached).toEqual({ ...plain, stderr: 'dangjian: 无法写入缓存文件 /proc/no-such-folder/check.cache（ENOENT），检查结果不受影响\n' });
    const output = runCli([...args, '-o', '/proc/no-such-folder/result.json'], { cwd: dir });
    expect(output).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 无法写入 /proc/no-such-folder/result.json（ENOENT）\n' });
  });
});

describe('hostile cache: temporary files of killed runs', () => {
  it('are removed by the next run; those of a running process stay', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    const folder = path.join(dir, '.dangjian-cache');
    mkdirSync(folder);
    // A process id no process has (above the largest Linux allows), and this test's own (running).
    const dead = [`check.cache.4194400.${Date.now() - 60_000}.tmp`, `check.cache.4194401.${Date.now()}.tmp`];
    const live = `check.cache.${process.pid}.${Date.now()}.tmp`;
    for (const name of [...dead, live, 'unrelated.tmp']) writeFileSync(path.join(folder, name), 'x'.repeat(1000));
    expect(runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--cache'], { cwd: dir }).status).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['check.cache', live, 'unrelated.tmp'].sort());
  });
});

describe('hostile cache: paths in its messages', () => {
  it('masks a personal number in the cache location', () => {
    const id = '110101199003074514';
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, [`${id}/check.cache`]: 'dangjian-check-cache\ntruncated' });
    const result = runCli(['check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--cache-location', `${dir}/${id}/`], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1101**********4514');
    expect(result.stderr).not.toContain(id);
  });
});

describe('hostile cache: what it stores', () => {
  const MOBILE = '13800138000';
  const ID = '110101199003074514';
  const part = (date: string, extra = '') =>
    `${header('shared')}activities:\n  - date: ${date}\n    type: 支委会\n    title: 联系 ${MOBILE} 的专题支委会\n    firstTopic: 学习 ${ID}\n${extra}`;

  it('no title in clear and no personal number, and the result of a run without a cache', async () => {
    // Two files of one branch with the same activity: a repeat, found whether each file's analysis
    // is fresh or comes from the cache.
    const dir = tempTree({ 'a.yaml': part('2026-01-05'), 'b.yaml': part('2026-01-05') });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    const cache = { location, cwd: dir, tool: 'test' };
    const plain = await check(dir);
    expect(plain).toContain('duplicate-activity');
    expect(await check(dir, cache)).toBe(plain);
    writeFileSync(path.join(dir, 'b.yaml'), `${part('2026-01-05')}  - date: 2026-01-20\n    type: 党课\n    title: 党课\n`);
    const changed = await check(dir);
    expect(await check(dir, cache)).toBe(changed);
    expect(await check(dir, cache)).toBe(changed);
    const stored = readFileSync(location, 'utf8');
    expect(stored).not.toContain(MOBILE);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain("专题支委会");
    expect(stored.replace(/\D+/g, ' ')).not.toMatch(/13800|199003/);
  });
});

describe('hostile cache: paths that hold a personal number', () => {
  const MOBILE = '13800138000';
  const ID = '110101199003074514';

  it('are kept as digests in every section, and the cache still gives the result of a run without it', async () => {
    const folder = `支部_${ID}`;
    const dir = tempTree({ [`${folder}/a_${MOBILE}.yaml`]: BROKEN, [`${folder}/b.yaml`]: CLEAN.replace('id: edit', 'id: other') });
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'check.cache');
    for (const strategy of ['metadata', 'content'] as const) {
      const cache = { location, cwd: dir, tool: 'test', strategy };
      expect(await check(dir, cache)).toBe(await check(dir));
      expect(await check(dir, cache)).toBe(await check(dir));
      writeFileSync(path.join(dir, folder, `a_${MOBILE}.yaml`), CLEAN);
      expect(await check(dir, cache)).toBe(await check(dir));
      writeFileSync(path.join(dir, folder, `a_${MOBILE}.yaml`), BROKEN);
      expect(await check(dir, cache)).toBe(await check(dir));
      const stored = readFileSync(location, 'utf8');
      expect(stored).toContain('b.yaml');
      expect(stored).not.toContain(MOBILE);
      expect(stored).not.toContain(ID);
    }
  });

  it('a branch stored under such a path is found by it again', () => {
    const file = `logs/${MOBILE}.yaml`;
    const key = 'a'.repeat(40);
    const line = branchLine([[file, key]], 'group', { findings: [], branches: 1 });
    expect(line).not.toContain(MOBILE);
    const branches = StoredBranches.parse(Buffer.from(line))!;
    expect(branches.known(file)).toEqual({ key, group: 'group' });
    expect(branches.known(`logs/13800138001.yaml`)).toBeUndefined();
    expect(branches.outcome([[file, key]])?.outcome).toEqual({ findings: [], branches: 1 });
    expect([...branches.others(new Set([file]), 10)]).toEqual([]);
  });
});
