/**
 * The check cache (`--cache`, `--cache-location`, `--cache-strategy`). Two layers, both keyed by
 * content, never by modification times:
 *
 * - per file: the file's analysis (parse, schema and record results, file-rule findings), keyed by
 *   its path, a hash of its bytes and a hash of the options that analysis depends on;
 * - per run: the whole result, keyed by the tool version, every option (the as-of date included,
 *   so rule results that depend on the date are never reused for another date) and every file's
 *   path and content hash; with it, the result as rendered for output (a format, colour level and
 *   so on), so that an unchanged re-run writes the stored bytes and parses nothing.
 *
 * Beside them, a shortcut to the content hashes (like git's index): each file's stamp (size,
 * modification and change times, file id) with the hash computed for that exact stamp. With the
 * `metadata` strategy a file whose stamp is unchanged, and safely older than the run that recorded
 * it, is not read again; the keys are still the content hashes (a file analysed anew is hashed from
 * its bytes), so the results are those of a cache keyed by content alone. A run whose files had all
 * settled is also listed under the key of all their stamps together, so that an unchanged re-run
 * finds it without looking up any file.
 *
 * Sections, in this order: per-file analyses (one JSON line each), stamps (one JSON line), runs (one
 * JSON line listing each run's key, summary and where its bodies are), bodies (each run's result and
 * renderings, and its files' stamps, as bytes), trailer. The file is written whole to a temporary file and renamed into
 * place, so a reader never sees half of it. The trailer records the version and each section's
 * length and checksum (SHA-256 for the files section, written as it goes; `checksum` for the rest,
 * which costs less to check on a re-run); each body has its own, checked when the body is used. A
 * cache that is truncated, damaged, unreadable or written by another version is ignored with a
 * warning and never trusted.
 */
import { type BigIntStats, closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzedFile } from '../engine.js';
import { checksum, createHash, sha256 } from '../hash.js';
import type { CheckResult, Summary } from '../types.js';

export const CACHE_FORMAT = 'dangjian-check-cache';
export const CACHE_FORMAT_VERSION = 3;
export const DEFAULT_CACHE_LOCATION = '.dangjian-cache';
const CACHE_FILE_NAME = 'check.cache';
/** Results of this many distinct runs (say, several as-of dates or rule settings) are kept. */
const MAX_RUNS = 4;
/** Renderings kept per run (say, stylish in a terminal and JSON for a script), newest first. */
const MAX_OUTPUTS = 2;
/** Entries of files not in the current run are kept up to this many in all (and as many stamps). */
const MAX_FILES = 100_000;
/**
 * When a stamp may be trusted: git's "racily clean" rule, made stricter. A run records in the
 * stamps section the time it began to look at files, by this machine's clock (a cache file copied
 * or touched later keeps it). A stamp is trusted only if the file's modification and change times are
 * both older than that moment by this margin. Any later write gives the file a newer change time
 * (and, unless a tool puts it back, modification time), so the stamp no longer matches; even a
 * write in the same timestamp tick as the one the stamp shows, made after the run had read the file.
 *
 * The start of the run rather than the writing of the cache file (git's choice): a file changed
 * during a long run, after it was read, is covered too. The margin: file times may come from a
 * clock that lags this one by a tick, and some file systems keep them coarsely (FAT, to 2 s). So a
 * file written less than 2 s before a run is read again by later runs, until the cache is next
 * written.
 */
const RACY_MARGIN_NS = 2_000_000_000n;

export type CacheProblem = 'unreadable' | 'truncated' | 'damaged' | 'version';

export type CacheStrategy = 'metadata' | 'content';
/** `--cache-strategy`: the first is the default. */
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

interface Trailer {
  format: string;
  formatVersion: number;
  tool: string;
  filesKey: string;
  filesLength: number;
  filesSha256: string;
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
   * The run's files with their stamps (and the options), recorded when every file's stamp was
   * settled (see RACY_MARGIN_NS): a run whose files all have these very stamps has the same content
   * hashes, so an unchanged re-run finds its run by them, without the stamps section. Found by its
   * checksum, used only when equal byte for byte.
   */
  stamps?: Part;
  summary: Summary;
  /** The result as JSON. */
  result: Part;
  /** Renderings of the result, newest first, each under the key of what it depends on beyond the run. */
  outputs: (Part & { key: string })[];
}

