/** Writing a cache file: whole, to a temporary file beside the old one, renamed into place. */
import { writeSync } from 'node:fs';
import { checksum, createHash } from '../../hash.js';
import { abandonTemporary, commitTemporary, openTemporary } from '../../write-file.js';
import {
  type Body,
  CACHE_FORMAT,
  CACHE_FORMAT_VERSION,
  HEADER,
  MAX_FILES,
  MAX_OUTPUTS,
  MAX_RUNS,
  type Part,
  type RunRecord,
  type StampEntry,
  type StampsSection,
  storedPath,
  type StoredRun,
  type Trailer,
} from './format.js';
import type { CheckCache } from './reader.js';

const NEWLINE = Buffer.from('\n');
/** Small writes (a branch's line) are gathered up to this many bytes, then written at once. */
const GATHER = 1 << 20;

/**
 * Writes a new cache file beside the old one and renames it into place. A write that fails (a full
 * disk) stops the writing but not the run: `commit` then throws that error and removes the
 * temporary file, and the old cache stays as it was.
 */
export class CacheWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly branchesHash = createHash('sha256');
  /** The checksum of a branches section copied whole from the previous cache. */
  private copiedBranchesSha256?: string;
  private branchesLength = 0;
  /** Bytes gathered for the next write. */
  private gathered: Uint8Array[] = [];
  private gatheredLength = 0;
  /** The first write that failed: nothing more is written. */
  private failure?: unknown;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly branchesKey: string,
  ) {
    ({ temporary: this.temporary, fd: this.fd } = openTemporary(file));
    this.put(HEADER);
  }

  /** Writes `bytes` after what was gathered; `gather`: they may wait (they are not changed later). */
  private put(bytes: string | Uint8Array, gather = false): void {
    if (this.failure !== undefined) return;
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    if (gather && data.length < GATHER) {
      this.gathered.push(data);
      this.gatheredLength += data.length;
      if (this.gatheredLength >= GATHER) this.flush();
      return;
    }
    this.flush();
    this.write(data);
  }

  /** Writes what was gathered (so that the bytes it was gathered from may go). */
  flush(): void {
    if (this.gathered.length === 0) return;
    const data = Buffer.concat(this.gathered, this.gatheredLength);
    this.gathered = [];
    this.gatheredLength = 0;
    this.write(data);
  }

  private write(data: Uint8Array): void {
    if (this.failure !== undefined) return;
    try {
      for (let done = 0; done < data.length; ) done += writeSync(this.fd, data, done);
    } catch (error) {
      this.failure = error;
    }
  }

  /** A branch's line (branches.ts), without its line end: a new one, or one kept from the previous cache. */
  addBranch(line: string | Uint8Array): void {
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    this.put(bytes, true);
    this.put(NEWLINE, true);
    this.branchesHash.update(bytes).update(NEWLINE);
    this.branchesLength += bytes.length + 1;
  }

  /** The previous cache's branches section, whole and unchanged (made with this writer's key), instead of lines. */
  copyBranches(section: { length: number; sha256: string; chunks(): Iterable<Uint8Array> }): void {
    if (this.branchesLength > 0) throw new Error('branches were added already');
    let copied = 0;
    for (const chunk of section.chunks()) {
      this.put(chunk);
      copied += chunk.length;
    }
    if (copied !== section.length) this.failure ??= Object.assign(new Error('cache shortened while copied'), { code: 'EIO' });
    this.branchesLength = section.length;
    this.copiedBranchesSha256 = section.sha256;
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
        kept.push([storedPath(stamp[0]), stamp[1]]);
      }
      const section: StampsSection = { since: String(stampsSince), files: Object.fromEntries(kept) };
      const stampsBytes = Buffer.from(`${JSON.stringify(section)}\n`, 'utf8');
      this.put(stampsBytes);
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
        ...(run.scope !== undefined ? { scope: run.scope } : {}),
        ...(run.stamps ? { stamps: place(run.stamps) } : {}),
        summary: run.summary,
        ...(run.result ? { result: place(run.result) } : {}),
        outputs: run.outputs.slice(0, MAX_OUTPUTS).map((output) => ({ key: output.key, ...place(output.body) })),
      }));
      const runsBytes = Buffer.from(`${JSON.stringify(listed)}\n`, 'utf8');
      this.put(runsBytes);
      for (const body of bodies) {
        const bytes = 'bytes' in body ? body.bytes : source!.copy(body.part);
        if (!('bytes' in body) && bytes.length !== body.part.length) throw Object.assign(new Error('cache shortened while copied'), { code: 'EIO' });
        this.put(bytes);
      }
      // The bodies end with a line end, so that the trailer is always a line of its own.
      this.put('\n');
      bodiesLength++;
      const trailer: Trailer = {
        format: CACHE_FORMAT,
        formatVersion: CACHE_FORMAT_VERSION,
        tool: this.tool,
        branchesKey: this.branchesKey,
        branchesLength: this.branchesLength,
        branchesSha256: this.copiedBranchesSha256 ?? this.branchesHash.digest('hex'),
        stampsLength: stampsBytes.length,
        stampsChecksum: checksum(stampsBytes),
        runsLength: runsBytes.length,
        runsChecksum: checksum(runsBytes),
        bodiesLength,
      };
      this.put(`${JSON.stringify(trailer)}\n`);
      this.flush();
      if (this.failure !== undefined) throw this.failure;
      this.closed = true;
      commitTemporary(this.temporary, this.fd, this.file, beforeRename);
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  abandon(): void {
    abandonTemporary(this.temporary, this.closed ? undefined : this.fd);
    this.closed = true;
  }
}
