/**
 * `--shard I/N`: the files of one CI job out of N. All files of a branch go to the same shard (a
 * branch's cadences are judged over all its files together), and shards are balanced by bytes, the
 * best cheap measure of the work. The assignment depends only on the files' paths, sizes and
 * branch ids, so every job computes the same partition without talking to the others.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { guessBranchId } from './branch-id.js';
import { compareText } from '../util/compare.js';
import type { InputFile } from './files.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ShardGroup {
  /** `id:<branch id>`, or `file:<path>` for a file whose branch id cannot be read. */
  key: string;
  files: InputFile[];
  bytes: number;
}

/** How much of a file is read to find its branch id: the default size limit of a log. */
const READ_LIMIT = 1024 * 1024;

/** `branch: { id: x, … }`, the flow style that guessBranchId does not read. */
const FLOW_BRANCH_ID = /^branch:[ \t]*\{[^}]*?\bid:[ \t]*["']?([^\s"',}#]{1,64})/m;

export function branchIdOf(text: string): string | undefined {
  return guessBranchId(text) ?? FLOW_BRANCH_ID.exec(text)?.[1];
}

function readStart(file: string, size: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(size, READ_LIMIT));
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    // Cut a partial read at its last line break, so that no value is read half.
    const end = size > length ? buffer.lastIndexOf(0x0a, length - 1) + 1 : length;
    return new TextDecoder('utf-8').decode(buffer.subarray(0, end));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The files grouped by branch id, with their total size; a file without a readable id is its own group. */
export function groupByBranch(files: InputFile[]): ShardGroup[] {
  const groups = new Map<string, ShardGroup>();
  for (const file of files) {
    const bytes = sizeOf(file.absolute);
    const text = bytes > 0 ? readStart(file.absolute, bytes) : undefined;
    const id = text !== undefined ? branchIdOf(text) : undefined;
    const key = id !== undefined ? `id:${id}` : `file:${file.display}`;
    const group = groups.get(key) ?? { key, files: [], bytes: 0 };
    group.files.push(file);
    group.bytes += bytes;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Deterministic greedy balancing: the largest group first, each into the lightest shard (the lowest
 * index on a tie); groups of equal size in key order.
 */
export function assignShards(groups: ShardGroup[], count: number): ShardGroup[][] {
  const shards: ShardGroup[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const ordered = [...groups].sort((a, b) => b.bytes - a.bytes || compareText(a.key, b.key));
  for (const group of ordered) {
    let lightest = 0;
    for (let i = 1; i < count; i++) if (load[i] < load[lightest]) lightest = i;
    shards[lightest].push(group);
    load[lightest] += group.bytes;
  }
  return shards;
}

/** The files of shard `index` of `count`, in the order they were given. */
export function selectShard(files: InputFile[], spec: ShardSpec): InputFile[] {
  const groups = assignShards(groupByBranch(files), spec.count)[spec.index - 1];
  const chosen = new Set(groups.flatMap((group) => group.files));
  return files.filter((file) => chosen.has(file));
}
