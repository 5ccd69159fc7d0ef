/**
 * The cache file's format: its sections and what each holds, the limits on what is kept, and the
 * checks of each section's shape. Sections, in this order: a header line naming the format, branches
 * (each branch's outcome under its files' paths and content keys, one line each: branches.ts),
 * stamps (one JSON line), runs (one JSON line listing each run's key, summary and where its bodies
 * are), bodies (each run's renderings or result, and its files' stamps, as bytes), trailer (the
 * version and each section's length and checksum).
 */
import { readSync } from 'node:fs';
import { sha256 } from '../../hash.js';
import { findPersonalNumbers } from '../../privacy.js';
import type { CheckResult, Summary } from '../../types.js';

export const CACHE_FORMAT = 'dangjian-check-cache';
export const CACHE_FORMAT_VERSION = 7;
/**
 * The first line of every cache file: what tells a cache from any other file, which the cache is
 * never written over (an earlier format, without it, is known by its trailer).
 */
export const HEADER = Buffer.from(`${CACHE_FORMAT}\n`, 'utf8');
/**
 * Results of this many distinct runs (say, several as-of dates or rule settings) are kept; of runs
 * over the same files with the same options, only the newest (see StoredRun.scope).
 */
export const MAX_RUNS = 4;
/** Renderings kept per run (say, stylish in a terminal and JSON for a script), newest first. */
export const MAX_OUTPUTS = 2;
/** Branches of files not in the current run are kept up to this many files in all (and as many stamps). */
export const MAX_FILES = 100_000;

/** Why a cache cannot be used; `foreign`: the file is no cache at all (and is never replaced). */
export type CacheProblem = 'unreadable' | 'truncated' | 'damaged' | 'version' | 'foreign';

export type CacheStrategy = 'metadata' | 'content';
/** `--cache-strategy`: the first is the default. */
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

export interface Trailer {
  format: string;
  formatVersion: number;
  tool: string;
  /** The key of the options the stored branch outcomes were made with. */
  branchesKey: string;
  branchesLength: number;
  branchesSha256: string;
  stampsLength: number;
  stampsChecksum: string;
  runsLength: number;
  runsChecksum: string;
  bodiesLength: number;
}

/** Where a body lies in the bodies section (offset from the section's start), and its checksum. */
export interface Part {
  offset: number;
  length: number;
  checksum: string;
}

/** A stored run, as the runs section lists it. */
export interface StoredRun {
  key: string;
  /**
   * The key of the run's options and file paths, without the files' contents: a newer run with the
   * same scope replaces it (it would be found again only if every file went back to what it was).
   */
  scope?: string;
  /**
   * The run's files with their stamps (and the options), recorded when every file's stamp was
   * settled (see RACY_MARGIN_NS): a run whose files all have these very stamps has the same content
   * hashes, so an unchanged re-run finds its run by them, without the stamps section. Found by its
   * checksum, used only when equal byte for byte.
   */
  stamps?: Part;
  summary: Summary;
  /**
   * The result as JSON, for a run made without a rendering. A run made with one keeps its
   * renderings only: a re-run in another format takes every branch from the branches section.
   */
  result?: Part;
  /** Renderings of the result, newest first, each under the key of what it depends on beyond the run. */
  outputs: (Part & { key: string })[];
}

/** A body for the next cache: bytes at hand, or a part of the cache being replaced, copied as it is. */
export type Body = { bytes: Uint8Array } | { part: Part };

/** A run for the next cache. */
export interface RunRecord {
  key: string;
  scope?: string;
  stamps?: Body;
  summary: Summary;
  result?: Body;
  outputs: { key: string; body: Body }[];
}

/**
 * A file's path as the cache keeps it (in the branches and stamps sections, and in a run's stamps):
 * as it is, or, when it holds a personal number, a digest that tells it from every other path as
 * surely, in letters only (so that it never holds a number itself, and is kept as it is).
 */
export function storedPath(file: string): string {
  if (findPersonalNumbers(file).length === 0) return file;
  return `#${sha256(file).slice(0, 40).replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`;
}

/** A file's stamp and the content hash computed for it. */
export type StampEntry = [stamp: string, hash: string];

/**
 * The stamps section: when the run that recorded the stamps began to look at files (nanoseconds
 * since 1970, in decimal; inside the section, so that its checksum covers it), and each file's
 * entry by absolute path.
 */
export interface StampsSection {
  since: string;
  files: Record<string, unknown>;
}


/** The stamps section, if it has the expected shape (its entries are checked when used). */
export function parseStamps(text: string): StampsSection | undefined {
  const section = JSON.parse(text) as Partial<StampsSection> | null;
  const { since, files } = section ?? {};
  return typeof since === 'string' && /^\d{1,30}$/.test(since) && files && typeof files === 'object' && !Array.isArray(files)
    ? { since, files }
    : undefined;
}

/** The runs section, if every run in it has the expected shape and bodies inside the bodies section. */
export function parseRuns(text: string, bodiesLength: number): StoredRun[] | undefined {
  const runs = JSON.parse(text) as StoredRun[];
  const isPart = (part: Part | undefined) =>
    !!part &&
    Number.isSafeInteger(part.offset) &&
    Number.isSafeInteger(part.length) &&
    part.offset >= 0 &&
    part.length >= 0 &&
    part.offset + part.length <= bodiesLength &&
    typeof part.checksum === 'string';
  const isSummary = (summary: Summary | undefined) =>
    !!summary && ['files', 'branches', 'errors', 'warnings', 'waived'].every((name) => Number.isSafeInteger(summary[name as keyof Summary]));
  const valid =
    Array.isArray(runs) &&
    runs.every(
      (run) =>
        typeof run?.key === 'string' &&
        (run.scope === undefined || typeof run.scope === 'string') &&
        (run.stamps === undefined || isPart(run.stamps)) &&
        isSummary(run.summary) &&
        (run.result === undefined || isPart(run.result)) &&
        Array.isArray(run.outputs) &&
        run.outputs.every((output) => isPart(output) && typeof output.key === 'string'),
    );
  return valid ? runs : undefined;
}

/** A stored stamp entry, if well-formed. */
export function stampEntry(stamps: Record<string, unknown>, absolute: string): StampEntry | undefined {
  // Inherited properties are never arrays.
  const entry = stamps[absolute];
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && HASH.test(entry[1])
    ? (entry as StampEntry)
    : undefined;
}

/** size:mtimeNs:ctimeNs:ino, capturing the times. */
export const STAMP = /^\d+:(\d+):(\d+):\d+$/;
export const HASH = /^[0-9a-f]{40}$/;

/** `length` bytes of an open file from `position` (fewer at its end). */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.subarray(0, done);
}
