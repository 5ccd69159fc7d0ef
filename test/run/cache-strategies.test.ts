/**
 * The cache strategies from the command line: a file's stamp stands for its content only when it is
 * unchanged and settled; every cached run gives the uncached output, byte for byte.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, type BigIntStats, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum as sectionChecksum } from '../../src/hash.js';
import { CACHE_FORMAT, CACHE_FORMAT_VERSION, CacheWriter, CheckCache, fileStamp, type StoredRun } from '../../src/run/cache.js';
import { header, runMain, tempTree } from '../helpers.js';

describe('cache strategies', () => {
  const AS_OF = '2026-07-01';
  // Versions of one log, of the same size, with different results (the meeting in another month).
  const version = (month: string) => `${header('b1')}activities:\n  - { date: 2026-${month}-05, type: 支委会, firstTopic: 学习 }\n`;
  const versionA = version('01');
  const versionB = version('09');
  const versionC = version('03');
  const OLD = new Date('2020-01-01T00:00:00Z');
  const SECOND = 1_000_000_000n;

  /** A folder of logs whose modification times are years old, and a cache file location beside it. */
  function setUp(files: Record<string, string> = { 'a.yaml': versionA, 'b.yaml': `${header('b2')}activities: []\n` }) {
    const dir = tempTree(files);
    for (const name of Object.keys(files)) utimesSync(path.join(dir, name), OLD, OLD);
    const cache = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-strategy-')), 'check.cache');
    return { dir, cache };
  }

  const args = (extra: string[] = []) => ['check', '.', '--as-of', AS_OF, '--format', 'json', ...extra];
  const cached = (dir: string, cache: string, strategy?: string, extra: string[] = []) =>
    runMain(args(['--cache-location', cache, ...(strategy ? ['--cache-strategy', strategy] : []), ...extra]), { cwd: dir });
  const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

  interface CacheParts {
    branches: Buffer;
    stamps: { since: string; files: Record<string, [string, string]> };
    runs: Buffer;
    /** The stored results and renderings, as they are. */
    bodies: Buffer;
    trailer: Record<string, unknown> & { branchesLength: number; stampsLength: number; runsLength: number; bodiesLength: number };
  }

  function readCache(file: string): CacheParts {
    const bytes = readFileSync(file);
    const trailer = JSON.parse(bytes.toString('utf8', bytes.lastIndexOf(0x0a, bytes.length - 2) + 1)) as CacheParts['trailer'];
    const { branchesLength: f, stampsLength: s, runsLength: r, bodiesLength: b } = trailer;
    // After the header line.
    const h = bytes.indexOf(0x0a) + 1;
    return {
      trailer,
      branches: bytes.subarray(h, h + f),
      stamps: JSON.parse(bytes.toString('utf8', h + f, h + f + s)),
      runs: bytes.subarray(h + f + s, h + f + s + r),
      bodies: bytes.subarray(h + f + s + r, h + f + s + r + b),
    };
  }

  /** Writes a cache from its parts; the stamps section's checksum is made right unless told otherwise. */
  function writeCache(file: string, parts: CacheParts, stampsText = `${JSON.stringify(parts.stamps)}\n`, checksum = true) {
    const stamps = Buffer.from(stampsText, 'utf8');
    const trailer = { ...parts.trailer, stampsLength: stamps.length, ...(checksum ? { stampsChecksum: sectionChecksum(stamps) } : {}) };
    writeFileSync(file, Buffer.concat([Buffer.from(`${CACHE_FORMAT}\n`), parts.branches, stamps, parts.runs, parts.bodies, Buffer.from(`${JSON.stringify(trailer)}\n`)]));
  }

  /** The stamps entry of a file, by name (the key is the absolute path the checker saw). */
  function entryOf(parts: CacheParts, name: string): string {
    const key = Object.keys(parts.stamps.files).find((absolute) => path.basename(absolute) === name);
    expect(key).toBeDefined();
    return key!;
  }

  /**
   * Moves the recorded start of the run an hour on, so that every stamp counts as settled (files
   * written just now would otherwise be read again on every run, and the stamps not be used).
   */
  function settle(file: string) {
    const parts = readCache(file);
    parts.stamps.since = String(BigInt(Date.now() + 3_600_000) * 1_000_000n);
    writeCache(file, parts);
  }

  it('give the uncached output, byte for byte: cold, unchanged, edited, added and deleted files', { timeout: 120_000 }, async () => {
    const { dir, cache } = setUp();
    const other = `${cache}.content`;
    const same = async () => {
      const plain = await runMain(args(), { cwd: dir });
      expect(plain.stderr).toBe('');
      expect(JSON.parse(plain.stdout).summary.files).toBeGreaterThan(0);
      for (const [strategy, file] of [['metadata', cache], ['content', other]] as const) {
        expect(await cached(dir, file, strategy)).toEqual(plain);
        settle(file);
        expect(await cached(dir, file, strategy)).toEqual(plain);
      }
      // The default is metadata.
      expect(await cached(dir, cache)).toEqual(plain);
      return plain.stdout;
    };
    const first = await same();
    // Edited: a new modification time, and a new finding.
    writeFileSync(path.join(dir, 'a.yaml'), versionB);
    const edited = await same();
    expect(edited).not.toBe(first);
    // Edited twice more, to the same size, with the old modification time put back each time (as
    // cp -p or rsync do): the change time still tells. (The first of these runs is new to the cache,
    // so that it records the stamp the second must not take for unchanged.)
    writeFileSync(path.join(dir, 'a.yaml'), versionC);
    utimesSync(path.join(dir, 'a.yaml'), OLD, OLD);
    const third = await same();
    expect(new Set([first, edited, third]).size).toBe(3);
    writeFileSync(path.join(dir, 'a.yaml'), versionB);
    utimesSync(path.join(dir, 'a.yaml'), OLD, OLD);
    expect(await same()).toBe(edited);
    writeFileSync(path.join(dir, 'c.yaml'), `${header('b3')}activities: []\n`);
    const added = await same();
    expect(JSON.parse(added).summary.files).toBe(3);
    rmSync(path.join(dir, 'c.yaml'));
    expect(await same()).toBe(edited);
    // Also in another format and language, and with the cache on without a location.
    const stylish = ['check', '.', '--as-of', AS_OF, '--lang', 'en'];
    const plain = await runMain(stylish, { cwd: dir });
    expect(await runMain([...stylish, '--cache-strategy', 'content'], { cwd: dir })).toEqual(plain);
    expect(await runMain([...stylish, '--cache'], { cwd: dir })).toEqual(plain);
    expect(existsSync(path.join(dir, '.dangjian-cache', 'check.cache'))).toBe(true);
  });

  /** The runs section of a cache, and a setter that writes it back with its length and checksum made right. */
  function runsOf(parts: CacheParts): StoredRun[] {
    return JSON.parse(parts.runs.toString('utf8')) as StoredRun[];
  }
  function withRuns(parts: CacheParts, runs: StoredRun[]): CacheParts {
    const bytes = Buffer.from(`${JSON.stringify(runs)}\n`, 'utf8');
    return { ...parts, runs: bytes, trailer: { ...parts.trailer, runsLength: bytes.length, runsChecksum: sectionChecksum(bytes) } };
  }

  it('keeps the rendering with the result, under all it depends on, and gives each as an uncached run does', { timeout: 120_000 }, async () => {
    const { dir, cache } = setUp();
    const color = { NO_COLOR: undefined, FORCE_COLOR: '1' };
    const variants: [string[], Record<string, string | undefined>][] = [
      [['--format', 'json'], {}],
      [['--format', 'sarif'], {}],
      [['--format', 'sarif', '--docs-url', 'https://example.org/dangjian/'], {}],
      [['--format', 'stylish'], color],
      [['--format', 'stylish'], {}],
      [['--format', 'json', '--shard', '1/1'], {}],
      [['--format', 'junit', '--lang', 'en'], {}],
    ];
    const outputs = new Set<string>();
    for (let round = 0; round < 2; round++) {
      for (const [extra, env] of variants) {
        const command = ['check', '.', '--as-of', AS_OF, ...extra];
        const plain = await runMain(command, { cwd: dir, env });
        expect(plain.status).toBe(1);
        outputs.add(plain.stdout);
        expect(await runMain([...command, '--cache-location', cache], { cwd: dir, env })).toEqual(plain);
      }
    }
    // Every variant renders differently (so none could have been given another's bytes).
    expect(outputs.size).toBe(variants.length);
    // Two runs (--lang en is another); each keeps its two newest renderings, newest first.
    const runs = runsOf(readCache(cache));
    expect(runs).toHaveLength(2);
    const inLang = (lang: string) => runs.find((run) => JSON.parse(run.outputs[0].key)[2] === lang)!;
    expect(inLang('zh-CN').outputs.map((output) => JSON.parse(output.key))).toEqual([
      ['json', 0, 'zh-CN', expect.any(String), [1, 1]],
      ['stylish', 0, 'zh-CN', expect.any(String), null],
    ]);
    expect(inLang('en').outputs.map((output) => JSON.parse(output.key)[0])).toEqual(['junit']);
  });

  it('writes a stored rendering as it is, and never one that fails its checksum', { timeout: 60_000 }, async () => {
    const { dir, cache } = setUp();
    // Files 2 s old have settled: the first run records their stamps, so the next one has nothing to add.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_200);
    const plain = await runMain(args(), { cwd: dir });
    expect(await cached(dir, cache)).toEqual(plain);
    const ino = statSync(cache).ino;
    // An unchanged run reads the cache and leaves it as it is.
    expect(await cached(dir, cache)).toEqual(plain);
    expect(statSync(cache).ino).toBe(ino);
    const parts = readCache(cache);
    const [run] = runsOf(parts);
    const { offset, length } = run.outputs[0];
    expect(parts.bodies.toString('utf8', offset, offset + length)).toBe(plain.stdout);
    // Another rendering of the same size, with a checksum to match: it is what the run writes.
    const bodies = Buffer.from(parts.bodies);
    bodies.write('[', offset, 'utf8');
    const other = bodies.subarray(offset, offset + length);
    const forgedRun = { ...run, outputs: [{ ...run.outputs[0], checksum: sectionChecksum(other) }] };
    writeCache(cache, withRuns({ ...parts, bodies }, [forgedRun]));
    expect(await cached(dir, cache)).toEqual({ ...plain, stdout: other.toString('utf8') });
    // The same bytes under the stored checksum: damaged, so the files are checked again.
    writeCache(cache, { ...parts, bodies });
    const result = await cached(dir, cache);
    expect(result.stderr).toMatch(/^dangjian: 缓存文件 .*check\.cache 已损坏/);
    expect(result.stdout).toBe(plain.stdout);
    expect(await cached(dir, cache)).toEqual(plain);
  });

  it('writes the cache again after an unchanged run that had to read files whose stamps changed', { timeout: 60_000 }, async () => {
    const { dir, cache } = setUp();
    const plain = await cached(dir, cache);
    const key = entryOf(readCache(cache), 'a.yaml');
    settle(cache);
    // Touched: new times, the same bytes. The stamp is trusted once its change time is 2 s old.
    utimesSync(key, new Date('2021-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_200);
    const before = readCache(cache).stamps.files[key][0];
    expect(before).not.toBe(fileStamp(statSync(key, { bigint: true })));
    expect(await cached(dir, cache)).toEqual(plain);
    expect(readCache(cache).stamps.files[key][0]).toBe(fileStamp(statSync(key, { bigint: true })));
    // And the stored rendering came along.
    expect(runsOf(readCache(cache))[0].outputs).toHaveLength(1);
    // Every file has settled now, so the run is also known by its stamps: the next run finds it so,
    // even under a key no hashing would give, and writes its rendering as stored.
    const parts = readCache(cache);
    const [run] = runsOf(parts);
    expect(run.stamps).toBeDefined();
    const bodies = Buffer.from(parts.bodies);
    const { offset, length } = run.outputs[0];
    bodies.write('[', offset, 'utf8');
    const marked = bodies.subarray(offset, offset + length);
    const forgedRun = { ...run, key: 'not the key of any run', outputs: [{ ...run.outputs[0], checksum: sectionChecksum(marked) }] };
    writeCache(cache, withRuns({ ...parts, bodies }, [forgedRun]));
    const ino = statSync(cache).ino;
    expect(await cached(dir, cache)).toEqual({ ...plain, stdout: marked.toString('utf8') });
    expect(statSync(cache).ino).toBe(ino);
    // Without the stamps key, nothing leads to that run: the files are checked again.
    const { stamps: _stamps, ...unstamped } = forgedRun;
    writeCache(cache, withRuns({ ...parts, bodies }, [unstamped]));
    expect(await cached(dir, cache)).toEqual(plain);
  });

  it('records every file with its stamp and content hash, and when the run began', async () => {
    const { dir, cache } = setUp();
    expect((await cached(dir, cache)).stderr).toBe('');
    const parts = readCache(cache);
    expect(parts.stamps.since).toMatch(/^\d+$/);
    expect(Object.keys(parts.stamps.files)).toHaveLength(2);
    for (const name of ['a.yaml', 'b.yaml']) {
      const key = entryOf(parts, name);
      expect(parts.stamps.files[key]).toEqual([fileStamp(statSync(key, { bigint: true })), sha1(readFileSync(key))]);
    }
  });

  /**
   * A cache whose stamp for a.yaml is that of its current content (version B) but whose hash is that
   * of version A, as if a.yaml had been changed without any change to its size, times or id: what
   * the metadata strategy cannot see. `since` gives the start of the run that "recorded" it, from
   * the file's times.
   */
  async function forged(since: (stats: { mtimeNs: bigint; ctimeNs: bigint }) => bigint, mtime: (ctimeNs: bigint) => Date = () => OLD, extra: string[] = []) {
    const { dir, cache } = setUp();
    const cold = await cached(dir, cache, undefined, extra);
    expect(cold.stderr).toBe('');
    const parts = readCache(cache);
    const key = entryOf(parts, 'a.yaml');
    const hashA = parts.stamps.files[key][1];
    expect(hashA).toBe(sha1(versionA));
    writeFileSync(key, versionB);
    utimesSync(key, OLD, mtime(statSync(key, { bigint: true }).ctimeNs));
    const stats = statSync(key, { bigint: true });
    const changed = await runMain(args(extra), { cwd: dir });
    // Not vacuous: the two versions give different results.
    expect(changed.stdout).not.toBe(cold.stdout);
    parts.stamps.files[key] = [fileStamp(stats), hashA];
    parts.stamps.since = String(since(stats));
    writeCache(cache, parts);
    return { dir, cache, parts, cold, changed };
  }

  it('metadata takes the hash of an unchanged, settled stamp from the cache; content reads the file', { timeout: 60_000 }, async () => {
    // Recorded by a run that began an hour after the file's last change.
    const { dir, cache, cold, changed } = await forged((stats) => stats.ctimeNs + 3600n * SECOND);
    const copy = `${cache}.copy`;
    copyFileSync(cache, copy);
    // The stamp was trusted, so a.yaml was not read: the result is that of version A.
    expect(await cached(dir, cache, 'metadata')).toEqual(cold);
    expect(await cached(dir, copy, 'content')).toEqual(changed);
  });

  it('stores under a hash taken from a stamp only the analysis of those bytes: content runs are never misled', { timeout: 60_000 }, async () => {
    const { dir, cache } = await forged((stats) => stats.ctimeNs + 3600n * SECOND);
    // Other analysis options (a larger size limit): a.yaml, trusted by its stamp, has to be analysed
    // anew, which finds version B; its result must not be stored under version A's hash.
    writeFileSync(path.join(dir, 'dangjian.config.yaml'), 'maxFileSize: 2MiB\n');
    const b = await runMain(args(), { cwd: dir });
    expect(await cached(dir, cache)).toEqual(b);
    writeFileSync(path.join(dir, 'a.yaml'), versionA);
    const a = await runMain(args(), { cwd: dir });
    expect(a.stdout).not.toBe(b.stdout);
    expect(await cached(dir, cache, 'content')).toEqual(a);
  });

  it('gives the stored result when the bytes of a file analysed anew make a known run', async () => {
    const { dir, cache } = setUp();
    const cold = await cached(dir, cache);
    const parts = readCache(cache);
    // A stamp that stands for bytes of which nothing is stored: a.yaml is hashed from its bytes,
    // which make the run stored just now.
    parts.stamps.files[entryOf(parts, 'a.yaml')][1] = sha1('other bytes');
    parts.stamps.since = String(BigInt(Date.now() + 3_600_000) * 1_000_000n);
    writeCache(cache, parts);
    const before = readFileSync(cache);
    expect(await cached(dir, cache)).toEqual(cold);
    expect(readFileSync(cache).equals(before)).toBe(true);
  });

  it('reads a file again when its stamp is not older than the run that recorded it by the margin', { timeout: 60_000 }, async () => {
    const cases = [
      // Changed a second before the run began (FAT keeps times to 2 s).
      await forged((stats) => stats.ctimeNs + SECOND),
      // Modified (by its time) a second before, or after, the run began; changed long before.
      await forged((stats) => stats.mtimeNs + SECOND, (ctimeNs) => new Date(Number((ctimeNs + 3600n * SECOND) / 1_000_000n))),
      await forged((stats) => stats.mtimeNs - SECOND, (ctimeNs) => new Date(Number((ctimeNs + 3600n * SECOND) / 1_000_000n))),
      await forged((stats) => stats.mtimeNs, (ctimeNs) => new Date(Number((ctimeNs + 3600n * SECOND) / 1_000_000n))),
    ];
    for (const { dir, cache, changed } of cases) expect(await cached(dir, cache)).toEqual(changed);
  });

  it('never trusts a damaged stamps or runs section, and ignores a cache of the earlier format, with a warning', { timeout: 60_000 }, async () => {
    const settled = (stats: { ctimeNs: bigint }) => stats.ctimeNs + 3600n * SECOND;
    const en = ['--lang', 'en'];
    const damaged = /^dangjian: The cache file .*check\.cache is damaged/;
    // The forged stamp, with the checksum left as it was.
    let { dir, cache, parts, changed } = await forged(settled, undefined, en);
    writeCache(cache, parts, `${JSON.stringify(parts.stamps)}\n`, false);
    let result = await cached(dir, cache, undefined, en);
    expect(result.stdout).toBe(changed.stdout);
    expect(result.stderr).toMatch(damaged);
    expect(await cached(dir, cache, undefined, en)).toEqual(changed);
    // A stamps section of another shape, with its checksum made right.
    ({ dir, cache, parts, changed } = await forged(settled, undefined, en));
    writeCache(cache, parts, `${JSON.stringify(parts.stamps.files)}\n`);
    result = await cached(dir, cache, undefined, en);
    expect(result.stdout).toBe(changed.stdout);
    expect(result.stderr).toMatch(damaged);
    // A runs section that is not a list of runs, with its checksum made right.
    ({ dir, cache, parts, changed } = await forged(settled, undefined, en));
    parts.runs = Buffer.from('{"key":"x"}\n');
    parts.trailer = { ...parts.trailer, runsLength: parts.runs.length, runsChecksum: sectionChecksum(parts.runs) };
    writeCache(cache, parts);
    result = await cached(dir, cache, undefined, en);
    expect(result.stdout).toBe(changed.stdout);
    expect(result.stderr).toMatch(damaged);
    expect(await cached(dir, cache, undefined, en)).toEqual(changed);
    // A malformed entry is not used (the file is read).
    ({ dir, cache, parts, changed } = await forged(settled));
    const key = entryOf(parts, 'a.yaml');
    parts.stamps.files[key] = [parts.stamps.files[key][0], 'not a hash'];
    writeCache(cache, parts);
    expect(await cached(dir, cache)).toEqual(changed);
    // The earlier format: no stamps section; its trailer says version 1.
    ({ dir, cache, parts } = await forged(settled));
    const { stampsLength: _l, stampsSha256: _s, ...rest } = parts.trailer;
    writeFileSync(cache, Buffer.concat([parts.branches, parts.runs, Buffer.from(`${JSON.stringify({ ...rest, formatVersion: 1 })}\n`)]));
    const plain = await runMain(args(en), { cwd: dir });
    result = await cached(dir, cache, undefined, en);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toMatch(/^dangjian: The cache file .*check\.cache was written by another version of dangjian/);
    expect(await cached(dir, cache, undefined, en)).toEqual(plain);
    expect(readCache(cache).trailer.formatVersion).toBe(CACHE_FORMAT_VERSION);
  });

  it('trusts, and carries into the next cache, only stamps older than the recording run by the margin', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-stamps-')), 'check.cache');
    const since = 1_800_000_000n * SECOND;
    const hash = sha1('x');
    const at = (mtime: bigint, ctime: bigint) => `10:${since + mtime * SECOND}:${since + ctime * SECOND}:7`;
    const stamps: [string, [string, string]][] = [
      ['/logs/settled.yaml', [at(-5n, -3n), hash]],
      ['/logs/modified-late.yaml', [at(-1n, -5n), hash]],
      ['/logs/changed-late.yaml', [at(-5n, -1n), hash]],
      ['/logs/modified-after.yaml', [at(1n, -5n), hash]],
      ['/logs/in-this-run.yaml', [at(-5n, -5n), hash]],
      ['/logs/malformed.yaml', [at(-5n, -5n), 'not a hash']],
    ];
    const writer = new CacheWriter(file, 'tool', 'key');
    writer.commit([], stamps, since);
    const cache = new CheckCache(file, 'tool');
    expect(cache.problem).toBeUndefined();
    expect([...cache.otherStamps(new Set(['/logs/in-this-run.yaml']))]).toEqual([stamps[0]]);
    const stats = (mtime: bigint, ctime: bigint) => ({ mtimeNs: since + mtime * SECOND, ctimeNs: since + ctime * SECOND }) as BigIntStats;
    expect(cache.storedHash('/logs/settled.yaml', stats(-5n, -3n), at(-5n, -3n))).toBe(hash);
    expect(cache.storedHash('/logs/settled.yaml', stats(-5n, -3n), at(-5n, -2n))).toBeUndefined();
    expect(cache.storedHash('/logs/modified-late.yaml', stats(-1n, -5n), at(-1n, -5n))).toBeUndefined();
    expect(cache.storedHash('/logs/changed-late.yaml', stats(-5n, -1n), at(-5n, -1n))).toBeUndefined();
    expect(cache.storedHash('/logs/malformed.yaml', stats(-5n, -5n), at(-5n, -5n))).toBeUndefined();
    expect(cache.storedHash('/logs/unknown.yaml', stats(-5n, -5n), at(-5n, -5n))).toBeUndefined();
    cache.close();
  });

  it('rejects an unknown strategy with a usage error, in both languages, before anything is written', async () => {
    const { dir, cache } = setUp();
    expect(await cached(dir, cache, 'mtime')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: --cache-strategy 的值“mtime”无效，可选：metadata, content\n',
    });
    expect(await cached(dir, cache, 'Content', ['--lang', 'en'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: --cache-strategy "Content" is not valid; choose one of: metadata, content\n',
    });
    expect((await runMain(['check', '.', '--cache-strategy', ''], { cwd: dir })).status).toBe(2);
    expect(existsSync(cache)).toBe(false);
    expect(existsSync(path.join(dir, '.dangjian-cache'))).toBe(false);
  });
});
