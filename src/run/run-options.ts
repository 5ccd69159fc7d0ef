/** What a check run is given, and what it gives back. */
import type { AnalyzedFile } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult, MessageParams, Summary } from '../types.js';
import type { CacheStrategy } from './cache.js';

export interface CacheOptions {
  /** `--cache-location`; default `.dangjian-cache/` in the working directory. */
  location?: string;
  cwd: string;
  /** The tool's version: a cache written by another version is never used. */
  tool: string;
  /**
   * `--cache-strategy`: how a file's content hash is known. `metadata` (the default) takes it from
   * the cache when the file's stamp is unchanged; `content` always reads and hashes the file.
   */
  strategy?: CacheStrategy;
  /** Reads a file's bytes for its content hash (a seam for tests: an edit made right after the read). */
  readFile?: (absolute: string) => Uint8Array;
}

export interface RunOptions {
  /** Keep only open branches in memory (default: for runs of STREAM_MIN_FILES files or more). */
  stream?: boolean;
  cache?: CacheOptions;
  /** A warning for stderr (message id and parameters); the run goes on. */
  warn?: (messageId: string, params: MessageParams) => void;
  /** Threads that analyse files (`--concurrency`); default by the number of files. */
  concurrency?: number;
  /** Analyses of the files, in order, when computed elsewhere (undefined: analyse it here). */
  analyses?: (files: InputFile[], wanted: boolean[]) => AsyncIterable<AnalyzedFile | undefined>;
}

/**
 * How a result is rendered for output. A cached run keeps the rendering with the result, under
 * `key`, so that an unchanged re-run writes the stored bytes.
 */
export interface Rendering {
  /** All the rendering depends on beyond the run's files and options (format, colour level, and so on). */
  key: string;
  render(result: CheckResult): Promise<RenderedOutput>;
}

/**
 * A rendered result: its bytes, or its bytes in chunks (a large output is never copied into one
 * buffer; the cache joins the chunks when it stores them).
 */
export type RenderedOutput = Uint8Array | readonly Uint8Array[];

/** The bytes of a rendered result in one buffer (to be stored). */
export function joinedOutput(output: RenderedOutput): Uint8Array {
  return output instanceof Uint8Array ? output : Buffer.concat(output);
}

/** A run's summary and its result rendered. */
export interface RenderedRun {
  summary: Summary;
  output: RenderedOutput;
}

/** What a run gives: the result, or (with a rendering) its summary and output, and the result when at hand. */
export interface Outcome {
  summary: Summary;
  result?: CheckResult;
  output?: RenderedOutput;
}
