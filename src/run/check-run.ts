/**
 * How a check runs: where each file's analysis comes from (this thread, worker threads, the cache)
 * and how the analyses are merged (streaming, branch by branch). Every way gives the same result as
 * `Engine.check`, which stays the straightforward reference.
 */
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import { type AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult, MessageParams, Summary } from '../types.js';
import { checksum, sha256 } from '../hash.js';
import {
  CacheWriter,
  cacheFile,
  type CacheStrategy,
  CheckCache,
  contentHash,
  fileStamp,
  type RunRecord,
  settledBy,
  type StampEntry,
  type StoredRun,
} from './cache.js';
import { UsageError } from '../options.js';
import { BranchSwitched, STREAM_MIN_FILES, StreamingCheck } from './stream.js';
import { analyseInWorkers, defaultConcurrency } from './workers.js';

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
  render(result: CheckResult): Promise<Uint8Array>;
}

/** A run's summary and its result rendered. */
export interface RenderedRun {
  summary: Summary;
  output: Uint8Array;
}

/** What a run gives: the result, or (with a rendering) its summary and output, and the result when at hand. */
interface Outcome {
  summary: Summary;
  result?: CheckResult;
  output?: Uint8Array;
}

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
  // A cached run stores each analysis under the key of the very bytes it was made of.
  const engine = runOptions.cache && !given.options.contentKeys ? new Engine({ ...given.options, contentKeys: true }) : given;
  const threads = Math.max(1, runOptions.concurrency ?? defaultConcurrency(files.length));
  const options: RunOptions =
    threads > 1 && !runOptions.analyses
      ? {
          ...runOptions,
          // In a big (streaming) run this thread only merges, so that its heap stays small.
          analyses: (list, wanted) =>
            analyseInWorkers(engine.options, list, wanted, threads, streams(files, runOptions) ? undefined : (file) => engine.analyze(file)),
        }
      : runOptions;
  try {
    if (options.cache) return await cachedRun(engine, files, options, options.cache, rendering);
    return await rendered(await plainRun(engine, files, options), rendering);
  } catch (error) {
    if (!(error instanceof BranchSwitched)) throw error;
    // A file belongs to a branch already checked: start again, keeping every branch to the end.
    return rendered(engine.check(files).result, rendering);
  }
}

async function rendered(result: CheckResult, rendering: Rendering | undefined): Promise<Outcome> {
  return { summary: result.summary, result, ...(rendering ? { output: await rendering.render(result) } : {}) };
}

function streams(files: InputFile[], options: RunOptions): boolean {
  return options.stream ?? files.length >= STREAM_MIN_FILES;
}

function newStream(engine: Engine, files: InputFile[], options: RunOptions): StreamingCheck {
  return new StreamingCheck(engine, files, streams(files, options));
}

