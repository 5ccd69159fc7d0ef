/**
 * How a check runs: where each file's analysis comes from (this thread, worker threads), how the
 * analyses are merged (streaming, branch by branch), and which branches the cache gives whole. Every way gives the same result as
 * `Engine.check`, which stays the straightforward reference.
 */
import { Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import { cachedRun } from './cached-run.js';
import { mergeInOrder, streams } from './merge-in-order.js';
import type { Outcome, RenderedRun, Rendering, RunOptions } from './run-options.js';
import { BranchSwitched } from './stream.js';
import { analyseInWorkers, defaultConcurrency, threadsFor } from './workers.js';

export type { CacheOptions, RenderedRun, Rendering, RunOptions } from './run-options.js';

/** Checks the files: the result, the same as `Engine.check` gives. */
export async function runCheck(engine: Engine, files: InputFile[], runOptions: RunOptions = {}): Promise<CheckResult> {
  return (await execute(engine, files, runOptions)).result!;
}

/** Checks the files and renders the result (taken whole from the cache when it has both). */
export async function runAndRender(engine: Engine, files: InputFile[], runOptions: RunOptions, rendering: Rendering): Promise<RenderedRun> {
  const outcome = await execute(engine, files, runOptions, rendering);
  return { summary: outcome.summary, output: outcome.output! };
}

async function execute(given: Engine, files: InputFile[], runOptions: RunOptions, rendering?: Rendering): Promise<Outcome> {
  // A cached run stores each branch under the keys of the very bytes its files' analyses were made of.
  const engine = runOptions.cache && !given.options.contentKeys ? new Engine({ ...given.options, contentKeys: true }) : given;
  const options = withThreads(engine, files, runOptions);
  try {
    if (options.cache) return await cachedRun({ engine, files, options, settings: options.cache, rendering });
    return await rendered(await mergeInOrder(engine, files, options), rendering);
  } catch (error) {
    if (!(error instanceof BranchSwitched)) throw error;
    // A file belongs to a branch already checked: start again, keeping every branch to the end.
    return rendered(engine.check(files).result, rendering);
  }
}

/** The options, with the files analysed by worker threads when the run has more than one. */
function withThreads(engine: Engine, files: InputFile[], runOptions: RunOptions): RunOptions {
  const threads = Math.max(1, runOptions.concurrency !== undefined ? threadsFor(runOptions.concurrency) : defaultConcurrency(files.length));
  if (threads <= 1 || runOptions.analyses) return runOptions;
  // In a big (streaming) run this thread only merges, so that its heap stays small.
  const analyseHere = streams(files, runOptions) ? undefined : (file: InputFile) => engine.analyze(file);
  return { ...runOptions, analyses: (list, wanted) => analyseInWorkers(engine.options, list, wanted, threads, analyseHere) };
}

async function rendered(result: CheckResult, rendering: Rendering | undefined): Promise<Outcome> {
  return { summary: result.summary, result, ...(rendering ? { output: await rendering.render(result) } : {}) };
}
