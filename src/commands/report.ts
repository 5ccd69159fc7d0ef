/** `dangjian report --period P`: the summary table of a month, quarter, half-year or year. */
import { formatReportCsv } from '../formats/report-csv.js';
import { formatReportHtml } from '../formats/report-html.js';
import { formatReportJson } from '../formats/report-json.js';
import { formatReportMarkdown } from '../formats/report-markdown.js';
import { formatReportTable } from '../formats/report-table.js';
import { formatReportXlsx } from '../formats/report-xlsx.js';
import type { Period } from '../model/period.js';
import { parseChoice, parsePeriodOption, UsageError } from '../options.js';
import { buildReport } from '../report/build.js';
import type { ReportModel } from '../report/model.js';
import type { Lang } from '../types.js';
import type { Config } from '../config/index.js';
import { configFor, prepareRun, resolveWindow, type RunOptions } from './common.js';
import { progressFor } from './progress.js';
import { colorLevel, emit, type Io } from './io.js';
import { REPORT_FORMATS } from '../formats/index.js';
import { VERSION } from '../version.js';

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions extends RunOptions {
  period?: string;
  format?: string;
  output?: string;
  color?: boolean;
}

/**
 * The evaluation start of a report. Without --since or a configured `since`, it is 1 January of
 * the report period's year when that is earlier than the usual start (a fourth-quarter report made
 * in January); the report then agrees with `check --since` of that day.
 */
export function reportSince(options: { asOf?: string; since?: string }, config: Config, period: Period): string | undefined {
  const window = resolveWindow(options, config);
  if (period.start > window.asOf) throw new UsageError('usage.periodAfterAsOf', { period: period.id, asOf: window.asOf });
  if (options.since !== undefined || config.since !== undefined) return options.since;
  const yearStart = `${period.start.slice(0, 4)}-01-01`;
  return yearStart < window.since ? yearStart : undefined;
}

export async function reportCommand(paths: string[], options: ReportCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseChoice('--format', options.format ?? 'table', REPORT_FORMATS);
  if (options.period === undefined) throw new UsageError('usage.periodRequired');
  const period = parsePeriodOption('--period', options.period);
  const since = reportSince(options, configFor(io, options.config), period);
  if (format === 'xlsx' && (options.output === undefined || options.output === '-')) throw new UsageError('usage.xlsxNeedsOutput');
  const progress = progressFor(io, lang, format !== 'table' && options.output === undefined);
  const { engine, files } = await prepareRun(paths, { ...options, since, quiet: false, onProgress: progress.tick }, lang, io);
  const { result, branches } = engine.check(files);
  progress.done();
  const model = buildReport({ engine, period, result, branches, files: files.length });
  emit(io, await render(model, format, options, io), options.output);
  return model.uncounted.length > 0 ? 1 : 0;
}

async function render(model: ReportModel, format: ReportFormat, options: ReportCommandOptions, io: Io): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return formatReportJson(model);
    case 'markdown':
      return formatReportMarkdown(model);
    case 'csv':
      return formatReportCsv(model);
    case 'html':
      return formatReportHtml(model, { version: VERSION });
    case 'xlsx':
      return formatReportXlsx(model, { version: VERSION });
    case 'table':
      return formatReportTable(model, {
        colorLevel: options.output === undefined ? await colorLevel(options.color, io.env, io.stdout.isTTY) : 0,
      });
  }
}
