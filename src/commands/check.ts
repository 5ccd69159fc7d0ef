/** `dangjian check`: findings for the given files. */
import { Engine, type RuleSetting } from '../engine.js';
import { formatJson } from '../formats/json.js';
import { formatStylish } from '../formats/stylish.js';
import { findFiles, MissingPathError } from '../load/files.js';
import { todayIn } from '../model/dates.js';
import { nearest } from '../schema/nearest.js';
import { parseChoice, parseCount, parseDateOption, parseRuleOption, UsageError } from '../options.js';
import type { Lang } from '../types.js';
import { colorLevel, emit, type Io } from './io.js';

export const CHECK_FORMATS = ['stylish', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface CheckCommandOptions {
  format?: string;
  output?: string;
  asOf?: string;
  since?: string;
  rule?: string[];
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
}

export interface Window {
  asOf: string;
  since: string;
}

/** --as-of (default: today in Asia/Shanghai) and --since (default: 1 January of the as-of year). */
export function resolveWindow(options: { asOf?: string; since?: string }): Window {
  const asOf = options.asOf !== undefined ? parseDateOption('--as-of', options.asOf) : todayIn(DEFAULT_TIME_ZONE);
  const since = options.since !== undefined ? parseDateOption('--since', options.since) : `${asOf.slice(0, 4)}-01-01`;
  if (since > asOf) throw new UsageError('usage.sinceAfterAsOf', { since, asOf });
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

export async function findInputFiles(paths: string[], io: Io) {
  const inputs = paths.length ? paths : ['.'];
  try {
    const files = await findFiles(inputs, io.cwd);
    if (files.length === 0) throw new UsageError('usage.noFiles', { paths: inputs.join(' ') });
    return files;
  } catch (error) {
    if (error instanceof MissingPathError) throw new UsageError('usage.missingPath', { path: error.inputPath });
    throw error;
  }
}

export async function checkCommand(paths: string[], options: CheckCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseChoice('--format', options.format ?? 'stylish', CHECK_FORMATS);
  const window = resolveWindow(options);
  const maxWarnings = options.maxWarnings !== undefined ? parseCount('--max-warnings', options.maxWarnings) : -1;
  const probe = new Engine({ window, lang });
  const rules = ruleSettings(probe, options.rule);
  const engine = new Engine({ window, lang, rules, quiet: options.quiet });
  const files = await findInputFiles(paths, io);
  const { result } = engine.check(files);

  const text =
    format === 'json'
      ? formatJson(result)
      : formatStylish(result, {
          lang,
          colorLevel: options.output === undefined ? colorLevel(options.color, io.env, io.stdout.isTTY) : 0,
        });
  emit(io, text, options.output);
  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
