/**
 * How a check runs: which files' analyses come from where (this thread, worker threads, the cache)
 * and how they are merged (streaming, branch by branch). Every way gives the same result as
 * `Engine.check`, which stays the straightforward reference.
 */
import type { Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import { BranchSwitched, STREAM_MIN_FILES, StreamingCheck } from './stream.js';

export interface RunOptions {
  /** Keep only open branches in memory (default: for runs of STREAM_MIN_FILES files or more). */
  stream?: boolean;
}

export async function runCheck(engine: Engine, files: InputFile[], options: RunOptions = {}): Promise<CheckResult> {
  const stream = new StreamingCheck(engine, files, options.stream ?? files.length >= STREAM_MIN_FILES);
  try {
    for (const file of files) stream.add(engine.analyze(file));
    return stream.result();
  } catch (error) {
    if (!(error instanceof BranchSwitched)) throw error;
    // A file belongs to a branch already checked: start again, keeping every branch to the end.
    return engine.check(files).result;
  }
}