/** A body for the next cache: bytes at hand, or a part of the cache being replaced, copied as it is. */
export type Body = { bytes: Uint8Array } | { part: Part };

/** A run for the next cache. */
export interface RunRecord {
  key: string;
  stamps?: Body;
  summary: Summary;
  result: Body;
  outputs: { key: string; body: Body }[];
}

/** A file's stamp and the content hash computed for it. */
export type StampEntry = [stamp: string, hash: string];

/**
 * The stamps section: when the run that recorded the stamps began to look at files (nanoseconds
 * since 1970, in decimal; inside the section, so that its checksum covers it), and each file's
 * entry by absolute path.
 */
interface StampsSection {
  since: string;
  files: Record<string, unknown>;
}

/**
 * What a file's stamp records: size, modification and change times (nanoseconds) and file id. Any
 * write changes the change time, also when a tool (cp -p, rsync, tar) puts the modification time
 * back; a file put in place by renaming has another id. Where the system gives no id (0 on some
 * Windows file systems), the other fields still decide.
 */
export function fileStamp(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}

/**
 * Whether a stamp taken by a run that began to look at files at `since` (nanoseconds since 1970)
 * will be trusted by later runs: see RACY_MARGIN_NS.
 */
export function settledBy(stats: BigIntStats, since: bigint): boolean {
  return timesSettledBy(stats.mtimeNs, stats.ctimeNs, since);
}

function timesSettledBy(mtimeNs: bigint, ctimeNs: bigint, since: bigint): boolean {
  return mtimeNs < since - RACY_MARGIN_NS && ctimeNs < since - RACY_MARGIN_NS;
}

/** The cache file for a `--cache-location`: the location itself, or a file inside a folder. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  const target = path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isFolder = location === undefined || /[\\/]$/.test(location) || (existsSync(target) && statSync(target).isDirectory());
  return isFolder ? path.join(target, CACHE_FILE_NAME) : target;
}

/** A file's content hash, as the cache keys it. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** `length` bytes of an open file from `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.subarray(0, done);
}

/** Where the sections of an open cache file are. */
interface Layout {
  fd: number;
  filesLength: number;
  filesKey: string;
  filesSha256: string;
  bodiesStart: number;
}

/** What a cache file holds, once checked; `problem` says why nothing could be trusted. */
export class CheckCache {
  private runs: StoredRun[] = [];
  /** The stamps section, checked and parsed when first used (a run found by its stamps key never reads it). */
  private stampsSection?: { bytes: Buffer; checksum: string };
  /** Stamp entries by absolute path (each checked when used). */
  private stamps: Record<string, unknown> = {};
  /** When the run that recorded the stamps began to look at files (nanoseconds since 1970): see RACY_MARGIN_NS. */
  private stampsSince = 0n;
  /** Per-file lines of the files section, by path (parsed only when used). */
  private fileLines = new Map<string, { hash: string; line: string }>();
  /** The open cache file: its files section is read only when a run misses, a body when it is used. */
  private layout?: Layout;
  private filesChecked = false;
  problem?: CacheProblem;
  /** Whether the file existed at all. */
  found = false;

