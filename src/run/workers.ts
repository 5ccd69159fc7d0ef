/**
 * `--concurrency N`: files are analysed by N worker threads, in batches handed out as threads
 * become free, while this thread merges and checks branches. The analyses come back in path order,
 * so the result is the single-threaded one. A thread that fails hands its files back to this one.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { AnalyzedFile, EngineOptions } from '../engine.js';
import type { InputFile } from '../load/files.js';
import { DIST_URL } from '../paths.js';

/**
 * Threads pay only for many files on a machine with cores to spare: a worker starts in about a
 * tenth of a second, its analyses are copied back, and on two cores (measured with `npm run bench`)
 * one thread is as fast even for 10,000 files.
 */
export const PARALLEL_MIN_FILES = 2000;
const PARALLEL_MIN_CORES = 4;
const BATCH_SIZE = 16;
const MAX_DEFAULT_THREADS = 8;

/** The default: one thread, or for many files on four or more cores, one per core (at most 8). */
export function defaultConcurrency(fileCount: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (fileCount < PARALLEL_MIN_FILES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(cores, MAX_DEFAULT_THREADS);
}

/** The worker's module: bundled by `npm run build` (it starts faster), else the plain one. */
function workerModule(): URL {
  const bundled = new URL('analyze-worker.bundle.js', DIST_URL);
  return bundled.protocol === 'file:' && existsSync(bundled) ? bundled : new URL('run/analyze-worker.js', DIST_URL);
}

/**
 * A worker's young generation (V8's default is larger): its garbage is short-lived, and a smaller
 * nursery keeps a big run's memory within budget at about the same speed.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Batches a thread may run ahead of the one this thread is merging (bounds memory). */
const MAX_AHEAD = 4;

interface PoolWorker {
  thread: Worker;
  /** The batch it is working on. */
  current?: number;
  failed: boolean;
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
  analyseHere?: (file: InputFile) => AnalyzedFile,
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
  const pending = batches.filter((b) => b.files.length > 0).length;
  const workers: PoolWorker[] = [];
  const idle: PoolWorker[] = [];
  let nextBatch = 0;
  /** The batch this thread is reading; threads never run more than MAX_AHEAD batches past it. */
  let reading = 0;
  const pump = () => {
    for (;;) {
      while (nextBatch < batches.length && batches[nextBatch].files.length === 0) settle(nextBatch++, []);
      if (nextBatch >= batches.length || nextBatch >= reading + MAX_AHEAD * workers.length) return;
      const worker = idle.pop();
      if (!worker) return;
      const batch = nextBatch++;
      worker.current = batch;
      worker.thread.postMessage({ batch, files: batches[batch].files });
    }
  };
  const giveUp = () => {
    // Every thread failed: the caller analyses whatever is left.
    while (nextBatch < batches.length) settle(nextBatch++, null);
  };
  // This thread is one of the `threads` when it can analyse: it takes batches while it waits.
  const count = Math.max(1, Math.min(analyseHere ? threads - 1 : threads, pending));
  // Functions (a progress callback) stay in this thread: a worker only needs the data.
  const workerOptions = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')) as EngineOptions;
  for (let i = 0; i < count && pending > 0; i++) {
    let thread: Worker;
    try {
      const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
      thread = new Worker(workerModule(), { workerData: workerOptions, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch {
      break;
    }
    const worker: PoolWorker = { thread, failed: false };
    thread.on('message', ({ batch, analyses }: { batch: number; analyses: AnalyzedFile[] }) => {
      worker.current = undefined;
      settle(batch, analyses);
      idle.push(worker);
      pump();
    });
    thread.on('error', () => {
      // This thread's batch, and nothing more from it: the others, or the caller, do the rest.
      if (worker.current !== undefined && !results.has(worker.current)) settle(worker.current, null);
      worker.failed = true;
      if (workers.every((w) => w.failed)) giveUp();
    });
    workers.push(worker);
    idle.push(worker);
  }
  if (workers.length === 0) giveUp();
  pump();
  try {
    for (let batch = 0; batch < batches.length; batch++) {
      reading = batch;
      pump();
      if (pending === 0) results.set(batch, []);
      while (!results.has(batch)) {
        // Rather than wait, analyse the next batch no thread has taken (perhaps the one needed).
        if (analyseHere && nextBatch < batches.length && nextBatch < batch + MAX_AHEAD * (workers.length + 1)) {
          const own = nextBatch++;
          settle(own, batches[own].files.map(analyseHere));
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
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
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }
}
