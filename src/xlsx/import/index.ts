/**
 * `import`: a workbook (the template's, or a 台账 of any layout) or a CSV file into one v1 log.
 * Every row of every sheet read is accounted for: an item of the log, or a line saying why not.
 */
import { maskPersonalData } from '../../privacy.js';
import type { ActivityType } from '../../model/activity-types.js';
import type { Lang } from '../../types.js';
import { readWorkbook, type Row, type Sheet, type Workbook } from '../read.js';
import { isTemplateWorkbook } from '../template-read.js';
import { cellText } from '../values.js';
import { branchFromSheet, mergeBranch, REQUIRED_BRANCH, type BranchOptions } from './branch.js';
import { csvWorkbook, decodeCsv } from './csv.js';
import { findHeader, titleFacts, type Header } from './headers.js';
import { readRow, type CellProblem } from './rows.js';
import { importTemplate, rejectInvalid, type Validator } from './template.js';
import { TypeMatcher } from './types.js';
import { listText } from '../../i18n/index.js';
import type { MessageParams } from '../../types.js';

type Json = Record<string, unknown>;

export interface ImportSettings extends BranchOptions {
  year?: number;
  sheet?: string;
  types: ActivityType[];
  validator: Validator;
  lang: Lang;
}

export interface RowAccount {
  sheet: string;
  row: number;
}
export interface Rejected extends RowAccount {
  problems: CellProblem[];
}
export interface Skipped extends RowAccount {
  reason: 'blank' | 'subtotal' | 'note';
}
export interface Note {
  messageId: string;
  params?: MessageParams;
}

export interface ImportResult {
  log: Json;
  /** `活动!12` for each activity of the log. */
  sources: string[];
  /** Required header fields not found. */
  missing: string[];
  rejected: Rejected[];
  skipped: Skipped[];
  notes: Note[];
  /** The (last) header row of each sheet read, where the error workbook puts its column's title. */
  headerRows: Record<string, number>;
  workbook: Workbook;
  csvEncoding?: string;
}

export const IMPORT_LIMITS = { rows: 100_000, columns: 256 };

/** Reads the file's bytes into a workbook; a CSV by its name. Throws ZipError for what is no workbook. */
export function importWorkbook(bytes: Buffer, name: string): { workbook: Workbook; encoding?: string } {
  if (/\.(csv|txt)$/i.test(name)) {
    const decoded = decodeCsv(bytes);
    const sheet = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    return { workbook: csvWorkbook(decoded.text, sheet, IMPORT_LIMITS.rows), encoding: decoded.encoding };
  }
  return { workbook: readWorkbook(bytes, IMPORT_LIMITS) };
}

export function importLog(workbook: Workbook, settings: ImportSettings): Omit<ImportResult, 'workbook'> {
  const notes: Note[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) notes.push({ messageId: 'import.note.hiddenSheet', params: { sheet: sheet.name } });
    if (sheet.truncatedRows) notes.push({ messageId: 'import.note.truncatedRows', params: { sheet: sheet.name, count: sheet.truncatedRows, limit: IMPORT_LIMITS.rows } });
    if (sheet.truncatedColumns) notes.push({ messageId: 'import.note.truncatedColumns', params: { sheet: sheet.name, limit: IMPORT_LIMITS.columns } });
  }
  if (workbook.macros) notes.push({ messageId: 'import.note.macros' });
  if (!settings.sheet && isTemplateWorkbook(workbook)) {
    const result = importTemplate(workbook, settings);
    return { ...result, notes: [...notes, ...result.notes] };
  }
  const result = importAnyLayout(workbook, settings, notes);
  return result;
}

