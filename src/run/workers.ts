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
import { shareCopied } from '../model/file-facts.js';

/**
 * Threads pay only for many files on a machine with cores to spare: a worker starts in about a
 * tenth of a second, its analyses are copied back, and on two cores (measured with `npm run bench`)
 * one thread is as fast even for 10,000 files.
 */
export const PARALLEL_MIN_FILES = 2000;
const PARALLEL_MIN_CORES = 4;
const BATCH_SIZE = 16;
const MAX_DEFAULT_THREADS = 8;

function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The default: one thread, or for many files on four or more cores, one per core (at most 8). */
export function defaultConcurrency(fileCount: number): number {
  const cores = coreCount();
  if (fileCount < PARALLEL_MIN_FILES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(cores, MAX_DEFAULT_THREADS);
}

/**
 * The threads a run asks for, at most one per core (and two on a single core): each thread holds
 * some 16 MB, and more threads than cores only wait (`--concurrency 1000` would hold gigabytes).
 */
export function threadsFor(asked: number): number {
  return Math.min(asked, Math.max(2, coreCount()));
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
  const pool = new AnalysisPool(batchesOf(files, wanted), analyseHere);
  pool.start(options, threads);
  try {
    for (let batch = 0; batch < pool.batches.length; batch++) {
      const analyses = await pool.take(batch);
      const { start, indexes } = pool.batches[batch];
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
    await pool.close();
  }
}

/** The files in batches of BATCH_SIZE, each with the wanted ones among them. */
function batchesOf(files: InputFile[], wanted: boolean[]): Batch[] {
  const batches: Batch[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const indexes: number[] = [];
    for (let i = start; i < Math.min(start + BATCH_SIZE, files.length); i++) if (wanted[i]) indexes.push(i);
    batches.push({ start, files: indexes.map((i) => files[i]), indexes });
  }
  return batches;
}

/** Worker threads handing out batches, and the analyses that came back (null: the caller does the batch). */
class AnalysisPool {
  private readonly results = new Map<number, AnalyzedFile[] | null>();
  private wake: (() => void) | undefined;
  /** Batches with a wanted file. */
  private readonly pending: number;
  private readonly workers: PoolWorker[] = [];
  private readonly idle: PoolWorker[] = [];
  private nextBatch = 0;
  /** The batch this thread is reading; threads never run more than MAX_AHEAD batches past it. */
  private reading = 0;

  constructor(
    readonly batches: Batch[],
    private readonly analyseHere?: (file: InputFile) => AnalyzedFile,
  ) {
    this.pending = batches.filter((b) => b.files.length > 0).length;
  }

  /** Starts the threads (this thread is one of `threads` when it can analyse: it takes batches while it waits). */
  start(options: EngineOptions, threads: number): void {
    const count = Math.max(1, Math.min(this.analyseHere ? threads - 1 : threads, this.pending));
    // Functions (a progress callback) stay in this thread: a worker only needs the data.
    const workerOptions = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')) as EngineOptions;
    for (let i = 0; i < count && this.pending > 0; i++) {
      const worker = this.startWorker(workerOptions);
      if (!worker) break;
      this.workers.push(worker);
      this.idle.push(worker);
    }
    if (this.workers.length === 0) this.giveUp();
    this.pump();
  }

  private startWorker(workerOptions: EngineOptions): PoolWorker | undefined {
    let thread: Worker;
    try {
      const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
      thread = new Worker(workerModule(), { workerData: workerOptions, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch {
      return undefined;
    }
    const worker: PoolWorker = { thread, failed: false };
    thread.on('message', ({ batch, analyses }: { batch: number; analyses: AnalyzedFile[] }) => {
      worker.current = undefined;
      this.settle(batch, analyses.map((analyzed) => shareCopied(analyzed) as AnalyzedFile));
      this.idle.push(worker);
      this.pump();
    });
    thread.on('error', () => {
      // This thread's batch, and nothing more from it: the others, or the caller, do the rest.
      if (worker.current !== undefined && !this.results.has(worker.current)) this.settle(worker.current, null);
      worker.failed = true;
      if (this.workers.every((w) => w.failed)) this.giveUp();
    });
    return worker;
  }

  private settle(batch: number, analyses: AnalyzedFile[] | null): void {
    this.results.set(batch, analyses);
    this.wake?.();
  }

  /** Hands batches to idle threads, as far ahead of the one being read as allowed. */
  private pump(): void {
    const { batches } = this;
    for (;;) {
      while (this.nextBatch < batches.length && batches[this.nextBatch].files.length === 0) this.settle(this.nextBatch++, []);
      if (this.nextBatch >= batches.length || this.nextBatch >= this.reading + MAX_AHEAD * this.workers.length) return;
      const worker = this.idle.pop();
      if (!worker) return;
      const batch = this.nextBatch++;
      worker.current = batch;
      worker.thread.postMessage({ batch, files: batches[batch].files });
    }
  }

  /** Every thread failed: the caller analyses whatever is left. */
  private giveUp(): void {
    while (this.nextBatch < this.batches.length) this.settle(this.nextBatch++, null);
  }

  /** The analyses of a batch, once they are in (analysing batches here while waiting, when it can). */
  async take(batch: number): Promise<AnalyzedFile[] | null | undefined> {
    this.reading = batch;
    this.pump();
    if (this.pending === 0) this.results.set(batch, []);
    while (!this.results.has(batch)) {
      // Rather than wait, analyse the next batch no thread has taken (perhaps the one needed).
      if (this.analyseHere && this.nextBatch < this.batches.length && this.nextBatch < batch + MAX_AHEAD * (this.workers.length + 1)) {
        const own = this.nextBatch++;
        this.settle(own, this.batches[own].files.map(this.analyseHere));
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const analyses = this.results.get(batch);
    this.results.delete(batch);
    return analyses;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
