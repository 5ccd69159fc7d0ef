/** `dangjian check`: findings for the given files. */
import { checkFormats } from '../formats/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import { selectShard, type ShardSpec } from '../load/shard.js';
import { parseChoice, parseCount, UsageError } from '../options.js';
import { maskPersonalData, outputText } from '../privacy.js';
import { findInputFiles, prepareRun, resolveWindow, ruleSettings, type RunOptions } from './common.js';
import type { Lang } from '../types.js';
import { emit, type Io } from './io.js';
import { sayWritten } from './wrote.js';
import { machineOnStdout, parseFormat } from './format-option.js';
import { exitStatus, guardOutput, resolveDocsBase, resultRendering, ruleInfos, runInputs } from './output.js';
import { progressFor } from './progress.js';
import { message } from '../i18n/index.js';
import { CACHE_STRATEGIES, cacheFilePath } from '../run/cache.js';
import { runAndRender, type RunOptions as CheckRunOptions } from '../run/check-run.js';
import { settingsKeyOf } from '../run/run-keys.js';
import { VERSION } from '../version.js';

export interface CheckCommandOptions extends RunOptions {
  format?: string;
  output?: string;
  maxWarnings?: string;
  color?: boolean;
  shard?: string;
  docsUrl?: string;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: string;
  concurrency?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  watch?: boolean;
}

// Shared with report and due; re-exported for the commands that import them from here.
export { findInputFiles, resolveWindow, ruleSettings };

export const MAX_SHARDS = 1000;

/** `--shard I/N`: 1 ≤ I ≤ N ≤ MAX_SHARDS. */
export function parseShardOption(value: string): ShardSpec {
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count || count > MAX_SHARDS) throw new UsageError('usage.badShard', { value, max: MAX_SHARDS });
  return { index, count };
}

/** --cache, --cache-location, --cache-strategy and --concurrency: how the check runs, never what it finds. */
function checkRunOptions(options: CheckCommandOptions, lang: Lang, io: Io): CheckRunOptions {
  const concurrency = options.concurrency !== undefined ? parseCount('--concurrency', options.concurrency) : undefined;
  // No thread at all would check nothing.
  if (concurrency === 0) throw new UsageError('usage.badPositiveCount', { option: '--concurrency', value: options.concurrency! });
  const strategy = parseChoice('--cache-strategy', options.cacheStrategy ?? CACHE_STRATEGIES[0], CACHE_STRATEGIES);
  const cached = options.cache || options.cacheLocation !== undefined || options.cacheStrategy !== undefined;
  return {
    ...(cached ? { cache: { location: options.cacheLocation, cwd: io.cwd, tool: VERSION, strategy } } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    // Paths (the cache's, absolute) are input too: no personal number in them goes out in full.
    warn: (id, params) => io.stderr.write(`dangjian: ${outputText(message(lang, id, params))}\n`),
  };
}

export async function checkCommand(paths: string[], options: CheckCommandOptions, lang: Lang, io: Io): Promise<number> {
  if (options.watch) return watchCommand(paths, options, lang, io);
  return runCheck(paths, options, lang, io).then((run) => run.status);
}

/** `--watch`: the check again on every save, in the terminal (so neither --output nor a dry run). */
async function watchCommand(paths: string[], options: CheckCommandOptions, lang: Lang, io: Io): Promise<number> {
  for (const [given, option] of [[options.output, '--output'], [options.fixDryRun, '--fix-dry-run']] as const) {
    if (given !== undefined && given !== false) throw new UsageError('usage.watchWithOutput', { option });
  }
  const { watchCheck } = await import('./watch.js');
  const { statSync } = await import('node:fs');
  const isFolder = (file: string) => statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  return watchCheck(() => runCheck(paths, { ...options, watch: false }, lang, io), paths, lang, io, isFolder);
}

async function runCheck(paths: string[], options: CheckCommandOptions, lang: Lang, io: Io): Promise<{ status: number; files: string[] }> {
  const format = parseFormat(checkFormats, options.format);
  const maxWarnings = options.maxWarnings !== undefined ? parseCount('--max-warnings', options.maxWarnings) : -1;
  const shard = options.shard !== undefined ? parseShardOption(options.shard) : undefined;
  const docsBase = resolveDocsBase(options.docsUrl);
  const runOptions = checkRunOptions(options, lang, io);
  const progress = progressFor(io, lang, { machineOnStdout: machineOnStdout(format.spec, options.output) });
  const prepared = await prepareRun(paths, { ...options, onProgress: progress.tick }, lang, io);
  const { engine, files: found } = prepared;
  const cacheFile = runOptions.cache && cacheFilePath(runOptions.cache.location, io.cwd);
  guardOutput(io, options.output, concat(runInputs(prepared), [cacheFile || undefined]));
  const files = shard ? selectShard(found, shard) : found;
  if (options.fix || options.fixDryRun) {
    // Repairs first (fix/ is loaded only for them); the check then reports what remains.
    const { planFixes, applyFixes } = await import('../fix/files.js');
    const planned = planFixes(files, engine.types.allNames(), engine.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    applyFixes(planned, options.fixDryRun === true, lang, io);
    if (options.fixDryRun) return { status: 0, files: [] };
  }
  const rendering = await resultRendering(io, {
    format: format.name,
    output: options.output,
    color: options.color,
    lang,
    docsBase,
    details: () => ({ rules: ruleInfos(engine), files: files.map((file) => maskPersonalData(file.display)) }),
    ...(shard ? { shard: { ...shard, lang, settings: settingsKeyOf(engine.options) } } : {}),
    ...(prepared.configAbove ? { configAbove: prepared.configAbove } : {}),
  });
  const { summary, output } = await runAndRender(engine, files, runOptions, rendering);
  progress.done();
  emit(io, output, options.output);
  const { errors, warnings, files: count, branches } = summary;
  sayWritten(io, lang, options.output, 'wrote.check', { errors, warnings, files: count, branches });
  return { status: exitStatus(summary, maxWarnings), files: files.map((file) => file.absolute) };
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}
