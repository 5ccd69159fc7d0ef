/**
 * A check with the cache: the cache policy. A stored run is looked up three times, each time by
 * what is known by then: by the files' stamps together (an unchanged re-run reads no file), by the
 * files' content keys, and once more when a key taken from a stamp proves wrong. Failing all three,
 * the files are analysed (those the cache knows by content are not) and the run is stored.
 */
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import type { AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import { checksum } from '../hash.js';
import { UsageError } from '../options.js';
import { CacheWriter, cacheFile, CheckCache, type RunRecord, type StoredRun } from './cache.js';
import { redacted } from './cache/redact.js';
import { mergeInOrder } from './merge-in-order.js';
import { analysisKey, FileKeys, look, type Look, runKeyOf, stampsOf } from './run-keys.js';
import type { CacheOptions, Outcome, Rendering, RunOptions } from './run-options.js';

/** What a cached run checks, and how. */
export interface CachedRunInput {
  engine: Engine;
  files: InputFile[];
  options: RunOptions;
  settings: CacheOptions;
  rendering?: Rendering;
}

export async function cachedRun(input: CachedRunInput): Promise<Outcome> {
  const { file: location, inFolder } = cacheFile(input.settings.location, input.settings.cwd);
  const cache = new CheckCache(location, input.settings.tool, inFolder);
  // Never written over: a log, the configuration, a note, a device given as the location by mistake.
  if (cache.problem === 'foreign') throw new UsageError('usage.cacheNotACache', { file: input.settings.location ?? location });
  try {
    return await new CachedRun(cache, location, input).outcome();
  } finally {
    cache.close();
  }
}

class CachedRun {
  private readonly engine: Engine;
  private readonly files: InputFile[];
  private readonly tool: string;
  private readonly rendering?: Rendering;
  private readonly warn: NonNullable<RunOptions['warn']>;
  /** Whether the cache was found broken on opening (it was said then). */
  private readonly brokenAtStart: boolean;
  private readonly keys: FileKeys;
  private readonly looks: Look[];
  /** The files' stamps together, when all have settled; their checksum. */
  private readonly runStamps?: Buffer;
  private readonly runStampsChecksum?: string;

  constructor(
    private readonly cache: CheckCache,
    private readonly location: string,
    private readonly input: CachedRunInput,
  ) {
    this.engine = input.engine;
    this.files = input.files;
    this.rendering = input.rendering;
    this.tool = input.settings.tool;
    this.warn = input.options.warn ?? (() => undefined);
    this.brokenAtStart = !!cache.problem;
    if (cache.problem) this.warn(`cache.${cache.problem}`, { file: location });
    // Taken before any file is looked at: stamps recorded now are trusted later only for files
    // settled before this moment (see RACY_MARGIN_NS in cache.ts).
    const since = BigInt(Date.now()) * 1_000_000n;
    this.keys = new FileKeys(input.settings.strategy === 'content' || cache.problem ? undefined : cache, since, input.settings.readFile);
    const maxFileSize = this.engine.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.looks = this.files.map((file) => look(file, maxFileSize));
    this.runStamps = stampsOf(this.tool, this.engine, this.files, this.looks, since);
    this.runStampsChecksum = this.runStamps && checksum(this.runStamps);
  }

  async outcome(): Promise<Outcome> {
    const unchanged = await this.reuseUnchanged();
    if (unchanged) return unchanged;
    const keys = this.files.map((file, index) => this.keys.keyOf(file, this.looks[index]));
    let runKey = runKeyOf(this.tool, this.engine, this.files, keys);
    const sameContent = await this.reuseByKey(runKey);
    if (sameContent) return sameContent;
    // Bodies are checked when used: a run can prove damaged only now.
    if (!this.brokenAtStart && this.cache.problem) this.warn(`cache.${this.cache.problem}`, { file: this.location });
    const filesKey = analysisKey(this.engine, this.tool);
    const known = this.knownAnalyses(filesKey, keys);
    if (this.checkStampedKeys(filesKey, keys, known)) {
      runKey = runKeyOf(this.tool, this.engine, this.files, keys);
      const afterAll = await this.reuseByKey(runKey);
      if (afterAll) return afterAll;
    }
    return this.analyseAndStore(runKey, filesKey, keys, known);
  }

  /** An unchanged re-run: every file has the stamp it had in a stored run. */
  private async reuseUnchanged(): Promise<Outcome | undefined> {
    const run = this.runStamps && this.keys.stored ? this.cache.runByStamps(this.runStamps) : undefined;
    return run && this.reuse(run, { filesKeyed: false });
  }

  /** A stored run of the same options over files of the same content. */
  private async reuseByKey(runKey: string): Promise<Outcome | undefined> {
    const run = this.cache.run(runKey);
    return run && this.reuse(run, { filesKeyed: true });
  }

  /**
   * An identical run's output (or result) from the cache. Once the files have their content keys
   * (`filesKeyed`), the cache is written again when it gains a rendering, or stamps that spare later
   * runs reading files; before, a run whose rendering is not stored is left to the keyed lookup.
   * Undefined when the run proves damaged.
   */
  private async reuse(run: StoredRun, { filesKeyed }: { filesKeyed: boolean }): Promise<Outcome | undefined> {
    const { rendering } = this;
    const stored = rendering && this.cache.output(run, rendering.key);
    if (rendering && !stored && !filesKeyed) return undefined;
    const result = stored ? undefined : this.cache.result(run);
    if (!stored && !result) return undefined;
    const output = stored ?? (rendering && (await rendering.render(result!)));
    const rendered = stored ? undefined : output;
    if (filesKeyed && (rendered || this.keys.restamped.size > 0 || this.gainsStamps(run))) this.storeAgain(run, rendered);
    return { summary: run.summary, ...(result ? { result } : {}), ...(output ? { output } : {}) };
  }

  /** Whether this run's stamps are not yet those the stored run is listed under. */
  private gainsStamps(run: StoredRun): boolean {
    return !!this.runStamps && !(run.stamps?.length === this.runStamps.length && run.stamps.checksum === this.runStampsChecksum);
  }

  /** Writes the cache again with a reused run first, under this run's stamps and with a new rendering. */
  private storeAgain(run: StoredRun, rendered: Uint8Array | undefined): void {
    const section = this.cache.filesSection();
    const record = { ...carried(run, { dropStamps: true }), ...(this.runStamps ? { stamps: { bytes: this.runStamps } } : {}) };
    if (rendered) record.outputs.unshift({ key: this.rendering!.key, body: { bytes: rendered } });
    try {
      const writer = new CacheWriter(this.location, this.tool, section?.key ?? '');
      if (section) writer.copyFiles(section);
      this.commit(writer, record);
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  /** The analyses the cache holds for the files' content keys (none from a damaged files section). */
  private knownAnalyses(filesKey: string, keys: string[]): boolean[] {
    const trusted = !this.cache.problem;
    // Which analyses the cache has; each is read only when the merge comes to it.
    const known = this.files.map((file, index) => trusted && this.cache.hasAnalysis(filesKey, file.display, keys[index]));
    // Checking the files section can find it damaged only now: then nothing from it is used.
    if (trusted && this.cache.problem === 'damaged') {
      this.warn('cache.damaged', { file: this.location });
      known.fill(false);
    }
    return known;
  }

  /**
   * A key taken from a stamp is checked against the file's bytes when the file is to be analysed
   * anew, so that what is stored under a key is always the analysis of those very bytes: a file
   * changed without any change to its stamp cannot lead a later run, by content, astray. Whether a
   * key changed (`keys` and `known` are updated).
   */
  private checkStampedKeys(filesKey: string, keys: string[], known: boolean[]): boolean {
    let changed = false;
    this.files.forEach((file, index) => {
      if (known[index] || !this.keys.fromStamp.has(file.absolute)) return;
      const key = this.keys.checkedKey(file, keys[index]);
      if (key === keys[index]) return;
      changed = true;
      keys[index] = key;
      known[index] = !this.cache.problem && this.cache.hasAnalysis(filesKey, file.display, key);
    });
    return changed;
  }

  /** Analyses the files the cache does not know, merges all, and stores the run and the analyses. */
  private async analyseAndStore(runKey: string, filesKey: string, keys: string[], known: boolean[]): Promise<Outcome> {
    let writer: CacheWriter | undefined;
    try {
      writer = new CacheWriter(this.location, this.tool, filesKey);
    } catch (error) {
      this.cannotWrite(error);
    }
    /** Whether a file was analysed from other bytes than those it was hashed from (changed meanwhile). */
    let changed = false;
    const take = (index: number) => (this.cache.problem ? undefined : this.cache.analyzed(filesKey, this.files[index].display, keys[index]));
    const each = (index: number, analyzed: AnalyzedFile) => {
      // A fresh analysis carries the key of its own bytes (a stored one none): it is stored under it.
      const fresh = analyzed.key !== undefined;
      const key = fresh ? analyzed.key! : keys[index];
      if (key !== keys[index]) {
        changed = true;
        keys[index] = key;
        this.keys.stamps.delete(this.files[index].absolute);
      }
      // What the cache may keep of a fresh analysis; the run merges the same, so that cached and
      // fresh analyses always agree.
      const kept = fresh ? redacted(analyzed) : analyzed;
      writer?.addFile(this.files[index].display, key, kept);
      return kept;
    };
    let result: CheckResult;
    try {
      result = await mergeInOrder(this.engine, this.files, this.input.options, { known, take, each });
    } catch (error) {
      writer?.abandon();
      throw error;
    }
    const output = this.rendering && (await this.rendering.render(result));
    // A file changed during the run: the result is that of the bytes analysed, and the run's stamps
    // (taken before) stand for nothing.
    const key = changed ? runKeyOf(this.tool, this.engine, this.files, keys) : runKey;
    if (writer) this.storeNew(writer, filesKey, { key, result, output, stamped: !changed });
    return { summary: result.summary, result, ...(output ? { output } : {}) };
  }

  /** Writes the new cache: this run and its analyses first, then what the old one held for other files and runs. */
  private storeNew(writer: CacheWriter, filesKey: string, run: { key: string; result: CheckResult; output?: Uint8Array; stamped: boolean }): void {
    try {
      if (!this.cache.problem) for (const line of this.cache.otherLines(filesKey, new Set(this.files.map((file) => file.display)))) writer.addLine(line);
      this.commit(writer, {
        key: run.key,
        ...(this.runStamps && run.stamped ? { stamps: { bytes: this.runStamps } } : {}),
        summary: run.result.summary,
        result: { bytes: Buffer.from(JSON.stringify(run.result), 'utf8') },
        outputs: run.output ? [{ key: this.rendering!.key, body: { bytes: run.output } }] : [],
      });
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  /** Writes the cache with `run` (its stamps, when given, are this run's) and the others after it. */
  private commit(writer: CacheWriter, run: RunRecord): void {
    const otherStamps = this.cache.problem ? [] : this.cache.otherStamps(new Set(this.files.map((file) => file.absolute)));
    // Stamps lead to one run only: this one.
    const otherRuns = this.cache
      .otherRuns(run.key)
      .map((other) => carried(other, { dropStamps: !!run.stamps && other.stamps?.checksum === this.runStampsChecksum }));
    writer.commit([run, ...otherRuns], concat(this.keys.stamps, otherStamps), this.keys.since, this.cache, () => this.cache.close());
  }

  private cannotWrite(error: unknown): void {
    this.warn('cache.cannotWrite', { file: this.location, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** A stored run, carried into the next cache as it is (but for its stamps, with `dropStamps`). */
function carried(run: StoredRun, { dropStamps }: { dropStamps: boolean }): RunRecord {
  return {
    key: run.key,
    ...(run.stamps && !dropStamps ? { stamps: { part: run.stamps } } : {}),
    summary: run.summary,
    result: { part: run.result },
    outputs: run.outputs.map((part) => ({ key: part.key, body: { part } })),
  };
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}
