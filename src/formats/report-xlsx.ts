/**
 * `report --format xlsx`: a workbook for the party-affairs office. 汇总 (summary): one column per
 * requirement and period, the states filled in colour, frozen headers; 明细 (details): every
 * activity that counted and every period that is missing, waived or not counted, with its file and
 * line; 未统计文件: the input problems. The bytes depend only on the report (dates come from the
 * as-of date), so the same inputs give the same file.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { message } from '../i18n/index.js';
import type { AttendanceTally, MarkState, ReportModel, Tally } from '../report/model.js';
import { absencesSheet, listSheet, meetingsSheet, problemRows } from './report-xlsx-sheets.js';
import { MARK_STATES } from '../report/model.js';
import { displayWidth, markText, periodLabel, stateLabel, subtitle } from '../report/present.js';
import type { Lang } from '../types.js';
import { xmlSafeData } from '../xlsx/xml-safe.js';
import { fixZipDates } from '../xlsx/zip.js';

export interface ReportXlsxOptions {
  version: string;
}

/** Fill and font colours of each state: Excel's own good, neutral and bad styles where they fit. */
const STATE_STYLE: Record<MarkState, { fill: string; font: string }> = {
  done: { fill: 'FFC6EFCE', font: 'FF006100' },
  late: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  waived: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
  missing: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  problem: { fill: 'FFFCE4D6', font: 'FF9C0006' },
  pending: { fill: 'FFF2F2F2', font: 'FF595959' },
  'not-applicable': { fill: 'FFFFFFFF', font: 'FFA6A6A6' },
  'not-counted': { fill: 'FFE4DFEC', font: 'FF5B4A7A' },
};

