/**
 * What a cached run knows files and runs by: a file's stamp (from its stats) and content key (the
 * hash of its bytes, taken from the cache by stamp where it may be), the keys of the options and of
 * a whole run, and the key a branch is grouped by.
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import type { Engine, EngineOptions } from '../engine.js';
import { sha256 } from '../hash.js';
import type { InputFile } from '../load/files.js';
import { type CheckCache, contentHash, fileStamp, settledBy, type StampEntry } from './cache.js';
import { storedPath } from './cache/format.js';
import type { FileTimes } from './cache/stamps.js';

/**
 * What a file's stats say: its stamp (and times, kept apart from the rest of the stats, which a
 * big run would hold for every file), or the key of a file over the size limit or unreadable.
 */
export type Look = { times: FileTimes; stamp: string } | { key: string };

export function look(file: InputFile, maxFileSize: number): Look {
  try {
    const stats = statSync(file.absolute, { bigint: true });
    if (Number(stats.size) > maxFileSize) return { key: `size:${stats.size}` };
    return { times: { mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs }, stamp: fileStamp(stats) };
  } catch (error) {
    return { key: unreadableKey(error) };
  }
}

function unreadableKey(error: unknown): string {
  return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'EIO'}`;
}

function isUnreadableKey(key: string): boolean {
  return key.startsWith('unreadable:');
}

/** The content key of a file from its bytes: their hash, or the key of an unreadable file. */
function keyFromBytes(file: InputFile, readFile: (absolute: string) => Uint8Array = readForKey): string {
  try {
    return contentHash(readFile(file.absolute));
  } catch (error) {
    return unreadableKey(error);
  }
}

/**
 * One buffer for the bytes of every file read for its key, grown as needed: a run that hashes
 * 10,000 files leaves no garbage the size of all of them (which would raise its peak memory).
 */
let keyBuffer: Buffer = Buffer.alloc(0);

/**
 * A file's bytes, to the end, in `keyBuffer` (valid until the next call). Opened without blocking,
 * as the loader opens it: a file swapped for a named pipe since it was listed is not waited on.
 */
function readForKey(absolute: string): Uint8Array {
  const fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    let length = 0;
    for (;;) {
      if (length === keyBuffer.length) keyBuffer = grown(keyBuffer, length);
      const read = readSync(fd, keyBuffer, length, keyBuffer.length - length, null);
      if (read === 0) return keyBuffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function grown(buffer: Buffer, kept: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(64 * 1024, buffer.length * 2));
  buffer.copy(bigger, 0, 0, kept);
  return bigger;
}

/** How a cached run comes by the files' content keys, and what it learns on the way. */
export class FileKeys {
  /** Each file's stamp and hash, for the next cache. */
  readonly stamps = new Map<string, StampEntry>();
  /** Files whose hash came from the cache by their stamp. */
  readonly fromStamp = new Set<string>();
  /** Files read for their hash whose stamps later runs will trust: worth writing into the cache. */
  readonly restamped = new Set<string>();

  /**
   * `stored`: the cache to take hashes from by stamp (`metadata` strategy), if usable; `since`: when
   * the run began to look at files (nanoseconds since 1970); `readFile`: how a file is read for its
   * hash (see CacheOptions.readFile).
   */
  constructor(
    readonly stored: CheckCache | undefined,
    readonly since: bigint,
    private readonly readFile: (absolute: string) => Uint8Array = readForKey,
  ) {}

  /**
   * A file's content key; a file over the size limit is known by its size (all its check says), an
   * unreadable one by the error. The hash comes from the cache when it knows it for the file's stamp,
   * else from the file's bytes.
   */
  keyOf(file: InputFile, seen: Look): string {
    if ('key' in seen) return seen.key;
    const known = this.keyWithoutReading(file, seen);
    if (known !== undefined) return known;
    const hash = keyFromBytes(file, this.readFile);
    if (isUnreadableKey(hash)) return hash;
    if (this.stored && settledBy(seen.times, this.since)) this.restamped.add(file.absolute);
    this.stamps.set(file.absolute, [seen.stamp, hash]);
    return hash;
  }

  /** A file's content key if it is known without reading the file (see `keyOf`). */
  keyWithoutReading(file: InputFile, seen: Look): string | undefined {
    if ('key' in seen) return seen.key;
    const hash = this.stored?.storedHash(file.absolute, seen.times, seen.stamp);
    if (!hash) return undefined;
    this.fromStamp.add(file.absolute);
    this.stamps.set(file.absolute, [seen.stamp, hash]);
    return hash;
  }

  /** The key of a file's bytes as its analysis read them, for a file not read for its key: its stamp now leads to it. */
  analysed(file: InputFile, seen: Look, key: string): void {
    if (!('key' in seen) && !isUnreadableKey(key) && !key.startsWith('size:')) this.stamps.set(file.absolute, [seen.stamp, key]);
  }

  /**
   * A key taken from a stamp, checked against the file's bytes: the key they give (with the stamp
   * now leading to it, or to nothing for a file that proves unreadable).
   */
  checkedKey(file: InputFile, key: string): string {
    const hash = keyFromBytes(file);
    if (hash === key) return key;
    const stamp = this.stamps.get(file.absolute)![0];
    if (isUnreadableKey(hash)) this.stamps.delete(file.absolute);
    else this.stamps.set(file.absolute, [stamp, hash]);
    return hash;
  }
}

/**
 * A run's files with their stamps, and its options (see StoredRun.stamps in cache.ts), when every
 * file has a stamp that later runs will trust.
 */
export function stampsOf(tool: string, engine: Engine, files: InputFile[], looks: Look[], since: bigint): Buffer | undefined {
  const stamps: string[] = [];
  for (const seen of looks) {
    if ('key' in seen || !settledBy(seen.times, since)) return undefined;
    stamps.push(seen.stamp);
  }
  return Buffer.from(JSON.stringify([tool, engine.options, files.map((file, index) => [storedPath(file.display), storedPath(file.absolute), stamps[index]])]), 'utf8');
}

/** The key of a whole run: the tool, every option, and every file's path and content key. */
export function runKeyOf(tool: string, engine: Engine, files: InputFile[], keys: string[]): string {
  return sha256(JSON.stringify([tool, engine.options, files.map((file, index) => [file.display, keys[index]])]));
}

/** The key of everything but the files a branch's outcome depends on: the tool and every option. */
export function optionsKeyOf(tool: string, engine: Engine): string {
  return sha256(JSON.stringify([tool, engine.options]));
}

/**
 * What decides a run's findings beyond its files, the as-of date and the language: the options the
 * key above holds, less those (each shard says it, so that `merge` never joins shards checked under
 * different rules or configurations).
 */
export function settingsKeyOf(options: EngineOptions): string {
  const { rules, extraTypes, extraCadences, records, maxFileSize, quiet } = options;
  return sha256(JSON.stringify([rules ?? null, extraTypes ?? null, extraCadences ?? null, records ?? null, maxFileSize ?? null, quiet ?? false, options.window.since ?? null])).slice(0, 16);
}

/** The scope of a run: the tool, every option and every file's path, but not their contents (see StoredRun.scope). */
export function scopeOf(tool: string, engine: Engine, files: InputFile[]): string {
  return sha256(JSON.stringify([tool, engine.options, files.map((file) => file.display)]));
}

/** The group key of a branch id in the cache: its hash, so that the cache keeps no id in clear. */
export function groupKeyOf(id: string): string {
  return sha256(id).slice(0, 32);
}
