/**
 * A check that keeps only the open branches in memory. Files arrive in path order, analysed (here
 * or in a worker) or known to the cache; a branch is merged, checked and dropped as soon as its
 * last file has arrived. Which file is a branch's last is predicted from the `branch: id:` near the
 * top of each file, read before the run (for a file the cache knows, from the branch it was in);
 * the prediction only decides when a branch is done, never what it contains. A file that belongs
 * to a branch already done (a prediction went wrong) makes the caller start again without
 * streaming, so the result never depends on the prediction.
 *
 * Each branch is checked on its own (its findings, waivers included, depend on its files alone), so
 * that a cached run can take the outcome of every branch whose files are unchanged from the cache
 * and check only the others; what depends on all branches (the order of the findings, the summary,
 * the evaluation start most branches used) is worked out at the end, the same either way.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { compareFindings, summarize, type AnalyzedFile, type Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import { guessBranchId } from '../load/branch-id.js';
import { mergeFileFacts } from '../model/build.js';
import type { Branch } from '../model/model.js';
import type { UnreadBranch } from '../model/merge.js';
import { summarizeStarts } from '../model/window.js';
import { outputText } from '../privacy.js';
import type { BranchInfo, CheckResult, Finding } from '../types.js';
import type { HeapBudget } from './heap-budget.js';

/**
 * Runs over fewer files than this keep every branch until the end. Streaming pays even for a small
 * run (a small heap is quicker to collect), so every run streams by default.
 */
export const STREAM_MIN_FILES = 0;

/** Activities from which a branch is big enough to look at the heap between the steps of its check. */
const BIG_BRANCH_ACTIVITIES = 10_000;

/** Bytes read from the top of each file to predict its branch; headers come first. */
const HEAD_BYTES = 8192;
/** The bytes read first, decoded up to their last line break. */
const FIRST_LINES_BYTES = 1024;
const LF = 0x0a;
/** Where the id is usually written (`  id: ...` under `branch:`). */
const ID_KEY = Buffer.from('id:');
/** Where the head of each file is read (decoded before the next file is read). */
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

export class BranchSwitched extends Error {
  constructor(readonly file: string) {
    super(file);
  }
}

