/**
 * `report --format table`: the summary for a terminal. Fits 120 columns for a quarter with every
 * built-in rule: one-column state symbols, two-character headers (written downwards in Chinese),
 * the legend and the column names below the table.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { message } from '../i18n/index.js';
import type { AttendanceTally, MarkState, ReportCell, ReportModel, Tally } from '../report/model.js';
import { MARK_STATES } from '../report/model.js';
import { compactSymbols, countText, displayWidth, markSymbol, STATE_SYMBOL, stateLabel, noticeLines, summaryLine, truncateWidth, uncountedLines } from '../report/present.js';
import { attendanceText, percentText, shortPercentText } from '../report/tally.js';
import type { Lang } from '../types.js';

export interface ReportTableOptions {
  /** chalk colour level: 0 for none. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Terminal width to fit. */
  width?: number;
}

const MAX_MARKS = 3;

function painter(chalk: ChalkInstance): Record<MarkState, (text: string) => string> {
  return {
    done: chalk.green,
    late: chalk.yellow,
    waived: chalk.cyan,
    missing: chalk.red.bold,
    problem: chalk.red,
    pending: chalk.blue,
    'not-applicable': chalk.dim,
    'not-counted': chalk.magenta,
  };
}

function rateColor(chalk: ChalkInstance, tally: Tally): (text: string) => string {
  if (tally.rate === null) return chalk.dim;
  if (tally.rate === 1) return chalk.green;
  return tally.rate >= 0.8 ? chalk.yellow : chalk.red;
}

/** The cell as symbols, and its plain width. */
function cellSymbols(cell: ReportCell, paint: Record<MarkState, (text: string) => string>): { text: string; width: number } {
  if (cell.marks.length > MAX_MARKS) {
    const plain = compactSymbols(cell.marks);
    const state = (Object.keys(STATE_SYMBOL) as MarkState[]).find((s) => STATE_SYMBOL[s] === [...plain][0])!;
    return { text: paint[state](plain), width: displayWidth(plain) };
  }
  // A single pending period shows its progress alone (0/1), in three columns.
  const single = cell.marks.length === 1 && cell.marks[0].state === 'pending' && cell.marks[0].required !== undefined;
  const parts = single ? [`${cell.marks[0].count}/${cell.marks[0].required}`] : cell.marks.map((mark) => markSymbol(mark, { withProgress: false }));
  return {
    text: cell.marks.map((mark, i) => paint[mark.state](parts[i])).join(''),
    width: displayWidth(parts.join('')),
  };
}

/** Headers: Chinese two-character names written downwards when the row would be too wide. */
function header(short: string, { vertical }: { vertical: boolean }): string {
  return vertical && [...short].every((c) => displayWidth(c) === 2) ? [...short].join('\n') : short;
}

