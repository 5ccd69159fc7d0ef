/**
 * A worker thread of `--concurrency`: analyses the batches of files it is sent with its own engine
 * (built from the same options) and posts the analyses back, in the order of the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineOptions } from '../engine.js';
import type { InputFile } from '../load/files.js';
import { HeapBudget } from './heap-budget.js';

/** Heap in use past which a worker collects after a file. */
const WORKER_HEAP_MB = 32;

export interface AnalyzeRequest {
  batch: number;
  files: InputFile[];
}

const engine = new Engine(workerData as EngineOptions);
// A worker keeps nothing between files but its code: its heap is collected early.
const heap = new HeapBudget(WORKER_HEAP_MB);
parentPort!.on('message', ({ batch, files }: AnalyzeRequest) => {
  const analyses = files.map((file) => {
    const analyzed = engine.analyze(file);
    heap.check();
    return analyzed;
  });
  parentPort!.postMessage({ batch, analyses });
});
