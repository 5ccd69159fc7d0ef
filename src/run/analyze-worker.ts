/**
 * A worker thread of `--concurrency`: analyses the batches of files it is sent with its own engine
 * (built from the same options) and posts the analyses back, in the order of the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineOptions } from '../engine.js';
import type { InputFile } from '../load/files.js';

export interface AnalyzeRequest {
  batch: number;
  files: InputFile[];
}

const engine = new Engine(workerData as EngineOptions);
parentPort!.on('message', ({ batch, files }: AnalyzeRequest) => {
  parentPort!.postMessage({ batch, analyses: files.map((file) => engine.analyze(file)) });
});
