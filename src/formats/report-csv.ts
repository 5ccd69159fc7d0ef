/**
 * `report --format csv`: one row per branch, subtotal and total, for Excel on a Chinese Windows:
 * UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
 */
import { message } from '../i18n/index.js';
import type { AttendanceTally, ReportCell, ReportModel, Tally } from '../report/model.js';
import { markText } from '../report/present.js';
import { attendanceText, percentText } from '../report/tally.js';
import type { Lang } from '../types.js';

const BOM = '\uFEFF';

/**
 * A start that a spreadsheet may read as a formula: `=`, `+`, `-` or `@` (also in full width, as a
 * Chinese input method types them), after any spaces (no-break, full-width and zero-width ones too),
 * or a tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * One field: quoted when it holds a quote, comma or line break (quotes doubled). A text that starts
 * like a formula (see FORMULA_START: `-1+cmd|...` too) gets a leading apostrophe, so that a
 * spreadsheet never runs it; a plain number (`-12.5`, `-12.5%`) stays one.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text) && !/^-\d+(?:\.\d+)?%?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(fields: (string | number)[]): string {
  return fields.map(csvField).join(',');
}

function cellText(cell: ReportCell, model: ReportModel, lang: Lang): string {
  const column = model.columns.find((c) => c.ruleId === cell.ruleId)!;
  if (cell.marks.length === 1) return markText(cell.marks[0], lang);
  return cell.marks
    .map((mark, i) => `${column.periods[i].label} ${markText(mark, lang)}`)
    .join(message(lang, 'report.sep'));
}

function rate(tally: Tally): string {
  return percentText(tally) ?? '';
}

export function formatReportCsv(model: ReportModel): string {
  const lang = model.lang as Lang;
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const rows: (string | number)[][] = [];
  rows.push([
    t('report.parent'),
    t('report.branchId'),
    t('report.branch'),
    ...model.columns.map((c) => c.title),
    t('report.rate'),
    t('report.missingCount'),
    t('report.attendance'),
    t('report.expected'),
    t('report.present'),
    t('report.since'),
    t('report.termEnd'),
  ]);
  const att = (a: AttendanceTally) => [attendanceText(a) ?? '', a.expected, a.present];
  for (const group of model.groups) {
    for (const row of group.branches) {
      rows.push([
        row.parent ?? '',
        row.id,
        row.name,
        ...row.cells.map((cell) => cellText(cell, model, lang)),
        rate(row.tally),
        row.tally.missing + row.tally.problem,
        ...att(row.attendance),
        row.since ?? model.since,
        row.termEnd ?? '',
      ]);
    }
    const subtotal = group.subtotal;
    rows.push([group.label, '', t('report.subtotal'), ...subtotal.cells.map(rate), rate(subtotal.tally), subtotal.tally.missing + subtotal.tally.problem, ...att(subtotal.attendance)]);
  }
  const total = model.total;
  rows.push(['', '', t('report.total'), ...total.cells.map(rate), rate(total.tally), total.tally.missing + total.tally.problem, ...att(total.attendance)]);
  if (model.uncounted.length > 0) {
    rows.push([]);
    rows.push([t('report.file'), t('report.line'), t('report.columnNo'), t('report.rule'), t('report.note')]);
    for (const file of model.uncounted) {
      for (const problem of file.problems) rows.push([file.file, problem.line, problem.column, problem.ruleId, problem.message]);
    }
  }
  if (model.recordProblems.length > 0) {
    rows.push([]);
    rows.push([t('report.recordProblemsTitle', { count: model.summary.recordProblems })]);
    rows.push([t('report.file'), t('report.line'), t('report.columnNo'), t('report.rule'), t('report.note')]);
    for (const file of model.recordProblems) {
      for (const problem of file.problems) rows.push([file.file, problem.line, problem.column, problem.ruleId, problem.message]);
    }
  }
  // Every record has the same number of fields (RFC 4180), the problem list included.
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  return `${BOM}${padded.map(csvRow).join('\r\n')}\r\n`;
}