function importAnyLayout(workbook: Workbook, settings: ImportSettings, notes: Note[]): Omit<ImportResult, 'workbook'> {
  const types = new TypeMatcher(settings.types);
  const tables: { sheet: Sheet; header: Header }[] = [];
  const infos: Json[] = [];
  for (const sheet of workbook.sheets) {
    if (settings.sheet && sheet.name !== settings.sheet) continue;
    const header = findHeader(sheet, workbook.date1904);
    if (header) tables.push({ sheet, header });
    else {
      infos.push(branchFromSheet(sheet, workbook.date1904));
      if (sheet.rows.length) notes.push({ messageId: 'import.note.noHeader', params: { sheet: sheet.name } });
    }
  }
  if (settings.sheet && !workbook.sheets.some((s) => s.name === settings.sheet)) {
    notes.push({ messageId: 'import.note.noSuchSheet', params: { sheet: settings.sheet, sheets: listText(workbook.sheets.map((s) => s.name)) } });
  }
  const title = titleFacts(tables.flatMap((t) => t.header.above));
  const aboveInfo = tables.map((t) => branchFromSheet({ ...t.sheet, rows: t.sheet.rows.filter((r) => r.index < t.header.row) }, workbook.date1904));
  const branch = mergeBranch(settings, ...infos, ...aboveInfo, title.name ? { name: title.name } : {});
  const year = settings.year ?? title.year;
  const activities: Json[] = [];
  const fields: Map<string, number>[] = [];
  const sources: RowAccount[] = [];
  const rejected: Rejected[] = [];
  const skipped: Skipped[] = [];
  const headerRows: Record<string, number> = {};
  for (const { sheet, header } of tables) {
    headerRows[sheet.name] = header.lastRow;
    describeColumns(sheet, header, notes);
    const hiddenRows: number[] = [];
    for (const row of sheet.rows) {
      if (row.index <= header.lastRow) continue;
      if (row.hidden) hiddenRows.push(row.index);
      const kind = rowKind(row, workbook.date1904);
      if (kind) {
        skipped.push({ sheet: sheet.name, row: row.index, reason: kind });
        continue;
      }
      const read = readRow(filledCells(sheet, row), header.columns, { date1904: workbook.date1904, year, types });
      if (read.problems.length && isNoteRow(row, workbook.date1904, read.fields.size)) skipped.push({ sheet: sheet.name, row: row.index, reason: 'note' });
      else if (read.problems.length) rejected.push({ sheet: sheet.name, row: row.index, problems: read.problems });
      else {
        activities.push(read.activity);
        fields.push(read.fields);
        sources.push({ sheet: sheet.name, row: row.index });
      }
    }
    if (hiddenRows.length) notes.push({ messageId: 'import.note.hiddenRows', params: { sheet: sheet.name, rows: rowList(hiddenRows) } });
  }
  if (!tables.length) notes.push({ messageId: 'import.note.noTable' });
  const kept = rejectInvalid(activities, fields, sources, rejected, settings.validator);
  const log: Json = { version: 1, branch, ...(kept.activities.length ? { activities: kept.activities } : {}) };
  return { log, sources: kept.sources.map((s) => maskPersonalData(`${s.sheet}!${s.row}`)), missing: REQUIRED_BRANCH.filter((k) => branch[k] === undefined), rejected: sortRows(rejected, workbook), skipped, notes, headerRows };
}

/** A row's cells with vertically merged cells (a date over several rows) filled from the top. */
function filledCells(sheet: Sheet, row: Row): Row['cells'] {
  const merged = sheet.merges.filter((m) => m.top < row.index && m.bottom >= row.index && m.left === m.right);
  if (!merged.length) return row.cells;
  const cells = [...row.cells];
  for (const range of merged) {
    const top = sheet.rows.find((r) => r.index === range.top);
    if (top?.cells[range.left] && !cells[range.left]) cells[range.left] = top.cells[range.left];
  }
  return cells;
}

function rowKind(row: Row, date1904: boolean): Skipped['reason'] | undefined {
  const texts = row.cells.map((c) => cellText(c, date1904)).filter(Boolean);
  if (!texts.length) return 'blank';
  if (texts.some((t) => /^(合\s*计|小\s*计|总\s*计|共\s*计|累\s*计)/.test(t))) return 'subtotal';
  return undefined;
}

/** A line of text under the table (制表人：…, 注：…): one filled cell, nothing of an activity in it. */
function isNoteRow(row: Row, date1904: boolean, fieldsRead: number): boolean {
  return row.cells.filter((c) => cellText(c, date1904) !== '').length === 1 && fieldsRead <= 1;
}

function describeColumns(sheet: Sheet, header: Header, notes: Note[]): void {
  const unknown = header.columns.filter((c) => !c.field && c.label).map((c) => c.label);
  if (unknown.length) notes.push({ messageId: 'import.note.unknownColumns', params: { sheet: sheet.name, columns: listText(unknown) } });
  const kept = header.columns.filter((c) => c.field === 'note').map((c) => c.label);
  if (kept.length) notes.push({ messageId: 'import.note.remarks', params: { sheet: sheet.name, columns: listText(kept) } });
  const found = header.columns.filter((c) => c.field && c.field !== 'note' && c.field !== 'index').map((c) => c.label);
  notes.push({ messageId: 'import.note.header', params: { sheet: sheet.name, row: header.row === header.lastRow ? String(header.row) : `${header.row}–${header.lastRow}`, columns: listText(found) } });
}

export function rowList(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return parts.join(', ');
}

/** Rows in the workbook's order of sheets, then by row. */
export function sortRows<T extends RowAccount>(rows: T[], workbook: Workbook): T[] {
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  return rows.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
}
