/**
 * Plain list sheets of the report workbook: 会议出勤 (one row per meeting of the period that records
 * attendance), 党员缺勤 (one row per name among the absentees, whoever missed most first) and
 * 记录问题 (the findings about the records themselves).
 */
import type ExcelJS from 'exceljs';
import { message } from '../i18n/index.js';
import type { ReportModel, UncountedFile } from '../report/model.js';
import { displayWidth } from '../report/present.js';
import type { Lang } from '../types.js';

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Value = string | number | null;

export interface SheetStyle {
  font: string;
  headerFill: string;
  border: Partial<ExcelJS.Borders>;
}

/** A sheet of one header row and plain rows; `percent` marks the columns shown as 0.0%. */
export function listSheet(
  workbook: Writer,
  name: string,
  headers: string[],
  rows: Value[][],
  style: SheetStyle,
  options: { maxWidths: number[]; percent?: number[] },
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  headers.forEach((header, i) => {
    const widths = [header, ...rows.map((r) => (r[i] === null || r[i] === undefined ? '' : String(r[i])))].map((t) => displayWidth(t) + 2);
    sheet.getColumn(i + 1).width = Math.min(options.maxWidths[i] ?? 40, Math.max(6, ...widths));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const head = sheet.addRow(headers);
  head.eachCell((cell) => {
    cell.font = { name: style.font, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.headerFill } };
    cell.border = style.border;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  head.commit();
  for (const values of rows) {
    const added = sheet.addRow(values);
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: style.font };
      cell.border = style.border;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (options.percent?.includes(column - 1)) cell.numFmt = '0.0%';
    });
    added.commit();
  }
  sheet.commit();
}

/** 会议出勤: branch, date, type, title, 应到, 实到, 请假, 缺席, 出勤率, the absentees with their reasons. */
export function meetingsSheet(workbook: Writer, model: ReportModel, lang: Lang, style: SheetStyle): void {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const headers = ['report.branch', 'report.date', 'report.type', 'report.activityTitle', 'report.expected1', 'report.present1', 'report.leave', 'report.absent', 'report.attendance', 'report.absentees'].map((id) => t(id));
  const sep = t('report.listSep');
  const rows = model.meetings.map((m): Value[] => [
    m.branchName,
    m.date,
    m.type,
    m.title ?? '',
    m.expected ?? null,
    m.present ?? null,
    m.leave ?? null,
    m.absent ?? null,
    m.rate,
    m.absentees.map((a) => (a.reason ? `${a.name}${t('report.paren', { text: a.reason })}` : a.name)).join(sep),
  ]);
  if (rows.length === 0) rows.push([t('report.meetingsNone')]);
  listSheet(workbook, t('report.sheet.meetings'), headers, rows, style, { maxWidths: [30, 12, 20, 40, 8, 8, 8, 8, 10, 60], percent: [8] });
}

/** 党员缺勤: one row per name, times on leave and absent, by activity type; most missed first. */
export function absencesSheet(workbook: Writer, model: ReportModel, lang: Lang, style: SheetStyle): void {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const headers = ['report.branch', 'report.name', 'report.leaveTimes', 'report.absentTimes', 'report.unspecifiedTimes', 'report.totalTimes', 'report.byType'].map((id) => t(id));
  const sep = t('report.listSep');
  const rows = model.absences.map((a): Value[] => [
    a.branchName,
    a.name,
    a.leave,
    a.absent,
    a.unspecified,
    a.total,
    Object.entries(a.byType)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([type, n]) => `${type} ${n}`)
      .join(sep),
  ]);
  if (rows.length === 0) rows.push([t('report.absencesNone')]);
  listSheet(workbook, t('report.sheet.absences'), headers, rows, style, { maxWidths: [30, 16, 10, 10, 10, 10, 60] });
}

/** The problems of a list of files, one row each. */
export function problemRows(files: UncountedFile[]): Value[][] {
  return files.flatMap((file) => file.problems.map((p): Value[] => [file.file, p.line, p.column, p.ruleId, p.message]));
}
