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
  /** Which analyses are known (from the cache), by file index; the others are computed. */
  known?: boolean[];
  /** A known analysis, read when the merge comes to it (undefined when it proves unusable: computed then). */
  take?: (index: number) => AnalyzedFile | undefined;
  /** Called with each analysis, in order, before it is merged; may give what is merged instead. */
  each?: (index: number, analyzed: AnalyzedFile) => AnalyzedFile | void;
}

/** Merges the analyses of the files in order into the result; throws BranchSwitched (see stream.ts). */
export async function mergeInOrder(engine: Engine, files: InputFile[], options: RunOptions, { known = [], take, each }: MergeInOrder = {}): Promise<CheckResult> {
  const stream = new StreamingCheck(engine, files, { predictBranchEnds: streams(files, options) });
  let index = 0;
  for await (const analyzed of analysesInOrder(engine, files, options, known, take)) {
    stream.add(each?.(index, analyzed) ?? analyzed);
    index++;
    engine.options.onProgress?.(index, files.length);
  }
  return stream.result();
}

/**
 * The analyses of the files in order: known (read one at a time, as they come), else from
 * `options.analyses` where given, else computed here.
 */
async function* analysesInOrder(engine: Engine, files: InputFile[], options: RunOptions, known: boolean[], take?: (index: number) => AnalyzedFile | undefined) {
  const stored = (index: number) => (known[index] && take ? take(index) : undefined);
  if (options.analyses) {
    const wanted = files.map((_, index) => !known[index]);
    let index = 0;
    for await (const analyzed of options.analyses(files, wanted)) {
      yield stored(index) ?? analyzed ?? engine.analyze(files[index]);
      index++;
    }
    return;
  }
  for (let index = 0; index < files.length; index++) yield stored(index) ?? engine.analyze(files[index]);
}
