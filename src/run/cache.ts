/**
 * The check cache (`--cache`, `--cache-location`, `--cache-strategy`). Two layers, both keyed by
 * content, never by modification times:
 *
 * - per branch: the outcome of checking one branch (its findings as worded, its name and evaluation
 *   start), keyed by every option and the paths and content hashes of the branch's files (a file
 *   that belongs to no branch is checked, and stored, on its own). A run after a few files changed
 *   takes every other branch from here and checks only the branches of those files;
 * - per run: the result as rendered for output (a format, colour level and so on; the result
 *   itself for a run made without a rendering), keyed by the tool version, every option (the as-of
 *   date included, so rule results that depend on the date are never reused for another date) and
 *   every file's path and content hash, so that an unchanged re-run writes the stored bytes and
 *   parses nothing.
 *
 * Beside them, a shortcut to the content hashes (like git's index): each file's stamp (size,
 * modification and change times, file id) with the hash computed for that exact stamp. With the
 * `metadata` strategy a file whose stamp is unchanged, and safely older than the run that recorded
 * it, is not read again; the keys are still the content hashes (a file analysed anew is hashed from
 * its bytes), so the results are those of a cache keyed by content alone. A run whose files had all
 * settled is also listed under the key of all their stamps together, so that an unchanged re-run
 * finds it without looking up any file.
 *
 * Sections, in this order: branches (one line each), stamps (one JSON line), runs (one JSON line
 * listing each run's key, summary and where its bodies are), bodies (each run's renderings or
 * result, and its files' stamps, as bytes), trailer. The file is written whole to a temporary
 * file and renamed into place, so a reader never sees half of it. The trailer records the version
 * and each section's length and checksum (SHA-256 for the branches section, written as it goes;
 * `checksum` for the rest, which costs less to check on a re-run); each body has its own, checked
 * when the body is used. A cache that is truncated, damaged, unreadable or written by another
 * version is ignored with a warning and never trusted.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export { contentHash } from '../hash.js';
export {
  type Body,
  CACHE_FORMAT,
  CACHE_FORMAT_VERSION,
  CACHE_STRATEGIES,
  type CacheProblem,
  type CacheStrategy,
  type Part,
  type RunRecord,
  type StampEntry,
  type StoredRun,
} from './cache/format.js';
export { CheckCache } from './cache/reader.js';
export { fileStamp, settledBy } from './cache/stamps.js';
export { CacheWriter } from './cache/writer.js';

export const DEFAULT_CACHE_LOCATION = '.dangjian-cache';
const CACHE_FILE_NAME = 'check.cache';

/** The cache file for a `--cache-location`: the location itself, or a file inside a folder. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  return cacheFile(location, cwd).file;
}

/** The cache file, and whether it was found as the cache's own name inside a folder. */
export function cacheFile(location: string | undefined, cwd: string): { file: string; inFolder: boolean } {
  const target = path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isFolder = location === undefined || /[\\/]$/.test(location) || (existsSync(target) && statSync(target).isDirectory());
  return isFolder ? { file: path.join(target, CACHE_FILE_NAME), inFolder: true } : { file: target, inFolder: false };
}
