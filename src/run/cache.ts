/**
 * The check cache (`--cache`, `--cache-location`). Two layers, both keyed by content, never by
 * modification times:
 *
 * - per file: the file's analysis (parse, schema and record results, file-rule findings), keyed by
 *   its path, a hash of its bytes and a hash of the options that analysis depends on;
 * - per run: the whole result, keyed by the tool version, every option (the as-of date included,
 *   so rule results that depend on the date are never reused for another date) and every file's
 *   path and content hash. An unchanged re-run reads this and nothing else.
 *
 * The file is written whole to a temporary file and renamed into place, so a reader never sees half
 * of it. It ends with a trailer that records the version and each section's length and SHA-256; a
 * cache that is truncated, damaged, unreadable or written by another version is ignored with a
 * warning and never trusted.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzedFile } from '../engine.js';
import type { CheckResult } from '../types.js';

export const CACHE_FORMAT = 'dangjian-check-cache';
export const CACHE_FORMAT_VERSION = 1;
export const DEFAULT_CACHE_LOCATION = '.dangjian-cache';
const CACHE_FILE_NAME = 'check.cache';
/** Results of this many distinct runs (say, several as-of dates or rule settings) are kept. */
const MAX_RUNS = 4;
/** Entries of files not in the current run are kept up to this many in all. */
const MAX_FILES = 100_000;

export type CacheProblem = 'unreadable' | 'truncated' | 'damaged' | 'version';

interface Trailer {
  format: string;
  formatVersion: number;
  tool: string;
  filesKey: string;
  filesLength: number;
  filesSha256: string;
  runsLength: number;
  runsSha256: string;
}

interface RunEntry {
  key: string;
  result: CheckResult;
}

/** The cache file for a `--cache-location`: the location itself, or a file inside a folder. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  const target = path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isFolder = location === undefined || /[\\/]$/.test(location) || (existsSync(target) && statSync(target).isDirectory());
  return isFolder ? path.join(target, CACHE_FILE_NAME) : target;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A file's content hash, as the cache keys it. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** What a cache file holds, once checked; `problem` says why nothing could be trusted. */
export class CheckCache {
  private runs: RunEntry[] = [];
  /** Per-file lines of the files section, by path (parsed only when used). */
  private fileLines = new Map<string, { hash: string; line: string }>();
  private filesSection?: { bytes: Buffer; key: string };
  problem?: CacheProblem;
  /** Whether the file existed at all. */
  found = false;

