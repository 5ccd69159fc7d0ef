/** `dangjian due`: what each branch still has to do, as a table, JSON or an iCalendar file. */
import { formatDueIcs } from '../formats/due-ics.js';
import { formatDueJson } from '../formats/due-json.js';
import { formatDueTable } from '../formats/due-table.js';
import { parseChoice, UsageError } from '../options.js';
import { buildDue } from '../report/due.js';
import type { Lang } from '../types.js';
import { prepareRun, type RunOptions } from './common.js';
import { progressFor } from './progress.js';
import { colorLevel, emit, type Io } from './io.js';
import { VERSION } from '../version.js';
import { DUE_FORMATS } from '../formats/index.js';

export interface DueCommandOptions extends Omit<RunOptions, 'since' | 'quiet'> {
  format?: string;
  output?: string;
  within?: string;
  color?: boolean;
}

export const DEFAULT_WITHIN_DAYS = 30;
const MAX_WITHIN_DAYS = 3660;

/** `--within`: `30d`, `2w` or a number of days. */
export function parseWithin(value: string | undefined): number {
  if (value === undefined) return DEFAULT_WITHIN_DAYS;
  const match = /^(\d{1,5})([dDwW]?)$/.exec(value.trim());
  const days = match ? Number(match[1]) * (match[2].toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!(days <= MAX_WITHIN_DAYS)) throw new UsageError('usage.badWithin', { value });
  return days;
}

export async function dueCommand(paths: string[], options: DueCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseChoice('--format', options.format ?? 'table', DUE_FORMATS);
  const within = parseWithin(options.within);
  const progress = progressFor(io, lang, format !== 'table' && options.output === undefined);
  const { engine, files } = await prepareRun(paths, { asOf: options.asOf, rule: options.rule, config: options.config, onProgress: progress.tick }, lang, io);
  const { result, branches } = engine.check(files);
  progress.done();
  const model = buildDue({ engine, result, branches, files: files.length, within });
  const text =
    format === 'json'
      ? formatDueJson(model)
      : format === 'ics'
        ? formatDueIcs(model, { version: VERSION })
        : formatDueTable(model, { colorLevel: options.output === undefined ? await colorLevel(options.color, io.env, io.stdout.isTTY) : 0 });
  emit(io, text, options.output);
  return model.uncounted.length > 0 ? 1 : 0;
}
