/**
 * A check that keeps only the open branches in memory. Files arrive in path order, analysed (here,
 * in a worker or from the cache); a branch is merged, checked and dropped as soon as its last file
 * has arrived. Which file is a branch's last is predicted from the `branch: id:` near the top of
 * each file, read before the run; the prediction only decides when a branch is done, never what it
 * contains. A file that belongs to a branch already done (a prediction went wrong) makes the caller
 * start again without streaming, so the result never depends on the prediction.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { compareFindings, summarize, type AnalyzedFile, type Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import { guessBranchId } from '../load/branch-id.js';
import { mergeFileFacts } from '../model/build.js';
import { summarizeStarts } from '../model/window.js';
import { outputText } from '../privacy.js';
import type { BranchInfo, CheckResult, Finding } from '../types.js';

/**
 * Runs over fewer files than this keep every branch until the end. Streaming pays even for a small
 * run (a small heap is quicker to collect), so every run streams by default.
 */
export const STREAM_MIN_FILES = 0;

/** Bytes read from the top of each file to predict its branch; headers come first. */
const HEAD_BYTES = 8192;
/** The bytes read first, decoded up to their last line break. */
const FIRST_LINES_BYTES = 1024;
const LF = 0x0a;

export class BranchSwitched extends Error {
  constructor(readonly file: string) {
    super(file);
  }
}

/** The branch id written near the top of a file, if any: a prediction only. */
export function predictBranchId(file: InputFile): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file.absolute, 'r');
    // The id is usually in the first lines: read and decode those first. An id found there is the
    // one the whole head gives (the lines before it are the same, each complete, as the text ends
    // with a line break there and a UTF-8 sequence never holds one); otherwise read the whole head.
    const first = Buffer.allocUnsafe(FIRST_LINES_BYTES);
    const firstLength = readSync(fd, first, 0, FIRST_LINES_BYTES, 0);
    const lineEnd = firstLength > 0 ? first.lastIndexOf(LF, firstLength - 1) : -1;
    const early = lineEnd < 0 ? undefined : guessBranchId(first.toString('utf8', 0, lineEnd + 1));
    if (early !== undefined) return early;
    const buffer = Buffer.allocUnsafe(HEAD_BYTES);
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return guessBranchId(buffer.toString('utf8', 0, length));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class StreamingCheck {
  /** The branches predicted to end at each file index. */
  private readonly endsAt = new Map<number, string[]>();
  private readonly groups = new Map<string, AnalyzedFile[]>();
  private readonly done = new Set<string>();
  private readonly findings: Finding[] = [];
  private branches = 0;
  /** Each branch checked so far: its name and evaluation start. */
  private readonly info = new Map<string, BranchInfo>();
  private next = 0;

  /** `predictBranchEnds`: false keeps every branch until the end. */
  constructor(
    private readonly engine: Engine,
    private readonly files: InputFile[],
    { predictBranchEnds }: { predictBranchEnds: boolean },
  ) {
    if (!predictBranchEnds) return;
    const last = new Map<string, number>();
    files.forEach((file, index) => {
      const id = predictBranchId(file);
      if (id !== undefined) last.set(id, index);
    });
    for (const [id, index] of last) {
      const ids = this.endsAt.get(index);
      if (ids) ids.push(id);
      else this.endsAt.set(index, [id]);
    }
  }

  /** The analysis of the next file in path order; throws BranchSwitched (see above). */
  add(analyzed: AnalyzedFile): void {
    const index = this.next++;
    const id = analyzed.contribution?.id ?? analyzed.incompleteId;
    if (id === undefined) {
      const raw = [...analyzed.findings, ...analyzed.recordFindings, ...this.engine.ruleFindings([], [analyzed], () => undefined)];
      this.findings.push(...this.engine.finish(raw, []));
    } else {
      if (this.done.has(id)) throw new BranchSwitched(analyzed.file);
      const group = this.groups.get(id);
      if (group) group.push(analyzed);
      else this.groups.set(id, [analyzed]);
    }
    for (const ended of this.endsAt.get(index) ?? []) this.close(ended);
  }

  /** Merges, checks and drops one branch's files. */
  private close(id: string): void {
    const group = this.groups.get(id);
    this.done.add(id);
    if (!group) return;
    this.groups.delete(id);
    const { branches, findings } = mergeFileFacts(group);
    const raw = [...findings, ...this.engine.ruleFindings(branches, group, (file) => (file.contribution ? id : undefined))];
    for (const branch of branches) this.info.set(outputText(branch.header.id), this.engine.branchInfo(branch));
    this.branches += branches.length;
    this.findings.push(...this.engine.finish(raw, branches));
  }

  result(): CheckResult {
    for (const id of [...this.groups.keys()]) this.close(id);
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
