/**
 * What check, report and due share: the configuration, the evaluation window, the rule settings and
 * the input files, with CLI options on top of the configuration.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, mergeRuleSettings, type Config } from '../config/index.js';
import { Engine, type RuleSetting } from '../engine.js';
import { displayPath, findFiles, MissingPathError, type InputFile } from '../load/files.js';
import { message } from '../i18n/index.js';
import { outputText } from '../privacy.js';
import { todayIn } from '../model/dates.js';
import type { RunWindow } from '../model/window.js';
import { nearest } from '../util/nearest.js';
import { parseDateOption, parseRuleOption, UsageError } from '../options.js';
import type { Lang } from '../types.js';
import type { Io } from './io.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface RunOptions {
  asOf?: string;
  since?: string;
  rule?: string[];
  config?: string;
  quiet?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface PreparedRun {
  config: Config;
  window: RunWindow;
  engine: Engine;
  files: InputFile[];
  /** The configuration's path when it was found in a folder above the working directory. */
  configAbove?: string;
}

/** Configurations by run: a run is one `main` call with its own streams (the process, or a test). */
const configCache = new WeakMap<Io, Map<string, Config>>();

/** The configuration for this run (loaded once per run). */
export function configFor(io: Io, explicit: string | undefined): Config {
  let configs = configCache.get(io);
  if (!configs) configCache.set(io, (configs = new Map()));
  const key = explicit ?? '';
  let config = configs.get(key);
  if (!config) configs.set(key, (config = loadConfig(io.cwd, explicit)));
  return config;
}

/**
 * --as-of (default: today in the configured time zone) and --since (else the configuration's; else
 * each branch's own start, see model/window.ts).
 */
export function resolveWindow(options: { asOf?: string; since?: string }, config?: Config): RunWindow {
  const asOf =
    options.asOf !== undefined ? parseDateOption('--as-of', options.asOf) : todayIn(config?.timezone ?? DEFAULT_TIME_ZONE);
  const since = options.since !== undefined ? parseDateOption('--since', options.since) : config?.since;
  if (since === undefined) return { asOf };
  if (since > asOf) {
    // A since from the configuration is named as such: the user may never have typed --since.
    if (options.since === undefined && config?.file) throw new UsageError('usage.configSinceAfterAsOf', { since, asOf, file: path.basename(config.file) });
    throw new UsageError('usage.sinceAfterAsOf', { since, asOf });
  }
  return { asOf, since };
}

/** Applies --rule ID:SEVERITY settings, rejecting unknown ids with the nearest known one. */
export function ruleSettings(engine: Engine, values: string[] = []): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const value of values) {
    const { id, severity } = parseRuleOption(value);
    const rule = engine.rule(id);
    if (!rule) {
      const suggestion = nearest(id, engine.rules.map((r) => r.meta.id));
      throw new UsageError(suggestion ? 'usage.unknownRuleSuggest' : 'usage.unknownRule', { id, suggestion: suggestion ?? '' });
    }
    if (rule.meta.category === 'input') throw new UsageError('usage.inputRule', { id });
    settings[id] = { ...settings[id], severity };
  }
  return settings;
}

/** The input files: the given paths, else the configuration's include, else the working directory. */
export async function findInputFiles(paths: string[], io: Io, config?: Config): Promise<InputFile[]> {
  const fromConfig = paths.length === 0 && config?.include.length;
  const inputs = fromConfig ? config!.include.map((p) => path.resolve(config!.base, p)) : paths.length ? paths : ['.'];
  try {
    const ignore = config
      ? { patterns: config.ignore, base: config.base, files: [config.file, config.assignmentsFile].filter((f): f is string => !!f) }
      : undefined;
    const found = await findFiles(inputs, io.cwd, ignore);
    // What a configuration's include finds stays inside its folder, whatever the pattern.
    const files = fromConfig ? found.filter(insideFolder(config!.base)) : found;
    if (files.length === 0) {
      throw new UsageError('usage.noFiles', { paths: fromConfig ? config!.include.join(' ') : inputs.join(' ') });
    }
    return files;
  } catch (error) {
    if (error instanceof MissingPathError) {
      const id = { missing: 'usage.missingPath', 'broken-link': 'usage.brokenLink', 'not-a-file': 'usage.notAFile' }[error.reason];
      throw new UsageError(id, { path: error.inputPath });
    }
    throw error;
  }
}

/** Everything a command needs before it runs the engine. */
export async function prepareRun(paths: string[], options: RunOptions, lang: Lang, io: Io): Promise<PreparedRun> {
  // A test hook, set only by the test suite: an unexpected error, to prove that it is reported in one
  // line with exit status 2, and with its stack only under --debug.
  const injected = io.env.DANGJIAN_TEST_INTERNAL_ERROR;
  if (injected) throw new Error(injected);
  const config = configFor(io, options.config);
  const window = resolveWindow(options, config);
  const base = { window, lang, extraTypes: config.types, extraCadences: config.cadences, records: config.records };
  const unconfigured = new Engine(base);
  const cli = ruleSettings(unconfigured, options.rule);
  const engine = new Engine({
    ...base,
    rules: mergeRuleSettings(config, cli, unconfigured.rules),
    maxFileSize: config.maxFileSize,
    quiet: options.quiet,
    onProgress: options.onProgress,
  });
  const files = await findInputFiles(paths, io, config);
  const configAbove = announceConfigAbove(config, options.config, lang, io);
  return { config, window, engine, files, ...(configAbove !== undefined ? { configAbove } : {}) };
}

/**
 * A configuration found in a folder above the working directory is never used silently: one line on
 * stderr names it (and `check --format json` carries it). One in this folder, or given with
 * --config, is the one the user expects.
 */
function announceConfigAbove(config: Config, explicit: string | undefined, lang: Lang, io: Io): string | undefined {
  if (explicit !== undefined || config.file === undefined || path.dirname(config.file) === path.resolve(io.cwd)) return undefined;
  const shown = displayPath(config.file, io.cwd);
  io.stderr.write(`dangjian: ${outputText(message(lang, 'usage.configUsed', { file: shown }))}\n`);
  return shown;
}


/**
 * Whether a file lies in the folder, as written and with every symbolic link followed: a link in
 * the folder (to a folder or a file) may lead anywhere.
 */
function insideFolder(folder: string): (file: InputFile) => boolean {
  const real = realOrAsIs(folder);
  return (file) => isInside(folder, file.absolute) && isInside(real, realOrAsIs(file.absolute));
}

/** The path with its links followed; as it is when it cannot be (a broken link is reported when read). */
function realOrAsIs(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