  constructor(
    readonly file: string,
    private readonly tool: string,
  ) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = 'unreadable';
      return;
    }
    this.found = true;
    this.read(bytes);
  }

  private read(bytes: Buffer): void {
    // The trailer is the last line; everything before it is accounted for by its lengths.
    if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) return void (this.problem = 'truncated');
    const start = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    let trailer: Trailer;
    try {
      trailer = JSON.parse(bytes.toString('utf8', start, bytes.length - 1)) as Trailer;
    } catch {
      return void (this.problem = 'damaged');
    }
    if (!trailer || typeof trailer !== 'object' || trailer.format !== CACHE_FORMAT) return void (this.problem = 'damaged');
    if (trailer.formatVersion !== CACHE_FORMAT_VERSION || trailer.tool !== this.tool) return void (this.problem = 'version');
    if (
      !Number.isSafeInteger(trailer.filesLength) ||
      !Number.isSafeInteger(trailer.runsLength) ||
      trailer.filesLength < 0 ||
      trailer.runsLength < 0 ||
      trailer.filesLength + trailer.runsLength !== start
    ) {
      return void (this.problem = 'truncated');
    }
    const runsBytes = bytes.subarray(trailer.filesLength, start);
    if (sha256(runsBytes) !== trailer.runsSha256) return void (this.problem = 'damaged');
    try {
      const runs = JSON.parse(runsBytes.toString('utf8')) as RunEntry[];
      if (!Array.isArray(runs) || runs.some((run) => typeof run?.key !== 'string' || typeof run.result !== 'object' || !run.result)) {
        return void (this.problem = 'damaged');
      }
      this.runs = runs;
    } catch {
      return void (this.problem = 'damaged');
    }
    // The files section is checked only when a run misses (an unchanged re-run never reads it).
    this.filesSection = { bytes: bytes.subarray(0, trailer.filesLength), key: trailer.filesKey };
    this.filesSha256 = trailer.filesSha256;
  }

  private filesSha256 = '';
  private filesChecked = false;

  /** The stored result of an identical run. */
  run(key: string): CheckResult | undefined {
    return this.runs.find((run) => run.key === key)?.result;
  }

  /** Loads the per-file entries made with the same analysis options; false if damaged. */
  private loadFiles(filesKey: string): void {
    if (this.filesChecked) return;
    this.filesChecked = true;
    const section = this.filesSection;
    if (!section || section.key !== filesKey) return;
    if (sha256(section.bytes) !== this.filesSha256) {
      this.problem = 'damaged';
      this.runs = [];
      return;
    }
    const text = section.bytes.toString('utf8');
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      // Each line starts {"path":...,"hash":...; the rest is parsed when the entry is used.
      const match = /^\{"path":("(?:[^"\\]|\\.)*"),"hash":"([0-9a-f]{40})"/.exec(line);
      if (match) this.fileLines.set(JSON.parse(match[1]) as string, { hash: match[2], line });
    }
  }

  /** The stored analysis of a file with this path and content, if there is one and it parses. */
  analyzed(filesKey: string, display: string, hash: string): AnalyzedFile | undefined {
    this.loadFiles(filesKey);
    const entry = this.fileLines.get(display);
    if (!entry || entry.hash !== hash) return undefined;
    try {
      const analyzed = (JSON.parse(entry.line) as { analyzed: AnalyzedFile }).analyzed;
      return analyzed && analyzed.file === display ? analyzed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Entries of files outside `paths` made with the same options, to carry into the next cache. */
  otherLines(filesKey: string, paths: Set<string>): string[] {
    this.loadFiles(filesKey);
    const lines: string[] = [];
    for (const [display, entry] of this.fileLines) if (!paths.has(display)) lines.push(entry.line);
    return lines;
  }

  /** Results of other runs, newest first, to carry into the next cache. */
  otherRuns(key: string): RunEntry[] {
    return this.runs.filter((run) => run.key !== key);
  }
}

/** Writes a new cache file beside the old one and renames it into place. */
export class CacheWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly filesHash = createHash('sha256');
  private filesLength = 0;
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly filesKey: string,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    this.fd = openSync(this.temporary, 'w');
  }

  private writeFiles(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes);
    this.filesHash.update(bytes);
    this.filesLength += bytes.length;
  }

  addFile(display: string, hash: string, analyzed: AnalyzedFile): void {
    this.count++;
    this.writeFiles(`{"path":${JSON.stringify(display)},"hash":"${hash}","analyzed":${JSON.stringify(analyzed)}}\n`);
  }

  /** A line kept from the previous cache (already in the entry format). */
  addLine(line: string): void {
    if (this.count >= MAX_FILES) return;
    this.count++;
    this.writeFiles(`${line}\n`);
  }

  commit(runs: RunEntry[]): void {
    try {
      const runsBytes = Buffer.from(`${JSON.stringify(runs.slice(0, MAX_RUNS))}\n`, 'utf8');
      writeSync(this.fd, runsBytes);
      const trailer: Trailer = {
        format: CACHE_FORMAT,
        formatVersion: CACHE_FORMAT_VERSION,
        tool: this.tool,
        filesKey: this.filesKey,
        filesLength: this.filesLength,
        filesSha256: this.filesHash.digest('hex'),
        runsLength: runsBytes.length,
        runsSha256: sha256(runsBytes),
      };
      writeSync(this.fd, `${JSON.stringify(trailer)}\n`);
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temporary, this.file);
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.temporary, { force: true });
  }
}