  constructor(
    readonly file: string,
    private readonly tool: string,
  ) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = 'unreadable';
      return;
    }
    this.found = true;
    try {
      if (!this.read(fd)) closeSync(fd);
    } catch {
      this.problem = 'unreadable';
      closeSync(fd);
    }
  }

  /** Reads the trailer and the runs section (and the stamps section, for later); true when the file may be read further. */
  private read(fd: number): boolean {
    const size = fstatSync(fd).size;
    // The trailer is the last line; everything before it is accounted for by its lengths.
    const tail = readAt(fd, Math.max(0, size - 4096), Math.min(size, 4096));
    if (tail.length === 0 || tail[tail.length - 1] !== 0x0a) return void (this.problem = 'truncated'), false;
    const newline = tail.lastIndexOf(0x0a, tail.length - 2);
    if (newline < 0 && size > tail.length) return void (this.problem = 'damaged'), false;
    const start = size - tail.length + newline + 1;
    let trailer: Trailer;
    try {
      trailer = JSON.parse(tail.toString('utf8', newline + 1, tail.length - 1)) as Trailer;
    } catch {
      return void (this.problem = 'damaged'), false;
    }
    if (!trailer || typeof trailer !== 'object' || trailer.format !== CACHE_FORMAT) return void (this.problem = 'damaged'), false;
    if (trailer.formatVersion !== CACHE_FORMAT_VERSION || trailer.tool !== this.tool) return void (this.problem = 'version'), false;
    const lengths = [trailer.filesLength, trailer.stampsLength, trailer.runsLength, trailer.bodiesLength];
    if (!lengths.every((length) => Number.isSafeInteger(length) && length >= 0) || lengths.reduce((a, b) => a + b) !== start) {
      return void (this.problem = 'truncated'), false;
    }
    // Stamps and runs are next to each other: one read for both.
    const stampsAndRuns = readAt(fd, trailer.filesLength, trailer.stampsLength + trailer.runsLength);
    const stampsBytes = stampsAndRuns.subarray(0, trailer.stampsLength);
    const runsBytes = stampsAndRuns.subarray(trailer.stampsLength);
    if (stampsAndRuns.length !== trailer.stampsLength + trailer.runsLength) return void (this.problem = 'damaged'), false;
    if (checksum(runsBytes) !== trailer.runsChecksum) return void (this.problem = 'damaged'), false;
    try {
      const runs = parseRuns(runsBytes.toString('utf8'), trailer.bodiesLength);
      if (!runs) return void (this.problem = 'damaged'), false;
      this.runs = runs;
    } catch {
      return void (this.problem = 'damaged'), false;
    }
    this.stampsSection = { bytes: stampsBytes, checksum: trailer.stampsChecksum };
    this.layout = {
      fd,
      filesLength: trailer.filesLength,
      filesKey: trailer.filesKey,
      filesSha256: trailer.filesSha256,
      bodiesStart: trailer.filesLength + trailer.stampsLength + trailer.runsLength,
    };
    return true;
  }

  /** Closes the cache file (nothing more is read from it after this). */
  close(): void {
    if (this.layout) closeSync(this.layout.fd);
    this.layout = undefined;
    this.filesChecked = true;
  }

  /** Checks and parses the stamps section (once); one that fails makes the cache damaged. */
  private loadStamps(): void {
    const section = this.stampsSection;
    if (!section) return;
    this.stampsSection = undefined;
    try {
      const stamps = checksum(section.bytes) === section.checksum ? parseStamps(section.bytes.toString('utf8')) : undefined;
      if (stamps) {
        this.stamps = stamps.files;
        this.stampsSince = BigInt(stamps.since);
        return;
      }
    } catch {
      // below
    }
    this.damaged();
  }

  /** Whether a stamp with these modification and change times may be trusted (see RACY_MARGIN_NS). */
  private settled(mtimeNs: bigint, ctimeNs: bigint): boolean {
    return timesSettledBy(mtimeNs, ctimeNs, this.stampsSince);
  }

  /**
   * The stored content hash of the file at `absolute`, if it was computed for this very stamp
   * (`fileStamp(stats)`) and the file had settled by then; else the file has to be read.
   */
  storedHash(absolute: string, stats: BigIntStats, stamp: string): string | undefined {
    this.loadStamps();
    const entry = this.problem ? undefined : stampEntry(this.stamps, absolute);
    return entry && entry[0] === stamp && this.settled(stats.mtimeNs, stats.ctimeNs) ? entry[1] : undefined;
  }

  /**
   * Stamps of files outside `paths` to carry into the next cache: only trusted ones, since the next
   * cache records a later start, by which an untrusted stamp would count as settled.
   */
  *otherStamps(paths: Set<string>): Iterable<[string, StampEntry]> {
    this.loadStamps();
    if (this.problem) return;
    for (const absolute of Object.keys(this.stamps)) {
      const entry = paths.has(absolute) ? undefined : stampEntry(this.stamps, absolute);
      const times = entry && STAMP.exec(entry[0]);
      if (times && this.settled(BigInt(times[1]), BigInt(times[2]))) yield [absolute, entry!];
    }
  }

  /** The stored run with this key. */
  run(key: string): StoredRun | undefined {
    return this.problem ? undefined : this.runs.find((run) => run.key === key);
  }

  /** The stored run whose files had these very stamps (see StoredRun.stamps). */
  runByStamps(stamps: Uint8Array): StoredRun | undefined {
    if (this.problem || !this.layout) return undefined;
    const sum = checksum(stamps);
    return this.runs.find((run) => run.stamps?.checksum === sum && this.copy(run.stamps).equals(stamps));
  }

  /** Stored runs with other keys, newest first, to carry into the next cache. */
  otherRuns(key: string): StoredRun[] {
    return this.problem ? [] : this.runs.filter((run) => run.key !== key);
  }

  /** A body as stored, unchecked (to copy it into the next cache with its checksum). */
  copy(part: Part): Buffer {
    if (!this.layout) throw new Error('the cache file is closed');
    return readAt(this.layout.fd, this.layout.bodiesStart + part.offset, part.length);
  }

  /** A body, checked against its checksum; a body that fails makes the cache damaged. */
  private body(part: Part): Buffer | undefined {
    if (this.problem || !this.layout) return undefined;
    const bytes = this.copy(part);
    if (bytes.length === part.length && checksum(bytes) === part.checksum) return bytes;
    this.damaged();
    return undefined;
  }

  private damaged(): void {
    this.problem = 'damaged';
    this.runs = [];
    this.stamps = {};
  }

  /** The stored rendering of a run under `key`, as bytes (`problem` tells when it proved damaged). */
  output(run: StoredRun, key: string): Buffer | undefined {
    const part = run.outputs.find((output) => output.key === key);
    return part && this.body(part);
  }

  /** The stored result of a run (`problem` tells when it proved damaged). */
  result(run: StoredRun): CheckResult | undefined {
    const bytes = this.body(run.result);
    if (!bytes) return undefined;
    try {
      const result = JSON.parse(bytes.toString('utf8')) as CheckResult;
      if (result && typeof result === 'object' && Array.isArray(result.findings)) return result;
    } catch {
      // below
    }
    this.damaged();
    return undefined;
  }

  /**
   * The files section as stored, with its key and checksum, to copy into the next cache unchanged
   * (checked when a later run reads it).
   */
  filesSection(): { bytes: Buffer; key: string; sha256: string } | undefined {
    const layout = this.problem ? undefined : this.layout;
    if (!layout) return undefined;
    return { bytes: readAt(layout.fd, 0, layout.filesLength), key: layout.filesKey, sha256: layout.filesSha256 };
  }

  /** Loads the per-file entries made with the same analysis options (none if damaged). */
  private loadFiles(filesKey: string): void {
    if (this.filesChecked) return;
    this.filesChecked = true;
    const section = this.filesSection();
    if (!section || section.key !== filesKey) return;
    const { bytes } = section;
    if (bytes.length !== this.layout!.filesLength || sha256(bytes) !== section.sha256) {
      this.damaged();
      return;
    }
    const text = bytes.toString('utf8');
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
}

