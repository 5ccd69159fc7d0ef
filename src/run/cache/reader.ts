/** Reading a cache file: the trailer first, then each section only when it is needed, each checked. */
import { type BigIntStats, closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { AnalyzedFile } from '../../engine.js';
import { checksum, createHash } from '../../hash.js';
import type { CheckResult } from '../../types.js';
import {
  CACHE_FORMAT,
  CACHE_FORMAT_VERSION,
  type CacheProblem,
  HEADER,
  type Part,
  parseRuns,
  parseStamps,
  readAt,
  STAMP,
  type StampEntry,
  stampEntry,
  type StoredRun,
  type Trailer,
} from './format.js';
import { timesSettledBy } from './stamps.js';

/** The files section is read in pieces of this size. */
const CHUNK = 4 * 1024 * 1024;
/** Enough of an entry's start to hold its path and hash. */
const ENTRY_HEAD = 8 * 1024;

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
  /**
   * Where each file's entry lies in the files section, by path: only offsets are kept, and an entry
   * is read and parsed when it is used, so that a run's memory does not grow with the cache.
   */
  private fileLines = new Map<string, { hash: string; start: number; length: number }>();
  /** The open cache file: its files section is read only when a run misses, a body when it is used. */
  private layout?: Layout;
  private filesChecked = false;
  private entryBuffer = Buffer.alloc(0);
  problem?: CacheProblem;
  /** Whether the file existed at all. */
  found = false;

  constructor(
    readonly file: string,
    private readonly tool: string,
    /**
     * Whether the file's name is the cache's own (`check.cache` in a folder given as the location):
     * there, a regular file that is no cache is a damaged one, replaced with a warning.
     */
    private readonly owned = false,
  ) {
    let fd: number;
    try {
      // A device or a pipe is no cache (and opening a pipe would wait for a writer).
      if (!statSync(file).isFile()) {
        this.found = true;
        this.problem = statSync(file).isDirectory() ? 'unreadable' : 'foreign';
        return;
      }
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
    const headed = readAt(fd, 0, HEADER.length).equals(HEADER);
    // The trailer is the last line; everything before it is accounted for by its lengths.
    const tail = readAt(fd, Math.max(0, size - 4096), Math.min(size, 4096));
    const newline = tail.lastIndexOf(0x0a, tail.length - 2);
    const ended = tail.length > 0 && tail[tail.length - 1] === 0x0a;
    let trailer: Trailer | undefined;
    try {
      trailer = ended && (newline >= 0 || size === tail.length) ? (JSON.parse(tail.toString('utf8', newline + 1, tail.length - 1)) as Trailer) : undefined;
    } catch {
      trailer = undefined;
    }
    const named = !!trailer && typeof trailer === 'object' && trailer.format === CACHE_FORMAT;
    // Without the header: a cache of an earlier format (named by its trailer), or no cache at all.
    if (!headed) return void (this.problem = named ? 'version' : this.owned ? 'damaged' : 'foreign'), false;
    if (!ended) return void (this.problem = 'truncated'), false;
    if (!named || !trailer) return void (this.problem = 'damaged'), false;
    if (trailer.formatVersion !== CACHE_FORMAT_VERSION || trailer.tool !== this.tool) return void (this.problem = 'version'), false;
    const start = size - tail.length + newline + 1;
    const lengths = [trailer.filesLength, trailer.stampsLength, trailer.runsLength, trailer.bodiesLength];
    if (!lengths.every((length) => Number.isSafeInteger(length) && length >= 0) || HEADER.length + lengths.reduce((a, b) => a + b) !== start) {
      return void (this.problem = 'truncated'), false;
    }
    // Stamps and runs are next to each other: one read for both.
    const stampsAndRuns = readAt(fd, HEADER.length + trailer.filesLength, trailer.stampsLength + trailer.runsLength);
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
      bodiesStart: HEADER.length + trailer.filesLength + trailer.stampsLength + trailer.runsLength,
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
   * (checked when a later run reads it): read in pieces, never whole.
   */
  filesSection(): { key: string; sha256: string; length: number; chunks(): Iterable<Buffer> } | undefined {
    const layout = this.problem ? undefined : this.layout;
    if (!layout) return undefined;
    return { key: layout.filesKey, sha256: layout.filesSha256, length: layout.filesLength, chunks: () => this.chunks(0, layout.filesLength) };
  }

  /** Bytes of the files section from `start`, `length` of them, in pieces of at most CHUNK. */
  private *chunks(start: number, length: number): Iterable<Buffer> {
    // One buffer for all pieces: each is used before the next is read.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, length)));
    for (let done = 0; done < length; ) {
      const read = readSync(this.layout!.fd, buffer, 0, Math.min(buffer.length, length - done), HEADER.length + start + done);
      if (read === 0) return;
      done += read;
      yield buffer.subarray(0, read);
    }
  }

  /** Bytes of the files section (not checked: the section was, as a whole). */
  private filesBytes(start: number, length: number): Buffer {
    return readAt(this.layout!.fd, HEADER.length + start, length);
  }

  /**
   * Indexes the per-file entries made with the same analysis options (none if damaged): the section
   * is checked against its checksum in pieces, and each entry's path and hash read from its start.
   */
  private loadFiles(filesKey: string): void {
    if (this.filesChecked) return;
    this.filesChecked = true;
    const layout = this.problem ? undefined : this.layout;
    if (!layout || layout.filesKey !== filesKey) return;
    const hash = createHash('sha256');
    const ends: number[] = [];
    let total = 0;
    for (const piece of this.chunks(0, layout.filesLength)) {
      hash.update(piece);
      for (let at = piece.indexOf(0x0a); at >= 0; at = piece.indexOf(0x0a, at + 1)) ends.push(total + at);
      total += piece.length;
    }
    if (total !== layout.filesLength || hash.digest('hex') !== layout.filesSha256) {
      this.damaged();
      return;
    }
    let start = 0;
    const headBuffer = Buffer.allocUnsafe(ENTRY_HEAD);
    for (const end of [...ends, total]) {
      const length = end - start;
      // Each line starts {"path":...,"hash":...; the rest is parsed when the entry is used.
      const read = length > 0 ? readSync(layout.fd, headBuffer, 0, Math.min(length, ENTRY_HEAD), HEADER.length + start) : 0;
      const head = headBuffer.toString('utf8', 0, read);
      const match = /^\{"path":("(?:[^"\\]|\\.)*"),"hash":"([0-9a-f]{40})"/.exec(head);
      // Copies, not slices: a slice would keep the whole head of every entry in memory.
      if (match) this.fileLines.set(JSON.parse(match[1]) as string, { hash: JSON.parse(`"${match[2]}"`) as string, start, length });
      start = end + 1;
    }
  }

  /** Whether a stored analysis of a file with this path and content is at hand (read by `analyzed`). */
  hasAnalysis(filesKey: string, display: string, hash: string): boolean {
    this.loadFiles(filesKey);
    return !this.problem && this.fileLines.get(display)?.hash === hash;
  }

  /** The stored analysis of a file with this path and content, if there is one and it parses. */
  analyzed(filesKey: string, display: string, hash: string): AnalyzedFile | undefined {
    if (!this.hasAnalysis(filesKey, display, hash) || !this.layout) return undefined;
    const entry = this.fileLines.get(display)!;
    // One buffer for every entry read, grown as needed: no garbage the size of the section.
    if (this.entryBuffer.length < entry.length) this.entryBuffer = Buffer.allocUnsafe(Math.max(entry.length, this.entryBuffer.length * 2));
    const read = readSync(this.layout.fd, this.entryBuffer, 0, entry.length, HEADER.length + entry.start);
    try {
      const analyzed = (JSON.parse(this.entryBuffer.toString('utf8', 0, read)) as { analyzed: AnalyzedFile }).analyzed;
      return analyzed && analyzed.file === display ? analyzed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Entries of files outside `paths` made with the same options, to carry into the next cache (read one at a time). */
  *otherLines(filesKey: string, paths: Set<string>): Iterable<Buffer> {
    this.loadFiles(filesKey);
    if (this.problem) return;
    for (const [display, entry] of this.fileLines) if (!paths.has(display) && this.layout) yield this.filesBytes(entry.start, entry.length);
  }
}