const RED = 'FFB8121B';
const HEADER_FILL = 'FFF7ECEC';
const SUBTOTAL_FILL = 'FFF5F5F5';
const TOTAL_FILL = 'FFE7E9EC';
const FONT = '等线';
const THIN = { style: 'thin' as const, color: { argb: 'FFD0D4DA' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The rate as a number for a `0.0%` format, rounded as in the other formats (2/3 is 66.7%). */
function rateValue(tally: Tally): number | string {
  return tally.rate ?? '–';
}

/** Column width in Excel's units (about one per Latin character, two per Chinese one). */
function fit(texts: string[], min: number, max: number): number {
  return Math.min(max, Math.max(min, ...texts.map((t) => displayWidth(t) + 2)));
}

export async function formatReportXlsx(given: ReportModel, options: ReportXlsxOptions): Promise<Uint8Array> {
  // Texts from the logs (a name written with "\x01" in quotes) as a workbook's XML may hold them.
  const model = xmlSafeData(given);
  const lang = model.lang as Lang;
  const date = new Date(`${model.asOf}T00:00:00Z`);
  // exceljs is large: loaded only when a workbook is written, so that other commands start fast.
  const { default: excel } = await import('exceljs');
  // The streaming writer commits each row as it is written, so that a year of a thousand branches
  // does not hold a million cell objects in memory.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => sink.on('end', resolve).on('error', reject));
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = `dangjian ${options.version}`;
  workbook.lastModifiedBy = `dangjian ${options.version}`;
  workbook.created = date;
  workbook.modified = date;
  workbook.title = message(lang, 'report.title', { period: model.period.label });
  summarySheet(workbook, model, lang);
  detailSheet(workbook, model, lang);
  const style = { font: FONT, headerFill: RED, border: BORDER };
  meetingsSheet(workbook, model, lang, style);
  absencesSheet(workbook, model, lang, style);
  uncountedSheet(workbook, model, lang);
  const problems = problemRows(model.recordProblems);
  if (problems.length === 0) problems.push([message(lang, 'report.recordProblemsNone')]);
  const problemHeaders = ['report.file', 'report.line', 'report.columnNo', 'report.rule', 'report.note'].map((id) => message(lang, id));
  listSheet(workbook, message(lang, 'report.sheet.recordProblems'), problemHeaders, problems, style, { maxWidths: [60, 8, 8, 18, 80] });
  await workbook.commit();
  await finished;
  return fixZipDates(new Uint8Array(Buffer.concat(chunks)), date);
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/** Narrow page margins (inches), so that more columns fit on a page. */
const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

function summarySheet(workbook: Writer, model: ReportModel, lang: Lang): void {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const sheet = workbook.addWorksheet(t('report.sheet.summary'), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3, showGridLines: false }],
    // Printed at a readable size over as many A4 pages as it takes, each with the parent and branch
    // columns and the two header rows (fitted to one page wide, 51 columns were 2 pt type).
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 85, printTitlesRow: '2:3', printTitlesColumn: 'A:B', margins: PRINT_MARGINS },
  });
  const subColumns = model.columns.map((c) => c.periods.length);
  const first = 3;
  const starts: number[] = [];
  let next = first;
  for (const count of subColumns) {
    starts.push(next);
    next += count;
  }
  const rateColumn = next;
  const missingColumn = next + 1;
  const attendanceColumn = next + 2;
  const last = attendanceColumn;

  // Column widths first: the streaming writer writes them before the first row.
  const branches = model.groups.flatMap((g) => g.branches);
  sheet.getColumn(1).width = fit([t('report.parent'), ...model.groups.map((g) => g.label)], 10, 30);
  sheet.getColumn(2).width = fit([t('report.branch'), ...branches.map((b) => b.name + t('report.paren', { text: '?' }))], 12, 36);
  model.columns.forEach((column, i) => {
    for (let j = 0; j < subColumns[i]; j++) {
      const texts = branches.map((b) => markText(b.cells[i].marks[j], lang));
      const share = Math.ceil((displayWidth(column.name) + 2) / subColumns[i]);
      sheet.getColumn(starts[i] + j).width = fit([column.periods[j].label, ...texts, '100.0%'], Math.max(8, share), 16);
    }
  });
  sheet.getColumn(rateColumn).width = fit([t('report.rate'), '100.0%'], 9, 12);
  sheet.getColumn(attendanceColumn).width = fit([t('report.attendance'), '100.0%'], 9, 12);
  sheet.getColumn(missingColumn).width = fit([t('report.missingCount')], 8, 14);

  // Row 1: the title; rows 2 and 3: requirement names over their periods.
  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = `${t('report.title', { period: model.period.label })}    ${subtitle(model)}`;
  title.font = { name: FONT, size: 16, bold: true, color: { argb: RED } };
  title.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const header = (row: number, column: number, text: string, rows = 1, columns = 1) => {
    if (rows > 1 || columns > 1) sheet.mergeCells(row, column, row + rows - 1, column + columns - 1);
    const cell = sheet.getCell(row, column);
    cell.value = text;
    cell.font = { name: FONT, bold: true, color: { argb: 'FF5B1A1D' } };
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let r = row; r < row + rows; r++) for (let c = column; c < column + columns; c++) sheet.getCell(r, c).border = BORDER;
  };
  header(2, 1, t('report.parent'), 2);
  header(2, 2, t('report.branch'), 2);
  model.columns.forEach((column, i) => {
    header(2, starts[i], column.name, 1, subColumns[i]);
    sheet.getCell(2, starts[i]).note = column.title;
    column.periods.forEach((p, j) => header(3, starts[i] + j, p.label));
  });
  header(2, rateColumn, t('report.rate'), 2);
  header(2, missingColumn, t('report.missingCount'), 2);
  header(2, attendanceColumn, t('report.attendance'), 2);
  sheet.getRow(2).height = 36;
  for (const n of [1, 2, 3]) sheet.getRow(n).commit();

  let row = 4;
  const styleRow = ({ fill, bold = false }: { fill?: string; bold?: boolean } = {}) => {
    for (let c = 1; c <= last; c++) {
      const cell = sheet.getCell(row, c);
      cell.border = BORDER;
      cell.font = { name: FONT, bold, ...(cell.font?.color ? { color: cell.font.color } : {}) };
      if (fill && !cell.fill) cell.fill = solid(fill);
    }
  };
  const rateCell = (column: number, tally: Tally, { bold = false }: { bold?: boolean } = {}) => {
    const cell = sheet.getCell(row, column);
    cell.value = rateValue(tally);
    cell.numFmt = '0.0%';
    cell.alignment = { horizontal: 'center' };
    cell.font = { name: FONT, bold };
  };
  const attendanceCell = (attendance: AttendanceTally, bold = false) => {
    const cell = sheet.getCell(row, attendanceColumn);
    cell.value = attendance.rate ?? '–';
    cell.numFmt = '0.0%';
    cell.alignment = { horizontal: 'center' };
    cell.font = { name: FONT, bold };
  };
  const totals = (label: string, parent: string, tallies: Tally[], tally: Tally, attendance: AttendanceTally, fill: string) => {
    sheet.getCell(row, 1).value = parent;
    sheet.getCell(row, 2).value = label;
    model.columns.forEach((_, i) => {
      if (subColumns[i] > 1) sheet.mergeCells(row, starts[i], row, starts[i] + subColumns[i] - 1);
      sheet.getCell(row, starts[i]).fill = solid(fill);
      rateCell(starts[i], tallies[i]);
    });
    sheet.getCell(row, missingColumn).value = tally.missing + tally.problem;
    for (let c = 1; c <= last; c++) sheet.getCell(row, c).fill = solid(fill);
    styleRow({ fill, bold: true });
    rateCell(rateColumn, tally, { bold: true });
    model.columns.forEach((_, i) => rateCell(starts[i], tallies[i], { bold: true }));
    attendanceCell(attendance, true);
    sheet.getCell(row, missingColumn).alignment = { horizontal: 'center' };
    sheet.getRow(row).commit();
    row++;
  };
  for (const group of model.groups) {
    for (const branch of group.branches) {
      sheet.getCell(row, 1).value = branch.parent ?? '';
      sheet.getCell(row, 2).value = branch.incomplete ? branch.name + t('report.paren', { text: '?' }) : branch.name;
      branch.cells.forEach((cell, i) => {
        cell.marks.forEach((mark, j) => {
          const target = sheet.getCell(row, starts[i] + j);
          target.value = markText(mark, lang);
          target.fill = solid(STATE_STYLE[mark.state].fill);
          target.font = { name: FONT, color: { argb: STATE_STYLE[mark.state].font } };
          target.alignment = { horizontal: 'center', vertical: 'middle' };
        });
      });
      sheet.getCell(row, missingColumn).value = branch.tally.missing + branch.tally.problem;
      sheet.getCell(row, missingColumn).alignment = { horizontal: 'center' };
      styleRow();
      rateCell(rateColumn, branch.tally);
      attendanceCell(branch.attendance);
      sheet.getRow(row).commit();
      row++;
    }
    totals(t('report.subtotal'), group.label, group.subtotal.cells, group.subtotal.tally, group.subtotal.attendance, SUBTOTAL_FILL);
  }
  totals(t('report.total'), '', model.total.cells, model.total.tally, model.total.attendance, TOTAL_FILL);

  // The legend: each state in its colour, then how rates are computed.
  row++;
  sheet.getCell(row, 1).value = t('report.legend');
  sheet.getCell(row, 1).font = { name: FONT, bold: true };
  MARK_STATES.forEach((state, i) => {
    const cell = sheet.getCell(row, 2 + i);
    cell.value = stateLabel(state, lang);
    cell.fill = solid(STATE_STYLE[state].fill);
    cell.font = { name: FONT, color: { argb: STATE_STYLE[state].font } };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
    cell.note = message(lang, `report.stateHelp.${state}`);
  });
  for (const note of [t('report.cellsHelp'), t('report.rateHelp')]) {
    row++;
    sheet.getCell(row, 1).value = note + t('report.stop').trim();
    sheet.getCell(row, 1).font = { name: FONT, color: { argb: 'FF677384' } };
  }
  sheet.commit();

}

