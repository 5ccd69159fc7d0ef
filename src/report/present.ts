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
import { percentText } from './tally.js';

/**
 * One-column symbols for the terminal and Markdown. None is of ambiguous East Asian width, so a
 * Chinese terminal draws each in one column, as the table's layout assumes.
 */
export const STATE_SYMBOL: Record<MarkState, string> = {
  done: '✓',
  late: '✚',
  waived: '◊',
  missing: '✗',
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
  for (const state of ['missing', 'not-counted', 'waived', 'late'] as const) {
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

/** 截至 2026-09-15，自 2026-01-01 起统计；5 个支部、7 个文件；总完成率 87.5% */
export function summaryLine(model: ReportModel): string {
  const lang = model.lang as Lang;
  const overall = percentText(model.total.tally);
  return [
    message(lang, 'report.subtitle', { asOf: model.asOf, since: model.since }),
    message(lang, 'report.scope', {
      branches: countText(lang, 'report.count.branches', model.summary.branches),
      files: countText(lang, 'report.count.files', model.summary.files),
    }),
    overall ? message(lang, 'report.overall', { rate: overall }) : message(lang, 'report.overallNone'),
  ].join(message(lang, 'report.sep'));
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
