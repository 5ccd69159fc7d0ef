/** `dangjian due`: what each branch still has to do, as a table, JSON or an iCalendar file. */
import { dueFormats } from '../formats/index.js';
import { UsageError } from '../options.js';
import { buildDue, dueItems, dueUntil } from '../report/due.js';
import { eachBranch } from '../run/merge-in-order.js';
import { settleHeap } from '../run/heap-budget.js';
import type { Lang } from '../types.js';
import { prepareRun, type RunOptions } from './common.js';
import { progressFor } from './progress.js';
import { machineOnStdout, outputColorLevel, parseFormat, requireOutputFile } from './format-option.js';
import { emit, type Io } from './io.js';
import { sayWritten, uncountedText } from './wrote.js';
import { guardOutput, runInputs } from './output.js';
import { VERSION } from '../version.js';

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
  const format = parseFormat(dueFormats, options.format);
  const within = parseWithin(options.within);
  requireOutputFile(format.spec, options.output);
  const progress = progressFor(io, lang, { machineOnStdout: machineOnStdout(format.spec, options.output) });
  const prepared = await prepareRun(paths, { asOf: options.asOf, rule: options.rule, config: options.config, onProgress: progress.tick }, lang, io);
  const { engine, files } = prepared;
  guardOutput(io, options.output, runInputs(prepared));
  // Branch by branch: a big repository's branches are never all in memory at once.
  const until = dueUntil(engine, within);
  const { result, made: itemsByBranch } = await eachBranch(engine, files, (branch) => dueItems(engine, branch, until));
  progress.done();
  const model = buildDue({ engine, result, itemsByBranch, files: files.length, within });
  const render = await format.spec.load();
  settleHeap();
  emit(io, render(model, { colorLevel: await outputColorLevel(format.spec, options, io), version: VERSION }), options.output);
  const { items, overdue } = model.summary;
  sayWritten(io, lang, options.output, 'wrote.due', { items, overdue, branches: model.summary.branches, uncounted: uncountedText(model.uncounted.length, lang) });
  return model.uncounted.length > 0 ? 1 : 0;
}
