/** `dangjian report --period P`: the summary table of a month, quarter, half-year or year. */
import type { Period } from '../model/period.js';
import { parsePeriodOption, UsageError } from '../options.js';
import { branchReport, buildReport } from '../report/build.js';
import { reportColumns } from '../report/columns.js';
import { eachBranch } from '../run/merge-in-order.js';
import type { Lang } from '../types.js';
import type { Config } from '../config/index.js';
import { earliestStart, yearStartOf } from '../model/window.js';
import { configFor, prepareRun, resolveWindow, type RunOptions } from './common.js';
import { progressFor } from './progress.js';
import { emit, type Io } from './io.js';
import { sayWritten, uncountedText } from './wrote.js';
import { guardOutput, runInputs } from './output.js';
import { reportFormats } from '../formats/index.js';
import { machineOnStdout, outputColorLevel, parseFormat, requireOutputFile } from './format-option.js';
import { VERSION } from '../version.js';

export interface ReportCommandOptions extends RunOptions {
  period?: string;
  format?: string;
  output?: string;
  color?: boolean;
}

/**
 * The evaluation start of a report. Without --since or a configured `since`, each branch starts as
 * in `check`, unless the report period begins before the earliest such start (a report on a year
 * long past): then 1 January of the period's year, and the report agrees with `check --since` of
 * that day.
 */
export function reportSince(options: { asOf?: string; since?: string }, config: Config, period: Period): string | undefined {
  const window = resolveWindow(options, config);
  if (period.start > window.asOf) throw new UsageError('usage.periodAfterAsOf', { period: period.id, asOf: window.asOf });
  if (options.since !== undefined || config.since !== undefined) return options.since;
  const yearStart = yearStartOf(period.start);
  return yearStart < earliestStart(window.asOf) ? yearStart : undefined;
}

export async function reportCommand(paths: string[], options: ReportCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseFormat(reportFormats, options.format);
  if (options.period === undefined) throw new UsageError('usage.periodRequired');
  const period = parsePeriodOption('--period', options.period);
  const since = reportSince(options, configFor(io, options.config), period);
  requireOutputFile(format.spec, options.output);
  const progress = progressFor(io, lang, { machineOnStdout: machineOnStdout(format.spec, options.output) });
  const prepared = await prepareRun(paths, { ...options, since, quiet: false, onProgress: progress.tick }, lang, io);
  const { engine, files } = prepared;
  guardOutput(io, options.output, runInputs(prepared));
  // Branch by branch: each branch's row is made while it is in memory, and only the rows are kept.
  const columns = reportColumns(engine, period, engine.options.lang);
  const { result, made, unread } = await eachBranch(engine, files, (branch, findings) => branchReport(engine, period, columns, branch, findings));
  progress.done();
  const model = buildReport({ engine, period, columns, result, branches: made, unread, files: files.length });
  const render = await format.spec.load();
  emit(io, await render(model, { colorLevel: await outputColorLevel(format.spec, options, io), version: VERSION }), options.output);
  sayWritten(io, lang, options.output, 'wrote.report', { files: model.summary.files, branches: model.summary.branches, uncounted: uncountedText(model.uncounted.length, lang) });
  return model.uncounted.length > 0 ? 1 : 0;
}
