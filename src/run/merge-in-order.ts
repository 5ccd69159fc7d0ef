/**
 * The files' analyses merged in path order into a result, streaming (each branch checked and dropped
 * once its last file has arrived) or keeping every branch to the end.
 */
import type { AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import type { RunOptions } from './run-options.js';
import { STREAM_MIN_FILES, StreamingCheck } from './stream.js';

/** Whether a run keeps only open branches in memory. */
export function streams(files: InputFile[], options: RunOptions): boolean {
  return options.stream ?? files.length >= STREAM_MIN_FILES;
}

export interface MergeInOrder {
  /** Analyses already known, by file index (from the cache); the others are computed. */
  known?: (AnalyzedFile | undefined)[];
  /** Called with each analysis, in order, before it is merged. */
  each?: (index: number, analyzed: AnalyzedFile) => void;
}

/** Merges the analyses of the files in order into the result; throws BranchSwitched (see stream.ts). */
export async function mergeInOrder(engine: Engine, files: InputFile[], options: RunOptions, { known = [], each }: MergeInOrder = {}): Promise<CheckResult> {
  const stream = new StreamingCheck(engine, files, { predictBranchEnds: streams(files, options) });
  let index = 0;
  for await (const analyzed of analysesInOrder(engine, files, options, known)) {
    each?.(index, analyzed);
    stream.add(analyzed);
    index++;
    engine.options.onProgress?.(index, files.length);
  }
  return stream.result();
}

/** The analyses of the files in order: known, else from `options.analyses` where given, else computed here. */
async function* analysesInOrder(engine: Engine, files: InputFile[], options: RunOptions, known: (AnalyzedFile | undefined)[]) {
  if (options.analyses) {
    const wanted = files.map((_, index) => known[index] === undefined);
    let index = 0;
    for await (const analyzed of options.analyses(files, wanted)) {
      yield known[index] ?? analyzed ?? engine.analyze(files[index]);
      index++;
    }
    return;
  }
  for (let index = 0; index < files.length; index++) yield known[index] ?? engine.analyze(files[index]);
}
