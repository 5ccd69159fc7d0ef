/**
 * `--concurrency N`: files are analysed by N worker threads, in batches handed out as threads
 * become free, while this thread merges and checks branches. The analyses come back in path order,
 * so the result is the single-threaded one. A thread that fails hands its files back to this one.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedFile, EngineOptions } from '../engine.js';
import type { InputFile } from '../load/files.js';
import { DIST_URL } from '../paths.js';

/** Below this many files a thread costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 200;
const BATCH_SIZE = 16;
const MAX_DEFAULT_THREADS = 8;

/** The default: one thread for few files, else one per core (at most MAX_DEFAULT_THREADS). */
export function defaultConcurrency(fileCount: number): number {
  if (fileCount < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, MAX_DEFAULT_THREADS));
}

interface Batch {
  start: number;
  files: InputFile[];
  indexes: number[];
}

/**
 * The analyses of `files` in order (undefined for files not `wanted`, or when a thread failed:
 * the caller analyses those itself).
 */
export async function* analyseInWorkers(
  options: EngineOptions,
  files: InputFile[],
  wanted: boolean[],
  threads: number,
): AsyncGenerator<AnalyzedFile | undefined> {
  const batches: Batch[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const indexes: number[] = [];
    for (let i = start; i < Math.min(start + BATCH_SIZE, files.length); i++) if (wanted[i]) indexes.push(i);
    batches.push({ start, files: indexes.map((i) => files[i]), indexes });
  }
  const results = new Map<number, AnalyzedFile[] | null>();
  let wake: (() => void) | undefined;
  const settle = (batch: number, analyses: AnalyzedFile[] | null) => {
    results.set(batch, analyses);
    wake?.();
  };
  let nextBatch = 0;
  const pending = batches.filter((b) => b.files.length > 0).length;
  const workers: Worker[] = [];
  const dispatch = (worker: Worker) => {
    while (nextBatch < batches.length && batches[nextBatch].files.length === 0) settle(nextBatch++, []);
    if (nextBatch >= batches.length) return;
    const batch = nextBatch++;
    (worker as Worker & { current?: number }).current = batch;
    worker.postMessage({ batch, files: batches[batch].files });
  };
  const count = Math.max(1, Math.min(threads, pending));
  // Functions (a progress callback) stay in this thread: a worker only needs the data.
  const workerOptions = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')) as EngineOptions;
  for (let i = 0; i < count && pending > 0; i++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('run/analyze-worker.js', DIST_URL), { workerData: workerOptions });
    } catch {
      break;
    }
    const current = () => (worker as Worker & { current?: number }).current;
    worker.on('message', ({ batch, analyses }: { batch: number; analyses: AnalyzedFile[] }) => {
      settle(batch, analyses);
      dispatch(worker);
    });
    worker.on('error', () => {
      // This thread's batch, and nothing more from it: the caller analyses what is missing.
      const batch = current();
      if (batch !== undefined && !results.has(batch)) settle(batch, null);
      (worker as Worker & { failed?: boolean }).failed = true;
      if (workers.every((w) => (w as Worker & { failed?: boolean }).failed)) {
        while (nextBatch < batches.length) settle(nextBatch++, null);
      }
    });
    workers.push(worker);
    dispatch(worker);
  }
  if (workers.length === 0) while (nextBatch < batches.length) settle(nextBatch++, null);
  try {
    for (let batch = 0; batch < batches.length; batch++) {
      if (pending === 0) results.set(batch, []);
      while (!results.has(batch)) await new Promise<void>((resolve) => (wake = resolve));
      const analyses = results.get(batch);
      results.delete(batch);
      const { start, indexes } = batches[batch];
      const end = Math.min(start + BATCH_SIZE, files.length);
      let next = 0;
      for (let i = start; i < end; i++) {
        if (analyses && indexes[next] === i) yield analyses[next++];
        else {
          if (indexes[next] === i) next++;
          yield undefined;
        }
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