/** The branch id written near the top of a file, if any: a prediction only. */
export function predictBranchId(file: InputFile): string | undefined {
  let fd: number | undefined;
  try {
    // Without blocking: a file swapped for a named pipe since it was listed must not be waited on.
    fd = openSync(file.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    // The id is usually in the first lines: read those first, and decode them only up to the line
    // of the first `id:`, then up to their last line break. An id found in lines that end with a
    // line break is the one the whole head gives (the lines before it are the same, each complete,
    // and a UTF-8 sequence never holds a line break); otherwise decode the whole head.
    const firstLength = readSync(fd, headBuffer, 0, FIRST_LINES_BYTES, 0);
    const lineEnd = firstLength > 0 ? headBuffer.lastIndexOf(LF, firstLength - 1) : -1;
    // Searched in the complete lines just read only, not in what an earlier file left in the buffer.
    const idAt = lineEnd < 0 ? -1 : headBuffer.subarray(0, lineEnd).indexOf(ID_KEY);
    const idLineEnd = idAt >= 0 ? headBuffer.indexOf(LF, idAt) : -1;
    const early = idLineEnd >= 0 ? guessBranchId(headBuffer.toString('utf8', 0, idLineEnd + 1)) : undefined;
    if (early !== undefined) return early;
    const first = lineEnd < 0 ? undefined : guessBranchId(headBuffer.toString('utf8', 0, lineEnd + 1));
    if (first !== undefined) return first;
    const length = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
    return guessBranchId(headBuffer.toString('utf8', 0, length));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file whose branch's result is stored (in the cache): it is analysed only if that branch has to
 * be checked again. `group`: the key of its branch (see BranchStore.groupOf), none for a file that
 * belongs to no branch.
 */
export interface KnownFile {
  index: number;
  file: string;
  key: string;
  group?: string;
}

/** What checking one branch (or one file that belongs to none) adds to the result. */
export interface BranchOutcome {
  findings: Finding[];
  /** The branch's output id, name and evaluation start (none when it could not be evaluated). */
  info?: [id: string, info: BranchInfo];
  branches: number;
}

/** A branch's files (path and content key each, in path order): what its outcome depends on, beside the options. */
export type BranchFiles = [file: string, key: string][];

/** Where a streaming check finds, and leaves, the outcomes of branches (the cache). */
export interface BranchStore {
  /** The key a branch id is grouped by (one the store can keep without keeping the id). */
  groupOf(id: string): string;
  /** The stored outcome of a branch made of exactly these files. */
  stored(files: BranchFiles): BranchOutcome | undefined;
  /** The analysis of a known file, when its branch is checked again. */
  analyze(known: KnownFile): AnalyzedFile;
  /** The outcome of a branch checked anew. */
  checked(files: BranchFiles, group: string | undefined, outcome: BranchOutcome): void;
}

type Arrival = AnalyzedFile | KnownFile;

/** What a command is given of each branch as it is checked: the branch and its findings, or a branch none of whose files could be read. */
export interface BranchObserver {
  branch(branch: Branch, findings: Finding[]): void;
  unread(branch: UnreadBranch): void;
}

function isKnown(item: Arrival): item is KnownFile {
  return (item as Partial<KnownFile>).index !== undefined;
}

export class StreamingCheck {
  /** The branches predicted to end at each file index. */
  private readonly endsAt = new Map<number, string[]>();
  private readonly groups = new Map<string, Arrival[]>();
  private readonly done = new Set<string>();
  private readonly findings: Finding[] = [];
  private branches = 0;
  /** Each branch checked so far: its name and evaluation start. */
  private readonly info = new Map<string, BranchInfo>();
  private next = 0;

  /**
   * `predicted`: each file's predicted branch (its group key), to check a branch as soon as its last
   * file has arrived; without, every branch is kept until the end. `store`: outcomes of branches
   * whose files are unchanged (known files stand for their analyses), and where new ones go.
   * `heap`: looked at between the steps of a branch's check (a branch may be big). `observer`: given
   * each branch once it is checked, before it is dropped (what a command makes of a branch).
   */
  constructor(
    private readonly engine: Engine,
    private readonly files: InputFile[],
    predicted?: (string | undefined)[],
    private readonly store?: BranchStore,
    private readonly heap?: HeapBudget,
    private readonly observer?: BranchObserver,
  ) {
    const last = new Map<string, number>();
    predicted?.forEach((id, index) => {
      if (id !== undefined) last.set(id, index);
    });
    for (const [id, index] of last) {
      const ids = this.endsAt.get(index);
      if (ids) ids.push(id);
      else this.endsAt.set(index, [id]);
    }
  }

  /** The analysis of the next file in path order (or the file, known); throws BranchSwitched (see above). */
  add(item: Arrival): void {
    const index = this.next++;
    const group = this.groupOf(item);
    if (group === undefined) this.settle([item], undefined);
    else {
      if (this.done.has(group)) throw new BranchSwitched(item.file);
      const members = this.groups.get(group);
      if (members) members.push(item);
      else this.groups.set(group, [item]);
    }
    for (const ended of this.endsAt.get(index) ?? []) this.close(ended);
  }

  private groupOf(item: Arrival): string | undefined {
    if (isKnown(item)) return item.group;
    const id = item.contribution?.id ?? item.incompleteId;
    return id === undefined || !this.store ? id : this.store.groupOf(id);
  }

  /** Checks and drops one branch's files. */
  private close(group: string): void {
    const members = this.groups.get(group);
    this.done.add(group);
    if (!members) return;
    this.groups.delete(group);
    this.settle(members, group);
  }

  /** Adds the outcome of a branch's files (or of one file that belongs to none): stored, or checked now. */
  private settle(members: Arrival[], group: string | undefined): void {
    const { store } = this;
    const files: BranchFiles | undefined = store && members.map((item) => [item.file, item.key!]);
    let outcome = files && store!.stored(files);
    if (!outcome) {
      const analyses = members.map((item) => {
        if (!isKnown(item)) return item;
        const analyzed = store!.analyze(item);
        // A big branch with one file changed reads all its files here: keep its heap in budget too.
        this.heap?.check();
        return analyzed;
      });
      outcome = this.check(analyses, group === undefined);
      if (store) store.checked(analyses.map((analyzed) => [analyzed.file, analyzed.key!]), group, outcome);
    }
    this.findings.push(...outcome.findings);
    if (outcome.info) this.info.set(outcome.info[0], outcome.info[1]);
    this.branches += outcome.branches;
  }

  /** Merges and checks one branch's files, or one file that belongs to none (`alone`). */
  private check(analyses: AnalyzedFile[], alone: boolean): BranchOutcome {
    if (alone) {
      const [analyzed] = analyses;
      const raw = [...analyzed.findings, ...analyzed.recordFindings, ...this.engine.ruleFindings([], [analyzed], () => undefined)];
      return { findings: this.engine.finish(raw, []), branches: 0 };
    }
    const { branches, findings, unread } = mergeFileFacts(analyses);
    // Only a big branch's steps make enough garbage to look at the heap between them.
    const afterStep = this.heap && (branches[0]?.activities.length ?? 0) >= BIG_BRANCH_ACTIVITIES ? () => this.heap!.check() : undefined;
    afterStep?.();
    const raw = [...findings, ...this.engine.ruleFindings(branches, analyses, (file) => file.contribution?.id, afterStep)];
    // One id, so at most one branch.
    const branch = branches[0];
    const finished = this.engine.finish(raw, branches);
    if (branch) this.observer?.branch(branch, finished);
    for (const known of unread) this.observer?.unread(known);
    return {
      findings: finished,
      ...(branch ? { info: [outputText(branch.header.id), this.engine.branchInfo(branch)] as [string, BranchInfo] } : {}),
      branches: branches.length,
    };
  }

  result(): CheckResult {
    for (const group of [...this.groups.keys()]) this.close(group);
    const findings = this.findings.sort(compareFindings);
    return {
      version: 1,
      asOf: this.engine.options.window.asOf,
      ...summarizeStarts(new Map([...this.info].map(([id, info]) => [id, info.since])), this.engine.options.window),
      branches: Object.fromEntries([...this.info].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      findings,
      summary: summarize(findings, this.files.length, this.branches),
    };
  }
}