export function formatReportTable(model: ReportModel, options: ReportTableOptions): string {
  const lang = model.lang as Lang;
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const chalk = new Chalk({ level: options.colorLevel });
  const paint = painter(chalk);
  const budget = options.width ?? 120;
  const rows = model.groups.flatMap((g) => g.branches);
  const cells = rows.map((row) => row.cells.map((cell) => cellSymbols(cell, paint)));
  const rateText = (tally: Tally, cell: 0 | 1) => (cell === 0 ? shortPercentText(tally) : percentText(tally)) ?? '-';

  // Width of each requirement column: its widest cell, at least 3 (a subtotal of "100").
  const contentWidths = model.columns.map((_, i) => Math.max(3, ...cells.map((r) => r[i].width)));
  const horizontal = model.columns.map((c, i) => Math.max(contentWidths[i], displayWidth(c.short)));
  const vertical = model.columns.map((c, i) => Math.max(contentWidths[i], ...header(c.short, { vertical: true }).split('\n').map(displayWidth)));
  const rateWidth = Math.max(displayWidth(t('report.rate')), 6) + 1;
  const attendanceWidth = Math.max(displayWidth(t('report.attendance')), 6) + 1;
  const att = (tally: AttendanceTally) => `${attendanceText(tally) ?? '-'} `;
  const nameNeeded =
    Math.max(
      displayWidth(t('report.branch')),
      displayWidth(t('report.total')),
      displayWidth(t('report.subtotal')),
      ...rows.map((r) => displayWidth(r.name)),
    ) + 2;
  const fixed = (widths: number[]) => 1 + widths.reduce((sum, w) => sum + w + 1, 0) + rateWidth + 1 + attendanceWidth + 1;
  const useVertical = fixed(horizontal) + nameNeeded + 1 > budget;
  const columnWidths = useVertical ? vertical : horizontal;
  const nameWidth = Math.max(10, Math.min(nameNeeded, budget - fixed(columnWidths) - 1));
  const total = model.columns.length + 3;

  const table = new Table({
    head: [
      ` ${t('report.branch')}`,
      ...model.columns.map((c) => chalk.bold(header(c.short, { vertical: useVertical }))),
      `${t('report.rate')} `,
      `${t('report.attendance')} `,
    ],
    colWidths: [nameWidth, ...columnWidths, rateWidth, attendanceWidth],
    colAligns: ['left', ...model.columns.map(() => 'center' as const), 'right', 'right'],
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    wordWrap: false,
  });
  const name = (text: string) => ` ${truncateWidth(text, nameWidth - 2)}`;
  let index = 0;
  for (const group of model.groups) {
    table.push([{ content: chalk.bold(` ${group.label}`), colSpan: total }]);
    for (const row of group.branches) {
      const rowCells = cells[index++];
      // A branch with a file that could not be read is flagged in the margin: ?选矿厂第三党支部.
      const flag = row.incomplete ? paint['not-counted']('?') : ' ';
      table.push([`${flag}${truncateWidth(row.name, nameWidth - 2)}`, ...rowCells.map((c) => c.text), `${rateColor(chalk, row.tally)(rateText(row.tally, 1))} `, att(row.attendance)]);
    }
    table.push([
      chalk.dim(name(t('report.subtotal'))),
      ...group.subtotal.cells.map((c) => rateColor(chalk, c)(rateText(c, 0))),
      `${rateColor(chalk, group.subtotal.tally)(rateText(group.subtotal.tally, 1))} `,
      att(group.subtotal.attendance),
    ]);
  }
  table.push([
    chalk.bold(name(t('report.total'))),
    ...model.total.cells.map((c) => chalk.bold(rateColor(chalk, c)(rateText(c, 0)))),
    `${chalk.bold(rateColor(chalk, model.total.tally)(rateText(model.total.tally, 1)))} `,
    chalk.bold(att(model.total.attendance)),
  ]);

  const out: string[] = [];
  out.push(chalk.bold(t('report.title', { period: model.period.label })));
  out.push(summaryLine(model));
  out.push(table.toString());
  const legend = MARK_STATES.map((s) => `${paint[s](STATE_SYMBOL[s])} ${stateLabel(s, lang)}`).join('  ');
  out.push(`${t('report.legend')}${t('report.colon')}${legend}`);
  const notes = [t('report.cellsHelp'), t('report.rateHelp'), t('report.attendanceHelp')];
  if (model.columns.some((c) => c.periods.length > MAX_MARKS)) notes.push(t('report.compactHelp'));
  for (const note of notes) out.push(...wrap(note + t('report.stop').trim(), budget));
  out.push(
    ...wrapItems(
      model.columns.map((c) => `${c.short} ${c.title}`),
      `${t('report.legendColumns')}${t('report.colon')}`,
      budget,
    ),
  );
  out.push(...noticeLines(model, chalk));
  out.push(...uncountedLines(model.uncounted, chalk, lang));
  return `${out.join('\n')}\n`;
}

/** Wraps a text at a display width (at spaces where there are some, anywhere in Chinese). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(/(?<= )|(?=[\u2e80-\ua4cf\uff00-\uff60])|(?<=[\u2e80-\ua4cf\uff00-\uff60])/u)) {
    if (displayWidth(line + token) > width && line.trim()) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Items laid out in lines of at most `width`, separated by two spaces. */
function wrapItems(items: string[], lead: string, width: number): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const item of items) {
    const next = line === lead ? `${line}${item}` : `${line}  ${item}`;
    if (displayWidth(next) > width && line !== lead) {
      lines.push(line);
      line = `${' '.repeat(displayWidth(lead))}${item}`;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}
