/**
 * Presentation helpers shared by the report and due formatters: period labels, state labels and
 * symbols, display widths. Every word comes from the message catalogues.
 */
import { where } from '../util/where.js';
import { message } from '../i18n/index.js';
import { parsePeriod } from '../model/period.js';
import type { Lang } from '../types.js';
import type { ChalkInstance } from 'chalk';
import type { MarkState, ReportMark, ReportModel, UncountedFile } from './model.js';
import { attendanceText, percentText } from './tally.js';
import { otherStartsText } from '../i18n/starts.js';

/**
 * One-column symbols for the terminal and Markdown. None is of ambiguous East Asian width, so a
 * Chinese terminal draws each in one column, as the table's layout assumes.
 */
export const STATE_SYMBOL: Record<MarkState, string> = {
  done: '✓',
  late: '✚',
  waived: '◊',
  missing: '✗',
  problem: '!',
  pending: '◔',
  'not-applicable': '-',
  'not-counted': '?',
};

export function stateLabel(state: MarkState, lang: Lang): string {
  return message(lang, `report.state.${state}`);
}

function nth(lang: Lang, list: string, index: number): string {
  return message(lang, list).split(',')[index];
}

/** A period's label: long (2026年第三季度, Q3 2026) or short, inside a report (三季度, Q3). */
export function periodLabel(id: string, lang: Lang, form: 'long' | 'short' = 'long'): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = Number(id.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  const params = {
    year,
    month,
    monthName: nth(lang, 'report.monthNames', month - 1),
    quarterName: nth(lang, 'report.quarterNames', (month - 1) / 3),
    halfName: nth(lang, 'report.halfNames', month === 1 ? 0 : 1),
  };
  return message(lang, `report.period${form === 'short' ? 'Short' : ''}.${period.kind}`, params);
}

/**
 * A mark as words, with the progress of a pending period (进行中 1/3) and of a per-group requirement
 * that not every group met (未开展 1/2).
 */
export function markText(mark: ReportMark, lang: Lang): string {
  const label = stateLabel(mark.state, lang);
  const unmetGroups = mark.groups !== undefined && ['missing', 'not-counted', 'waived'].includes(mark.state);
  return mark.required !== undefined && (mark.state === 'pending' || unmetGroups) ? `${label} ${mark.count}/${mark.required}` : label;
}

/** Display width on a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let total = 0;
  for (const char of text) total += isWide(char) ? 2 : 1;
  return total;
}

export function isWide(char: string): boolean {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char);
}

/** Cuts a text to a display width, marking the cut with `..`. */
export function truncateWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 2) break;
    out += char;
  }
  return `${out}..`;
}

/** A mark as a symbol, with the progress of a pending period when asked (◔1/3). */
export function markSymbol(mark: ReportMark, { withProgress }: { withProgress: boolean }): string {
  const symbol = STATE_SYMBOL[mark.state];
  return withProgress && mark.state === 'pending' && mark.required !== undefined ? `${symbol}${mark.count}/${mark.required}` : symbol;
}

/**
 * A cell of many periods in three columns: the number of periods that need attention, by the
 * worst state (✗2: two periods missing), else ✓ (all met so far), ◔ (nothing due yet) or -.
 */
export function compactSymbols(marks: ReportMark[]): string {
  const count = (state: MarkState) => marks.filter((m) => m.state === state).length;
  for (const state of ['missing', 'problem', 'not-counted', 'waived', 'late'] as const) {
    if (count(state) > 0) return `${STATE_SYMBOL[state]}${count(state)}`;
  }
  if (count('done') > 0) return STATE_SYMBOL.done;
  if (count('pending') > 0) return STATE_SYMBOL.pending;
  return STATE_SYMBOL['not-applicable'];
}

/** A counted noun: `count` in the catalogue, or its `.one` form for exactly one (1 file, 2 files). */
export function countText(lang: Lang, id: string, n: number, params: Record<string, string | number> = {}): string {
  return message(lang, n === 1 ? `${id}.one` : id, { n, ...params });
}

/** 截至 2026-09-15，自 2026-01-01 起统计（二支部自 2025-01-01 起）: the start of every branch. */
export function subtitle(model: ReportModel): string {
  const lang = model.lang as Lang;
  const rows = model.groups.flatMap((group) => group.branches).filter((row) => row.since !== undefined);
  const others = otherStartsText(
    {
      sinceByBranch: Object.fromEntries(rows.map((row) => [row.id, row.since!])),
      branches: Object.fromEntries(rows.map((row) => [row.id, { name: row.name, since: row.since! }])),
    },
    lang,
  );
  return message(lang, 'report.subtitle', { asOf: model.asOf, since: model.since }) + others;
}

/** 截至 2026-09-15，自 2026-01-01 起统计；5 个支部、7 个文件；总完成率 87.5% */
export function summaryLine(model: ReportModel): string {
  const lang = model.lang as Lang;
  const overall = percentText(model.total.tally);
  const attendance = attendanceText(model.total.attendance);
  return [
    subtitle(model),
    message(lang, 'report.scope', {
      branches: countText(lang, 'report.count.branches', model.summary.branches),
      files: countText(lang, 'report.count.files', model.summary.files),
    }),
    overall ? message(lang, 'report.overall', { rate: overall }) : message(lang, 'report.overallNone'),
    ...(attendance ? [message(lang, 'report.overallAttendance', { rate: attendance })] : []),
  ].join(message(lang, 'report.sep'));
}

/** 记录问题 and the terms that end soon, for the terminal table. */
export function noticeLines(model: ReportModel, chalk: ChalkInstance): string[] {
  const lang = model.lang as Lang;
  const lines: string[] = [];
  for (const row of model.groups.flatMap((group) => group.branches)) {
    if (row.termEnd) lines.push(chalk.yellow(message(lang, 'report.termEnds', { branch: row.name, termEnd: row.termEnd })));
  }
  const count = model.summary.recordProblems;
  if (count > 0) {
    lines.push('', chalk.yellow.bold(message(lang, 'report.recordProblemsTitle', { count })));
    for (const file of model.recordProblems) {
      for (const problem of file.problems) {
        lines.push(`  ${chalk.underline(`${file.file}:${problem.line}:${problem.column}`)}  ${problem.message}  ${chalk.dim(problem.ruleId)}`);
      }
    }
  }
  return lines;
}

/** The files that could not be counted, one line per problem, for the terminal tables of report and due. */
export function uncountedLines(uncounted: UncountedFile[], chalk: ChalkInstance, lang: Lang): string[] {
  if (uncounted.length === 0) return [];
  const lines = ['', chalk.red.bold(`✖ ${countText(lang, 'report.uncountedTitle', uncounted.length, { count: uncounted.length })}`)];
  for (const file of uncounted) {
    for (const problem of file.problems) {
      lines.push(`  ${chalk.underline(`${file.file}:${where(problem)}`)}  ${problem.message}  ${chalk.dim(problem.ruleId)}`);
    }
  }
  return lines;
}
