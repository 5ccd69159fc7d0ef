/**
 * The files' analyses merged in path order into a result, streaming (each branch checked and dropped
 * once its last file has arrived) or keeping every branch to the end.
 */
import type { AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { Branch } from '../model/model.js';
import type { CheckResult, Finding } from '../types.js';
import type { UnreadBranch } from '../model/merge.js';
import { outputText } from '../privacy.js';
import type { RunOptions } from './run-options.js';
import { type BranchObserver, BranchSwitched, type BranchStore, type KnownFile, predictBranchId, STREAM_MIN_FILES, StreamingCheck } from './stream.js';
import { compareText } from '../util/compare.js';
import { HeapBudget } from './heap-budget.js';

/** Whether a run keeps only open branches in memory. */
export function streams(files: InputFile[], options: RunOptions): boolean {
  return options.stream ?? files.length >= STREAM_MIN_FILES;
}

export interface MergeInOrder {
  /** Files the cache knows, by index: they arrive as they are, and are analysed only if their branch is checked again. */
  known?: (KnownFile | undefined)[];
  /** Where the outcomes of branches of known files are, and where new ones go. */
  store?: BranchStore;
  /** A file's predicted branch (its group key) when the run streams; default: the id near its top. */
  predict?: (file: InputFile, index: number) => string | undefined;
  /** Called with each analysis, in order, before it is merged; may give what is merged instead. */
  each?: (index: number, analyzed: AnalyzedFile) => AnalyzedFile | void;
  /** Given each branch once it is checked (see StreamingCheck). */
  observer?: BranchObserver;
}

/** Merges the analyses of the files in order into the result; throws BranchSwitched (see stream.ts). */
export async function mergeInOrder(
  engine: Engine,
  files: InputFile[],
  options: RunOptions,
  { known = [], store, predict = predictBranchId, each, observer }: MergeInOrder = {},
): Promise<CheckResult> {
  const predicted = streams(files, options) ? files.map((file, index) => predict(file, index)) : undefined;
  const heap = new HeapBudget();
  const stream = new StreamingCheck(engine, files, predicted, store, heap, observer);
  let index = 0;
  for await (const item of arrivals(engine, files, options, known)) {
    stream.add(known[index] ?? each?.(index, item as AnalyzedFile) ?? item);
    index++;
    engine.options.onProgress?.(index, files.length);
    heap.check();
  }
  return stream.result();
}

/**
 * The files in order: known ones as they are, the others analysed: by `options.analyses` where
 * given, else here.
 */
async function* arrivals(engine: Engine, files: InputFile[], options: RunOptions, known: (KnownFile | undefined)[]) {
  if (options.analyses) {
    const wanted = files.map((_, index) => !known[index]);
    let index = 0;
    for await (const analyzed of options.analyses(files, wanted)) {
      yield known[index] ?? analyzed ?? engine.analyze(files[index]);
      index++;
    }
    return;
  }
  for (let index = 0; index < files.length; index++) yield known[index] ?? engine.analyze(files[index]);
}

/**
 * Checks the files branch by branch, and makes something of each branch while it is in memory
 * (`make`, given the branch and its findings: what `due` lists for it, a report's row), so that a
 * command over many branches holds one branch at a time. What is made comes back in the order of
 * the branch ids, as a model of all branches would give it, with the branches none of whose files
 * could be read; so does the result, the same as `Engine.check` gives.
 */
export async function eachBranch<T>(
  engine: Engine,
  files: InputFile[],
  make: (branch: Branch, findings: Finding[]) => T,
): Promise<{ result: CheckResult; made: T[]; unread: UnreadBranch[] }> {
  const byId = new Map<string, T>();
  const unread: UnreadBranch[] = [];
  try {
    const observer: BranchObserver = { branch: (branch, findings) => byId.set(branch.header.id, make(branch, findings)), unread: (branch) => unread.push(branch) };
    const result = await mergeInOrder(engine, files, { stream: true }, { observer });
    return { result, made: [...byId.keys()].sort(compareText).map((id) => byId.get(id)!), unread: unread.sort((a, b) => compareText(a.id, b.id)) };
  } catch (error) {
    if (!(error instanceof BranchSwitched)) throw error;
    // A file belongs to a branch already checked: every branch is kept to the end instead.
    const all = engine.check(files);
    const findingsOf = new Map<string | undefined, Finding[]>();
    for (const finding of all.result.findings) {
      const list = findingsOf.get(finding.branch);
      if (list) list.push(finding);
      else findingsOf.set(finding.branch, [finding]);
    }
    return { result: all.result, made: all.branches.map((branch) => make(branch, findingsOf.get(outputText(branch.header.id)) ?? [])), unread: all.unread };
  }
}
