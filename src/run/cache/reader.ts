/** Reading a cache file: the trailer first, then each section only when it is needed, each checked. */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
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
  storedPath,
  type StoredRun,
  type Trailer,
} from './format.js';
import { StoredBranches } from './branches.js';
import { type FileTimes, timesSettledBy } from './stamps.js';

/** The branches section is copied in pieces of this size. */
const CHUNK = 4 * 1024 * 1024;

/** Where the sections of an open cache file are. */
interface Layout {
  fd: number;
  branchesLength: number;
  branchesKey: string;
  branchesSha256: string;
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
  /** The open cache file: its branches section is read only when a run misses, a body when it is used. */
  private layout?: Layout;
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
    const lengths = [trailer.branchesLength, trailer.stampsLength, trailer.runsLength, trailer.bodiesLength];
    if (!lengths.every((length) => Number.isSafeInteger(length) && length >= 0) || HEADER.length + lengths.reduce((a, b) => a + b) !== start) {
      return void (this.problem = 'truncated'), false;
    }
    // Stamps and runs are next to each other: one read for both.
    const stampsAndRuns = readAt(fd, HEADER.length + trailer.branchesLength, trailer.stampsLength + trailer.runsLength);
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
      branchesLength: trailer.branchesLength,
      branchesKey: trailer.branchesKey,
      branchesSha256: trailer.branchesSha256,
      bodiesStart: HEADER.length + trailer.branchesLength + trailer.stampsLength + trailer.runsLength,
    };
    return true;
  }

  /** Closes the cache file (nothing more is read from it after this). */
  close(): void {
    if (this.layout) closeSync(this.layout.fd);
    this.layout = undefined;
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
  storedHash(absolute: string, stats: FileTimes, stamp: string): string | undefined {
    this.loadStamps();
    const entry = this.problem ? undefined : stampEntry(this.stamps, storedPath(absolute));
    return entry && entry[0] === stamp && this.settled(stats.mtimeNs, stats.ctimeNs) ? entry[1] : undefined;
  }

  /**
   * Stamps of files outside `paths` to carry into the next cache: only trusted ones, since the next
   * cache records a later start, by which an untrusted stamp would count as settled.
   */
  *otherStamps(paths: Set<string>): Iterable<[string, StampEntry]> {
    this.loadStamps();
    if (this.problem) return;
    const current = new Set([...paths].map(storedPath));
    for (const absolute of Object.keys(this.stamps)) {
      const entry = current.has(absolute) ? undefined : stampEntry(this.stamps, absolute);
      const times = entry && STAMP.exec(entry[0]);
      if (times && this.settled(BigInt(times[1]), BigInt(times[2]))) yield [absolute, entry!];
    }
  }

  /** The stored run with this key. */
  run(key: string): StoredRun | undefined {
    return this.problem ? undefined : this.runs.find((run) => run.key === key);
  }

  /** Whether a run of this scope is stored (see StoredRun.scope): only then can a run be found by its files' contents. */
  hasScope(scope: string): boolean {
    return !this.problem && this.runs.some((run) => run.scope === scope);
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

  /** The stored result of a run, if it has one (`problem` tells when it proved damaged). */
  result(run: StoredRun): CheckResult | undefined {
    const bytes = run.result && this.body(run.result);
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
   * The branches section as stored, with its key and checksum, to copy into the next cache unchanged
   * (checked when a later run reads it): read in pieces, never whole.
   */
  branchesSection(): { key: string; sha256: string; length: number; chunks(): Iterable<Buffer> } | undefined {
    const layout = this.problem ? undefined : this.layout;
    if (!layout) return undefined;
    return { key: layout.branchesKey, sha256: layout.branchesSha256, length: layout.branchesLength, chunks: () => this.chunks(layout.branchesLength) };
  }

  /** The first `length` bytes of the branches section, in pieces of at most CHUNK. */
  private *chunks(length: number): Iterable<Buffer> {
    // One buffer for all pieces: each is used before the next is read.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, length)));
    for (let done = 0; done < length; ) {
      const read = readSync(this.layout!.fd, buffer, 0, Math.min(buffer.length, length - done), HEADER.length + done);
      if (read === 0) return;
      done += read;
      yield buffer.subarray(0, read);
    }
  }

  /**
   * The stored branches, if made with the options of `key`: read and checked against the section's
   * checksum (none if damaged, which makes the cache damaged). Not kept here: they take memory only
   * as long as the caller holds them.
   */
  branches(key: string): StoredBranches | undefined {
    const layout = this.problem ? undefined : this.layout;
    if (!layout || layout.branchesKey !== key) return undefined;
    const bytes = readAt(layout.fd, HEADER.length, layout.branchesLength);
    let stored: StoredBranches | undefined;
    try {
      const intact = bytes.length === layout.branchesLength && createHash('sha256').update(bytes).digest('hex') === layout.branchesSha256;
      stored = intact ? StoredBranches.parse(bytes) : undefined;
    } catch {
      stored = undefined;
    }
    if (!stored) this.damaged();
    return stored;
  }
}
