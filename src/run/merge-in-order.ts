/**
 * The files' analyses merged in path order into a result, streaming (each branch checked and dropped
 * once its last file has arrived) or keeping every branch to the end.
 */
import type { AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import type { RunOptions } from './run-options.js';
import { type BranchStore, type KnownFile, predictBranchId, STREAM_MIN_FILES, StreamingCheck } from './stream.js';
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
}

/** Merges the analyses of the files in order into the result; throws BranchSwitched (see stream.ts). */
export async function mergeInOrder(
  engine: Engine,
  files: InputFile[],
  options: RunOptions,
  { known = [], store, predict = predictBranchId, each }: MergeInOrder = {},
): Promise<CheckResult> {
  const predicted = streams(files, options) ? files.map((file, index) => predict(file, index)) : undefined;
  const heap = new HeapBudget();
  const stream = new StreamingCheck(engine, files, predicted, store, heap);
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
