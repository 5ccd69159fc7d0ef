/**
 * Stamps: what a file's metadata says about it, and when a stamp may stand for the content hash
 * computed with it (git's "racily clean" rule, made stricter).
 */
import type { BigIntStats } from 'node:fs';

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

/** A file's modification and change times, nanoseconds since 1970. */
export type FileTimes = Pick<BigIntStats, 'mtimeNs' | 'ctimeNs'>;

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
export function settledBy(stats: FileTimes, since: bigint): boolean {
  return timesSettledBy(stats.mtimeNs, stats.ctimeNs, since);
}

export function timesSettledBy(mtimeNs: bigint, ctimeNs: bigint, since: bigint): boolean {
  return mtimeNs < since - RACY_MARGIN_NS && ctimeNs < since - RACY_MARGIN_NS;
}