/** The stamps section, if it has the expected shape (its entries are checked when used). */
function parseStamps(text: string): StampsSection | undefined {
  const section = JSON.parse(text) as Partial<StampsSection> | null;
  const { since, files } = section ?? {};
  return typeof since === 'string' && /^\d{1,30}$/.test(since) && files && typeof files === 'object' && !Array.isArray(files)
    ? { since, files }
    : undefined;
}

/** The runs section, if every run in it has the expected shape and bodies inside the bodies section. */
function parseRuns(text: string, bodiesLength: number): StoredRun[] | undefined {
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
        (run.stamps === undefined || isPart(run.stamps)) &&
        isSummary(run.summary) &&
        isPart(run.result) &&
        Array.isArray(run.outputs) &&
        run.outputs.every((output) => isPart(output) && typeof output.key === 'string'),
    );
  return valid ? runs : undefined;
}

/** A stored stamp entry, if well-formed. */
function stampEntry(stamps: Record<string, unknown>, absolute: string): StampEntry | undefined {
  // Inherited properties are never arrays.
  const entry = stamps[absolute];
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && HASH.test(entry[1])
    ? (entry as StampEntry)
    : undefined;
}

/** size:mtimeNs:ctimeNs:ino, capturing the times. */
const STAMP = /^\d+:(\d+):(\d+):\d+$/;
const HASH = /^[0-9a-f]{40}$/;

