/**
 * The branches section of the cache: the outcome of each branch of a run (its findings as worded,
 * its output id, name and evaluation start), one line per branch (or per file that belongs to none),
 * under the paths and content keys of its files. The section holds the outcomes of one set of
 * options (its key is in the trailer). A line is `[files, group]`, a tab, then the outcome: the
 * files are read for every line, the outcome only when the branch is taken from the cache.
 */
import type { BranchFiles, BranchOutcome } from '../stream.js';
import { storedPath } from './format.js';

const TAB = 0x09;
const LF = 0x0a;

/** A branch's line, without its line end. */
export function branchLine(files: BranchFiles, group: string | undefined, outcome: BranchOutcome): string {
  return `${JSON.stringify([stored(files), group ?? null])}\t${JSON.stringify(outcome)}`;
}

/** The files as the cache keeps them: see storedPath. */
function stored(files: BranchFiles): BranchFiles {
  return files.map(([file, key]) => [storedPath(file), key]);
}

interface Entry {
  files: BranchFiles;
  group: string | null;
  /** The line, without its line end, and where its outcome starts in it. */
  line: Buffer;
  tab: number;
}

/** The stored branches: which branch each file belonged to, and each branch's outcome, read when used. */
export class StoredBranches {
  private readonly byFiles = new Map<string, Entry>();
  private readonly byFile = new Map<string, { key: string; group: string | null }>();

  private constructor(private readonly entries: Entry[]) {
    for (const entry of entries) {
      this.byFiles.set(JSON.stringify(entry.files), entry);
      for (const [file, key] of entry.files) this.byFile.set(file, { key, group: entry.group });
    }
  }

  /** The section's branches; undefined if a line is not a branch's. */
  static parse(section: Buffer): StoredBranches | undefined {
    const entries: Entry[] = [];
    for (let start = 0; start < section.length; ) {
      let end = section.indexOf(LF, start);
      if (end < 0) end = section.length;
      const line = section.subarray(start, end);
      start = end + 1;
      const tab = line.indexOf(TAB);
      if (tab < 0) return undefined;
      const head = JSON.parse(line.toString('utf8', 0, tab)) as unknown;
      if (!isHead(head)) return undefined;
      entries.push({ files: head[0], group: head[1], line, tab });
    }
    return new StoredBranches(entries);
  }

  /** The content key a file had, and its branch's group key (null: it belonged to none). */
  known(file: string): { key: string; group: string | null } | undefined {
    return this.byFile.get(storedPath(file));
  }

  /** The stored outcome of a branch made of exactly these files, and its line (to keep); undefined if none, or unusable. */
  outcome(files: BranchFiles): { outcome: BranchOutcome; line: Buffer } | undefined {
    const entry = this.byFiles.get(JSON.stringify(stored(files)));
    if (!entry) return undefined;
    try {
      const outcome = JSON.parse(entry.line.toString('utf8', entry.tab + 1)) as BranchOutcome;
      if (!isOutcome(outcome)) return undefined;
      shareStrings(outcome, entry.files);
      return { outcome, line: entry.line };
    } catch {
      return undefined;
    }
  }

  /** Lines of branches none of whose files is in `files`, to carry into the next cache (at most `limit` files in all). */
  *others(files: Set<string>, limit: number): Iterable<Buffer> {
    const current = new Set([...files].map(storedPath));
    let count = 0;
    for (const entry of this.entries) {
      if (entry.files.some(([file]) => current.has(file))) continue;
      count += entry.files.length;
      if (count > limit) return;
      yield entry.line;
    }
  }
}

/**
 * Each finding's file and branch as one string shared by all (the branch's own): parsed, every
 * finding had copies of its own, which a big run would hold tens of thousands of.
 */
function shareStrings(outcome: BranchOutcome, files: BranchFiles): void {
  const branch = outcome.info?.[0];
  for (const finding of outcome.findings) {
    const file = files.find(([path]) => path === finding.file);
    if (file) finding.file = file[0];
    if (branch !== undefined && finding.branch === branch) finding.branch = branch;
  }
}

function isHead(head: unknown): head is [BranchFiles, string | null] {
  return (
    Array.isArray(head) &&
    head.length === 2 &&
    (head[1] === null || typeof head[1] === 'string') &&
    Array.isArray(head[0]) &&
    head[0].length > 0 &&
    head[0].every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')
  );
}

function isOutcome(outcome: BranchOutcome | null): boolean {
  return (
    !!outcome &&
    typeof outcome === 'object' &&
    Array.isArray(outcome.findings) &&
    outcome.findings.every((finding) => !!finding && typeof finding === 'object') &&
    Number.isSafeInteger(outcome.branches) &&
    (outcome.info === undefined ||
      (Array.isArray(outcome.info) && typeof outcome.info[0] === 'string' && !!outcome.info[1] && typeof outcome.info[1].since === 'string'))
  );
}
