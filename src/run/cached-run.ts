/**
 * A check with the cache: the cache policy. A stored run is looked up three times, each time by
 * what is known by then: by the files' stamps together (an unchanged re-run reads no file), by the
 * files' content keys, and once more when a key taken from a stamp proves wrong. Failing all three,
 * the run is checked branch by branch: a branch whose files (paths and content keys) and options
 * are those of a stored branch is taken from the cache without reading its files; the others (a
 * changed, added or removed file's branch) are analysed and checked. The run and its branches are
 * stored.
 */
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import type { AnalyzedFile, Engine } from '../engine.js';
import type { InputFile } from '../load/files.js';
import type { CheckResult } from '../types.js';
import { checksum } from '../hash.js';
import { UsageError } from '../options.js';
import { CacheWriter, cacheFile, CheckCache, type RunRecord, type StoredRun } from './cache.js';
import { branchLine, type StoredBranches } from './cache/branches.js';
import { MAX_FILES } from './cache/format.js';
import { mergeInOrder } from './merge-in-order.js';
import { FileKeys, groupKeyOf, look, type Look, optionsKeyOf, runKeyOf, scopeOf, stampsOf } from './run-keys.js';
import { BranchSwitched, type BranchStore, type KnownFile, predictBranchId } from './stream.js';
import { joinedOutput, type CacheOptions, type Outcome, type Rendering, type RenderedOutput, type RunOptions } from './run-options.js';

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
  /** The run's options and file paths (see StoredRun.scope), worked out when first needed: an unchanged re-run needs no hash. */
  private scopeKey?: string;
  /** The stored branches made with this run's options, until the run has taken what it needs of them. */
  private stored?: StoredBranches;

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

  private get scope(): string {
    return (this.scopeKey ??= scopeOf(this.tool, this.engine, this.files));
  }

  async outcome(): Promise<Outcome> {
    const unchanged = await this.reuseUnchanged();
    if (unchanged) return unchanged;
    // A stored run can have these files' contents only if it has their paths and these options:
    // else a file is read for its key only if a stored branch has it (or not at all: its analysis
    // gives it).
    const byContent = this.cache.hasScope(this.scope);
    const keys = this.files.map((file, index) => (byContent ? this.keys.keyOf(file, this.looks[index]) : this.keys.keyWithoutReading(file, this.looks[index])));
    const sameContent = byContent ? await this.reuseByKey(runKeyOf(this.tool, this.engine, this.files, keys as string[])) : undefined;
    if (sameContent) return sameContent;
    // Bodies are checked when used: a run can prove damaged only now.
    if (!this.brokenAtStart && this.cache.problem) this.warn(`cache.${this.cache.problem}`, { file: this.location });
    const optionsKey = optionsKeyOf(this.tool, this.engine);
    this.stored = this.storedBranches(optionsKey);
    this.files.forEach((file, index) => {
      if (keys[index] === undefined && this.stored?.known(file.display)) keys[index] = this.keys.keyOf(file, this.looks[index]);
    });
    const known = this.knownFiles(keys);
    if (this.checkStampedKeys(keys, known) && byContent) {
      const afterAll = await this.reuseByKey(runKeyOf(this.tool, this.engine, this.files, keys as string[]));
      if (afterAll) return afterAll;
    }
    return this.checkAndStore({ optionsKey, keys, known });
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
   * Undefined when the run proves damaged, or has neither this rendering nor a result (a run in
   * another format: its branches come from the branches section).
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
  private storeAgain(run: StoredRun, rendered: RenderedOutput | undefined): void {
    const section = this.cache.branchesSection();
    const record = { ...carried(run, { dropStamps: true }), ...(this.runStamps ? { stamps: { bytes: this.runStamps } } : {}) };
    if (rendered) record.outputs.unshift({ key: this.rendering!.key, body: { bytes: joinedOutput(rendered) } });
    try {
      const writer = new CacheWriter(this.location, this.tool, section?.key ?? '');
      if (section) writer.copyBranches(section);
      this.commit(writer, record);
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  /** The stored branches made with these options (none from a damaged branches section, which is said). */
  private storedBranches(optionsKey: string): StoredBranches | undefined {
    if (this.cache.problem) return undefined;
    const branches = this.cache.branches(optionsKey);
    // Checking the branches section can find it damaged only now: then nothing from it is used.
    if (this.cache.problem === 'damaged') this.warn('cache.damaged', { file: this.location });
    return branches;
  }

  /** Files with the content key they had in a stored branch: they stand for their analyses. */
  private knownFiles(keys: (string | undefined)[]): (KnownFile | undefined)[] {
    return this.files.map((file, index) => knownFile(this.stored, file, index, keys[index]));
  }

  /**
   * A key taken from a stamp is checked against the file's bytes when the file is to be analysed
   * anew, so that what is stored under a key is always the outcome of those very bytes: a file
   * changed without any change to its stamp cannot lead a later run, by content, astray. Whether a
   * key changed (`keys` and `known` are updated).
   */
  private checkStampedKeys(keys: (string | undefined)[], known: (KnownFile | undefined)[]): boolean {
    let changed = false;
    this.files.forEach((file, index) => {
      if (known[index] || !this.keys.fromStamp.has(file.absolute)) return;
      const key = this.keys.checkedKey(file, keys[index]!);
      if (key === keys[index]) return;
      changed = true;
      keys[index] = key;
      known[index] = knownFile(this.stored, file, index, key);
    });
    return changed;
  }

  /**
   * Checks the run branch by branch, each taken from the cache when its files are known and are
   * still those it was made of; stores the run and its branches.
   */
  private async checkAndStore(run: { optionsKey: string; keys: (string | undefined)[]; known: (KnownFile | undefined)[] }): Promise<Outcome> {
    const { keys, known } = run;
    let writer: CacheWriter | undefined;
    try {
      writer = new CacheWriter(this.location, this.tool, run.optionsKey);
    } catch (error) {
      this.cannotWrite(error);
    }
    /** Whether a file was analysed from other bytes than those it was hashed from (changed meanwhile). */
    let changed = false;
    // An analysis carries the key of its own bytes: it is what the run and its branch are stored under.
    const analysed = (index: number, analyzed: AnalyzedFile) => {
      const file = this.files[index];
      const key = analyzed.key!;
      // Not read for its key before: its stamp now leads to the key of what was analysed.
      if (keys[index] === undefined) this.keys.analysed(file, this.looks[index], key);
      else if (key !== keys[index]) {
        changed = true;
        this.keys.stamps.delete(file.absolute);
      }
      keys[index] = key;
    };
    const store: BranchStore = {
      groupOf: groupKeyOf,
      stored: (files) => {
        const found = this.stored?.outcome(files);
        if (found) writer?.addBranch(found.line);
        return found?.outcome;
      },
      analyze: (item) => {
        const analyzed = this.engine.analyze(this.files[item.index]);
        analysed(item.index, analyzed);
        // Changed since it was hashed, into a file of another branch: the run starts again without the cache.
        const id = analyzed.contribution?.id ?? analyzed.incompleteId;
        if ((id === undefined ? undefined : groupKeyOf(id)) !== item.group) throw new BranchSwitched(item.file);
        return analyzed;
      },
      checked: (files, group, outcome) => writer?.addBranch(branchLine(files, group, outcome)),
    };
    // A known file's branch is the one it was stored in; another's is read from its top.
    const predict = (file: InputFile, index: number) => {
      if (known[index]) return known[index].group;
      const id = predictBranchId(file);
      return id === undefined ? undefined : groupKeyOf(id);
    };
    let result: CheckResult;
    try {
      result = await mergeInOrder(this.engine, this.files, this.input.options, { known, store, predict, each: analysed });
    } catch (error) {
      writer?.abandon();
      throw error;
    }
    // Stored branches of files not in this run are kept; then the stored branches are let go (a
    // big run's output is rendered next).
    if (writer) this.carryOthers(writer);
    this.stored = undefined;
    const output = this.rendering && (await this.rendering.render(result));
    // A file changed during the run: the result is that of the bytes analysed, and the run's stamps
    // (taken before) stand for nothing.
    const key = runKeyOf(this.tool, this.engine, this.files, keys as string[]);
    if (writer) this.storeNew(writer, { key, result, output, stamped: !changed });
    return { summary: result.summary, result, ...(output ? { output } : {}) };
  }

  /** Stored branches none of whose files is in this run, into the new cache after this run's. */
  private carryOthers(writer: CacheWriter): void {
    if (!this.stored) return;
    for (const line of this.stored.others(new Set(this.files.map((file) => file.display)), MAX_FILES)) writer.addBranch(line);
    // The lines are parts of the stored section: written now, it can go.
    writer.flush();
  }

  /** Writes the new cache: this run (its branches are written), then what the old one held for other runs and files. */
  private storeNew(writer: CacheWriter, run: { key: string; result: CheckResult; output?: RenderedOutput; stamped: boolean }): void {
    try {
      // A stored run of these very contents keeps its other renderings (it lacked this one).
      const before = this.cache.run(run.key)?.outputs.filter((part) => part.key !== this.rendering?.key) ?? [];
      this.commit(writer, {
        key: run.key,
        scope: this.scope,
        ...(this.runStamps && run.stamped ? { stamps: { bytes: this.runStamps } } : {}),
        summary: run.result.summary,
        // A rendering is what a re-run writes: the result is kept only for a run without one.
        ...(run.output ? {} : { result: { bytes: Buffer.from(JSON.stringify(run.result), 'utf8') } }),
        outputs: [...(run.output ? [{ key: this.rendering!.key, body: { bytes: joinedOutput(run.output) } }] : []), ...before.map((part) => ({ key: part.key, body: { part } }))],
      });
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  /**
   * Writes the cache with `run` (its stamps, when given, are this run's) and the others after it,
   * but for those it replaces: runs of the same scope (see StoredRun.scope).
   */
  private commit(writer: CacheWriter, run: RunRecord): void {
    const otherStamps = this.cache.problem ? [] : this.cache.otherStamps(new Set(this.files.map((file) => file.absolute)));
    // Stamps lead to one run only: this one.
    const otherRuns = this.cache
      .otherRuns(run.key)
      .filter((other) => other.scope !== run.scope)
      .map((other) => carried(other, { dropStamps: !!run.stamps && other.stamps?.checksum === this.runStampsChecksum }));
    writer.commit([run, ...otherRuns], concat(this.keys.stamps, otherStamps), this.keys.since, this.cache, () => this.cache.close());
  }

  private cannotWrite(error: unknown): void {
    this.warn('cache.cannotWrite', { file: this.location, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** A file as a stored branch knows it, if it has the content key it had there. */
function knownFile(branches: StoredBranches | undefined, file: InputFile, index: number, key: string | undefined): KnownFile | undefined {
  const stored = key === undefined ? undefined : branches?.known(file.display);
  return stored && stored.key === key ? { index, file: file.display, key, ...(stored.group !== null ? { group: stored.group } : {}) } : undefined;
}

/** A stored run, carried into the next cache as it is (but for its stamps, with `dropStamps`). */
function carried(run: StoredRun, { dropStamps }: { dropStamps: boolean }): RunRecord {
  return {
    key: run.key,
    ...(run.scope !== undefined ? { scope: run.scope } : {}),
    ...(run.stamps && !dropStamps ? { stamps: { part: run.stamps } } : {}),
    summary: run.summary,
    ...(run.result ? { result: { part: run.result } } : {}),
    outputs: run.outputs.map((part) => ({ key: part.key, body: { part } })),
  };
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}