function detailSheet(workbook: Writer, model: ReportModel, lang: Lang): void {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const sheet = workbook.addWorksheet(t('report.sheet.detail'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const headers = [
    t('report.parent'),
    t('report.branchId'),
    t('report.branch'),
    t('report.requirement'),
    t('report.periodColumn'),
    t('report.state'),
    t('report.date'),
    t('report.content'),
    t('report.location'),
    t('report.note'),
    t('report.host'),
    t('report.recorder'),
    t('report.expected1'),
    t('report.present1'),
    t('report.leave'),
    t('report.absent'),
    t('report.resolution'),
  ];
  const rows: { values: string[]; state: MarkState }[] = [];
  for (const group of model.groups) {
    for (const branch of group.branches) {
      branch.cells.forEach((cell, i) => {
        const column = model.columns[i];
        for (const mark of cell.marks) {
          const base = [branch.parent ?? '', branch.id, branch.name, column.title, periodLabel(mark.period, lang)];
          for (const activity of mark.activities) {
            const state: MarkState = activity.late ? 'late' : 'done';
            const title = activity.title ?? '';
            rows.push({
              state,
              values: [
                ...base,
                stateLabel(state, lang),
                activity.date,
                title,
                `${activity.file}:${activity.line}`,
                activity.group ?? '',
                activity.host ?? '',
                activity.recorder ?? '',
                ...[activity.expected, activity.present, activity.leave, activity.absent].map((n) => (n === undefined ? '' : String(n))),
                activity.resolution ?? '',
              ],
            });
          }
          if (mark.state === 'missing' || mark.state === 'problem' || mark.state === 'waived') {
            for (const finding of mark.findings) {
              const note = finding.waived ? t('report.waivedBy', { ...finding.waived }) : '';
              const state: MarkState = finding.waived ? 'waived' : mark.state === 'problem' ? 'problem' : 'missing';
              rows.push({
                state,
                values: [...base, stateLabel(state, lang), '', finding.message, `${finding.file}:${finding.line}`, note],
              });
            }
          } else if (mark.state === 'not-counted') {
            rows.push({ state: mark.state, values: [...base, stateLabel(mark.state, lang), '', t('report.stateHelp.not-counted'), '', ''] });
          }
        }
      });
    }
  }
  const maxima = [24, 18, 30, 40, 14, 10, 12, 60, 48, 40, 12, 12, 6, 6, 6, 6, 40];
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = fit([h, ...rows.map((r) => r.values[i] ?? '')], 8, maxima[i]);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const head = sheet.addRow(headers);
  head.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = solid(RED);
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
  });
  head.height = 22;
  head.commit();
  for (const { values, state } of rows) {
    const added = sheet.addRow(values);
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    const stateCell = added.getCell(6);
    stateCell.fill = solid(STATE_STYLE[state].fill);
    stateCell.font = { name: FONT, color: { argb: STATE_STYLE[state].font } };
    stateCell.alignment = { horizontal: 'center', vertical: 'top' };
    added.commit();
  }
  sheet.commit();
}

function uncountedSheet(workbook: Writer, model: ReportModel, lang: Lang): void {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const sheet = workbook.addWorksheet(t('report.sheet.uncounted'), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const headers = [t('report.file'), t('report.line'), t('report.columnNo'), t('report.rule'), t('report.note')];
  const rows = model.uncounted.flatMap((file) => file.problems.map((p) => [file.file, p.line, p.column, p.ruleId, p.message] as (string | number)[]));
  if (rows.length === 0) rows.push([t('report.uncountedNone')]);
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = fit([h, ...rows.map((r) => String(r[i] ?? ''))], 6, [60, 8, 8, 18, 80][i]);
  });
  const head = sheet.addRow(headers);
  head.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = solid(RED);
    cell.border = BORDER;
  });
  head.commit();
  for (const values of rows) {
    const added = sheet.addRow(values);
    added.eachCell((cell) => {
      cell.font = { name: FONT };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    added.commit();
  }
  sheet.commit();
}