/** The analyses of the files in order: from `options.analyses` where given, else computed here. */
async function* analysesInOrder(engine: Engine, files: InputFile[], options: RunOptions, known: (AnalyzedFile | undefined)[] = []) {
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

async function plainRun(engine: Engine, files: InputFile[], options: RunOptions): Promise<CheckResult> {
  const stream = newStream(engine, files, options);
  let done = 0;
  for await (const analyzed of analysesInOrder(engine, files, options)) {
    stream.add(analyzed);
    engine.options.onProgress?.(++done, files.length);
  }
  return stream.result();
}

/**
 * The options a file's analysis depends on: all of them but those that only matter once files are
 * merged (the window, language, --quiet, rule severities), plus the options of the file rules.
 */
function analysisKey(engine: Engine, tool: string): string {
  const { window: _window, lang: _lang, quiet: _quiet, rules: _rules, ...rest } = engine.options;
  const fileRules = engine.rules.filter((rule) => rule.checkFile).map((rule) => [rule.meta.id, engine.optionsOf(rule)]);
  return sha256(JSON.stringify([tool, rest, fileRules]));
}

/** How a cached run comes by the files' content hashes, and what it learns on the way. */
interface Hashing {
  /** The cache to take hashes from by stamp (`metadata` strategy), if usable. */
  stored?: CheckCache;
  maxFileSize: number;
  /** When the run began to look at files (nanoseconds since 1970). */
  since: bigint;
  /** Each file's stamp and hash, for the next cache. */
  stamps: Map<string, StampEntry>;
  /** Files whose hash came from the cache by their stamp. */
  fromStamp: Set<string>;
  /** Files read for their hash whose stamps later runs will trust: worth writing into the cache. */
  restamped: Set<string>;
  readFile: (absolute: string) => Uint8Array;
}

/** What a file's stats say: its stamp, or the key of a file over the size limit or unreadable. */
type Look = { stats: BigIntStats; stamp: string } | { key: string };

function look(file: InputFile, maxFileSize: number): Look {
  try {
    const stats = statSync(file.absolute, { bigint: true });
    return Number(stats.size) > maxFileSize ? { key: `size:${stats.size}` } : { stats, stamp: fileStamp(stats) };
  } catch (error) {
    return { key: unreadableKey(error) };
  }
}

/**
 * A file's content hash; a file over the size limit is known by its size (all its check says), an
 * unreadable one by the error. The hash comes from the cache when it knows it for the file's stamp,
 * else from the file's bytes.
 */
function fileKey(file: InputFile, seen: Look, hashing: Hashing): string {
  if ('key' in seen) return seen.key;
  let hash = hashing.stored?.storedHash(file.absolute, seen.stats, seen.stamp);
  if (hash) hashing.fromStamp.add(file.absolute);
  else {
    try {
      hash = contentHash(hashing.readFile(file.absolute));
    } catch (error) {
      return unreadableKey(error);
    }
    if (hashing.stored && settledBy(seen.stats, hashing.since)) hashing.restamped.add(file.absolute);
  }
  hashing.stamps.set(file.absolute, [seen.stamp, hash]);
  return hash;
}

/**
 * A run's files with their stamps, and its options (see StoredRun.stamps in cache.ts), when every
 * file has a stamp that later runs will trust.
 */
function stampsOf(tool: string, engine: Engine, files: InputFile[], looks: Look[], since: bigint): Buffer | undefined {
  const stamps: string[] = [];
  for (const seen of looks) {
    if ('key' in seen || !settledBy(seen.stats, since)) return undefined;
    stamps.push(seen.stamp);
  }
  return Buffer.from(JSON.stringify([tool, engine.options, files.map((file, index) => [file.display, file.absolute, stamps[index]])]), 'utf8');
}

function unreadableKey(error: unknown): string {
  return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'EIO'}`;
}

/** The key of a whole run: the tool, every option, and every file's path and content key. */
function runKeyOf(tool: string, engine: Engine, files: InputFile[], hashes: string[]): string {
  return sha256(JSON.stringify([tool, engine.options, files.map((file, index) => [file.display, hashes[index]])]));
}

async function cachedRun(engine: Engine, files: InputFile[], options: RunOptions, settings: CacheOptions, rendering?: Rendering): Promise<Outcome> {
  const { file: location, inFolder } = cacheFile(settings.location, settings.cwd);
  const cache = new CheckCache(location, settings.tool, inFolder);
  // Never written over: a log, the configuration, a note, a device given as the location by mistake.
  if (cache.problem === 'foreign') throw new UsageError('usage.cacheNotACache', { file: settings.location ?? location });
  try {
    return await cachedRunWith(cache, location, engine, files, options, settings, rendering);
  } finally {
    cache.close();
  }
}

async function cachedRunWith(
  cache: CheckCache,
  location: string,
  engine: Engine,
  files: InputFile[],
  options: RunOptions,
  settings: CacheOptions,
  rendering: Rendering | undefined,
): Promise<Outcome> {
  const warn = options.warn ?? (() => undefined);
  const problem = cache.problem;
  if (problem) warn(`cache.${problem}`, { file: location });
  const hashing: Hashing = {
    stored: settings.strategy === 'content' || cache.problem ? undefined : cache,
    maxFileSize: engine.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    // Taken before any file is looked at: stamps recorded now are trusted later only for files
    // settled before this moment (see RACY_MARGIN_NS in cache.ts).
    since: BigInt(Date.now()) * 1_000_000n,
    stamps: new Map(),
    fromStamp: new Set(),
    restamped: new Set(),
    readFile: settings.readFile ?? ((absolute) => readFileSync(absolute)),
  };
  const { stamps, fromStamp } = hashing;
  const looks = files.map((file) => look(file, hashing.maxFileSize));
  const runStamps = stampsOf(settings.tool, engine, files, looks, hashing.since);
  const runStampsChecksum = runStamps && checksum(runStamps);
  /** Writes the cache with `run` (its stamps, when given, are this run's) and the others first. */
  const commit = (writer: CacheWriter, run: RunRecord) => {
    const otherStamps = cache.problem ? [] : cache.otherStamps(new Set(files.map((file) => file.absolute)));
    // Stamps lead to one run only: this one.
    const otherRuns = cache.otherRuns(run.key).map((other) => carried(other, !!run.stamps && other.stamps?.checksum === runStampsChecksum));
    writer.commit([run, ...otherRuns], concat(stamps, otherStamps), hashing.since, cache, () => cache.close());
  };
  /**
   * An identical run's output (or result) from the cache. Once the files are hashed (`hashed`), the
   * cache is written again when it gains a rendering, or stamps that spare later runs reading files;
   * before, a run whose rendering is not stored is left to the hashed path. Undefined when the run
   * proves damaged.
   */
  const reuse = async (run: StoredRun, hashed: boolean): Promise<Outcome | undefined> => {
    const stored = rendering && cache.output(run, rendering.key);
    if (rendering && !stored && !hashed) return undefined;
    const result = stored ? undefined : cache.result(run);
    if (!stored && !result) return undefined;
    const output = stored ?? (rendering && (await rendering.render(result!)));
    const newStamps = runStamps && !(run.stamps?.length === runStamps.length && run.stamps.checksum === runStampsChecksum);
    if (hashed && ((output && !stored) || hashing.restamped.size > 0 || newStamps)) {
      const section = cache.filesSection();
      const record = { ...carried(run, true), ...(runStamps ? { stamps: { bytes: runStamps } } : {}) };
      if (output && !stored) record.outputs.unshift({ key: rendering!.key, body: { bytes: output } });
      try {
        const writer = new CacheWriter(location, settings.tool, section?.key ?? '');
        if (section) writer.copyFiles(section);
        commit(writer, record);
      } catch (error) {
        warn('cache.cannotWrite', { file: location, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
      }
    }
    return { summary: run.summary, ...(result ? { result } : {}), ...(output ? { output } : {}) };
  };

  // An unchanged re-run: every file has the stamp it had in a stored run.
  const unchanged = runStamps && hashing.stored ? cache.runByStamps(runStamps) : undefined;
  const reusedAsIs = unchanged && (await reuse(unchanged, false));
  if (reusedAsIs) return reusedAsIs;

  const hashes = files.map((file, index) => fileKey(file, looks[index], hashing));
  let runKey = runKeyOf(settings.tool, engine, files, hashes);
  const hit = cache.run(runKey);
  const reused = hit && (await reuse(hit, true));
  if (reused) return reused;
  // Bodies are checked when used: a run can prove damaged only now.
  if (!problem && cache.problem) warn(`cache.${cache.problem}`, { file: location });

  const filesKey = analysisKey(engine, settings.tool);
  const trusted = !cache.problem;
  const known = files.map((file, index) => (trusted ? cache.analyzed(filesKey, file.display, hashes[index]) : undefined));
  // Checking the files section can find it damaged only now: then nothing from it is used.
  if (trusted && cache.problem === 'damaged') {
    warn('cache.damaged', { file: location });
    known.fill(undefined);
  }
  // A hash taken from a stamp is checked against the file's bytes when the file is to be analysed
  // anew, so that what is stored under a hash is always the analysis of those very bytes: a file
  // changed without any change to its stamp cannot lead a later run, by content, astray.
  let rehashed = false;
  files.forEach((file, index) => {
    if (known[index] !== undefined || !fromStamp.has(file.absolute)) return;
    let hash: string;
    try {
      hash = contentHash(readFileSync(file.absolute));
    } catch (error) {
      hash = unreadableKey(error);
    }
    if (hash === hashes[index]) return;
    rehashed = true;
    hashes[index] = hash;
    const stamp = stamps.get(file.absolute)![0];
    if (hash.startsWith('unreadable:')) stamps.delete(file.absolute);
    else stamps.set(file.absolute, [stamp, hash]);
    if (!cache.problem) known[index] = cache.analyzed(filesKey, file.display, hash);
  });
  if (rehashed) {
    runKey = runKeyOf(settings.tool, engine, files, hashes);
    const again = cache.run(runKey);
    const reusedAfterAll = again && (await reuse(again, true));
    if (reusedAfterAll) return reusedAfterAll;
  }
  let writer: CacheWriter | undefined;
  try {
    writer = new CacheWriter(location, settings.tool, filesKey);
  } catch (error) {
    warn('cache.cannotWrite', { file: location, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  const stream = newStream(engine, files, options);
  let index = 0;
  /** Whether a file was analysed from other bytes than those it was hashed from (changed meanwhile). */
  let changed = false;
  try {
    for await (const analyzed of analysesInOrder(engine, files, options, known)) {
      // The key of what was analysed: an analysis is stored under the hash of its own bytes.
      const key = known[index] === undefined && analyzed.key !== undefined ? analyzed.key : hashes[index];
      if (key !== hashes[index]) {
        changed = true;
        hashes[index] = key;
        stamps.delete(files[index].absolute);
      }
      writer?.addFile(files[index].display, key, analyzed);
      stream.add(analyzed);
      index++;
      engine.options.onProgress?.(index, files.length);
    }
  } catch (error) {
    writer?.abandon();
    throw error;
  }
  const result = stream.result();
  const output = rendering && (await rendering.render(result));
  // A file changed during the run: the result is that of the bytes analysed, and the run's stamps
  // (taken before) stand for nothing.
  if (changed) runKey = runKeyOf(settings.tool, engine, files, hashes);
  if (writer) {
    try {
      if (!cache.problem) for (const line of cache.otherLines(filesKey, new Set(files.map((file) => file.display)))) writer.addLine(line);
      commit(writer, {
        key: runKey,
        ...(runStamps && !changed ? { stamps: { bytes: runStamps } } : {}),
        summary: result.summary,
        result: { bytes: Buffer.from(JSON.stringify(result), 'utf8') },
        outputs: output ? [{ key: rendering!.key, body: { bytes: output } }] : [],
      });
    } catch (error) {
      warn('cache.cannotWrite', { file: location, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
  }
  return { summary: result.summary, result, ...(output ? { output } : {}) };
}

/** A stored run, carried into the next cache as it is (but for its stamps when `unstamped`). */
function carried(run: StoredRun, unstamped = false): RunRecord {
  return {
    key: run.key,
    ...(run.stamps && !unstamped ? { stamps: { part: run.stamps } } : {}),
    summary: run.summary,
    result: { part: run.result },
    outputs: run.outputs.map((part) => ({ key: part.key, body: { part } })),
  };
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}