/** Writes a new cache file beside the old one and renames it into place. */
export class CacheWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly filesHash = createHash('sha256');
  /** The checksum of a files section copied whole from the previous cache. */
  private copiedFilesSha256?: string;
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

  /** The previous cache's files section, whole and unchanged (made with this writer's key), instead of entries. */
  copyFiles(section: { bytes: Uint8Array; sha256: string }): void {
    if (this.filesLength > 0) throw new Error('files were added already');
    writeSync(this.fd, section.bytes);
    this.filesLength = section.bytes.length;
    this.copiedFilesSha256 = section.sha256;
  }

  /**
   * Writes the stamps (this run's first, then others up to the limit), recorded by a run that began
   * to look at files at `stampsSince`, the runs (newest first; bodies given as parts are copied from
   * `source`) and the trailer; then calls `beforeRename` (to close the previous cache: Windows does
   * not rename over an open file) and renames the file into place.
   */
  commit(
    runs: RunRecord[],
    stamps: Iterable<[string, StampEntry]>,
    stampsSince: bigint,
    source?: CheckCache,
    beforeRename?: () => void,
  ): void {
    try {
      const kept: [string, StampEntry][] = [];
      for (const stamp of stamps) {
        if (kept.length >= MAX_FILES) break;
        kept.push(stamp);
      }
      const section: StampsSection = { since: String(stampsSince), files: Object.fromEntries(kept) };
      const stampsBytes = Buffer.from(`${JSON.stringify(section)}\n`, 'utf8');
      writeSync(this.fd, stampsBytes);
      // Where each body goes; bodies at hand are checksummed here, copied ones keep their checksum.
      const bodies: Body[] = [];
      let bodiesLength = 0;
      const place = (body: Body): Part => {
        bodies.push(body);
        const part =
          'bytes' in body
            ? { offset: bodiesLength, length: body.bytes.length, checksum: checksum(body.bytes) }
            : { ...body.part, offset: bodiesLength };
        bodiesLength += part.length;
        return part;
      };
      const listed: StoredRun[] = runs.slice(0, MAX_RUNS).map((run) => ({
        key: run.key,
        ...(run.stamps ? { stamps: place(run.stamps) } : {}),
        summary: run.summary,
        result: place(run.result),
        outputs: run.outputs.slice(0, MAX_OUTPUTS).map((output) => ({ key: output.key, ...place(output.body) })),
      }));
      const runsBytes = Buffer.from(`${JSON.stringify(listed)}\n`, 'utf8');
      writeSync(this.fd, runsBytes);
      for (const body of bodies) {
        const bytes = 'bytes' in body ? body.bytes : source!.copy(body.part);
        if (!('bytes' in body) && bytes.length !== body.part.length) throw Object.assign(new Error('cache shortened while copied'), { code: 'EIO' });
        writeSync(this.fd, bytes);
      }
      // The bodies end with a line end, so that the trailer is always a line of its own.
      writeSync(this.fd, '\n');
      bodiesLength++;
      const trailer: Trailer = {
        format: CACHE_FORMAT,
        formatVersion: CACHE_FORMAT_VERSION,
        tool: this.tool,
        filesKey: this.filesKey,
        filesLength: this.filesLength,
        filesSha256: this.copiedFilesSha256 ?? this.filesHash.digest('hex'),
        stampsLength: stampsBytes.length,
        stampsChecksum: checksum(stampsBytes),
        runsLength: runsBytes.length,
        runsChecksum: checksum(runsBytes),
        bodiesLength,
      };
      writeSync(this.fd, `${JSON.stringify(trailer)}\n`);
      fsyncSync(this.fd);
      closeSync(this.fd);
      beforeRename?.();
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
