/**
 * Writes a workbook in the template's layout: empty (`template`) or filled from a log (`export`).
 * Drop-downs for the types, the Party groups and the lecturer's role, date formats, a frozen header,
 * widths that fit Chinese text, and A4 landscape printing with the header repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { maskPersonalData } from '../privacy.js';
import type { Lang } from '../types.js';
import { ACTIVITY_SHEET, BRANCH_SHEET, GROUPS_COLUMN, GROUPS_LABEL, GUIDE_SHEET_NAME, MAX_GROUPS, ROLES, roleLabel, TABLE_SHEETS, type Column, type SheetLayout } from './layout.js';
import { columnLetter } from './read.js';
import { xlsxText } from './text.js';

/** Rows prepared with drop-downs and formats below the header. */
export const PREPARED_ROWS = 500;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC00000' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' }, name: '宋体', size: 11 };
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

type Json = Record<string, unknown>;

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'dangjian';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** A4 landscape; the activities (23 columns) over two pages' width, their date column repeated. */
function printSetup(sheet: ExcelJS.Worksheet, titleRow: boolean, pagesWide = 1): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRow ? { printTitlesRow: '1:1' } : {}),
    ...(pagesWide > 1 ? { printTitlesColumn: 'A:A' } : {}),
  };
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 22;
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/** exceljs keeps range validations here; its typings leave the property out. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Drop-downs and formats of a table sheet's columns, on the prepared rows. */
function prepareColumns(sheet: ExcelJS.Worksheet, layout: SheetLayout, lang: Lang, typeNames: string[], rows: number): void {
  layout.columns.forEach((column, index) => {
    const letter = columnLetter(index + 1);
    const range = `${letter}2:${letter}${rows}`;
    const list = (formulae: string[], strict: boolean, prompt: string) =>
      validations(sheet).add(range, {
        type: 'list',
        allowBlank: true,
        formulae,
        showErrorMessage: strict,
        showInputMessage: true,
        promptTitle: column.label[lang],
        prompt,
      });
    if (column.kind === 'date') sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    if (column.kind === 'types') list([`"${typeNames.join(',')}"`], false, column.help[lang]);
    if (column.kind === 'group') list([`'${BRANCH_SHEET.name[lang]}'!$${columnLetter(GROUPS_COLUMN)}$2:$${columnLetter(GROUPS_COLUMN)}$${MAX_GROUPS + 1}`], false, column.help[lang]);
    if (column.kind === 'role') list([`"${ROLES.map((r) => roleLabel(r.id, lang)).join(',')}"`], false, column.help[lang]);
    const wrap = column.kind === 'list' || column.kind === 'absentees' || column.kind === 'text';
    sheet.getColumn(index + 1).alignment = { vertical: 'top', ...(wrap ? { wrapText: true } : {}) };
  });
}

function tableSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, lang: Lang, typeNames: string[], items: Json[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.name[lang], { views: [{ state: 'frozen', ySplit: 1, xSplit: layout.id === 'activities' ? 1 : 0 }] });
  sheet.columns = layout.columns.map((column) => ({ header: column.label[lang], width: column.width }));
  styleHeader(sheet.getRow(1));
  layout.columns.forEach((column, index) => {
    sheet.getCell(1, index + 1).note = { texts: [{ text: column.help[lang] }] } as ExcelJS.Comment;
  });
  prepareColumns(sheet, layout, lang, typeNames, Math.max(PREPARED_ROWS, items.length + 1));
  items.forEach((item, i) => {
    layout.columns.forEach((column, index) => {
      const value = cellValueOf(item, column, lang);
      if (value !== undefined) sheet.getCell(i + 2, index + 1).value = value;
    });
  });
  printSetup(sheet, true, layout.id === 'activities' ? 2 : 1);
  return sheet;
}

function get(item: Json, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined), item);
}

/** A log value as the cell value of its column, with any personal number in it masked (no output repeats one). */
export function cellValueOf(item: Json, column: Column, lang: Lang): ExcelJS.CellValue | undefined {
  const value = plainCellValueOf(item, column, lang);
  return typeof value === 'string' ? maskPersonalData(value) : value;
}

function plainCellValueOf(item: Json, column: Column, lang: Lang): ExcelJS.CellValue | undefined {
  const value = get(item, column.key);
  if (value === undefined || value === null) return undefined;
  switch (column.kind) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : String(value);
    case 'types':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'list':
      return Array.isArray(value) ? value.join('\n') : String(value);
    case 'dates':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'absentees':
      return Array.isArray(value) ? value.map((a: Json) => (a.reason ? `${a.name}（${a.reason}）` : String(a.name))).join('、') : String(value);
    case 'role':
      return roleLabel(String(value), lang);
    case 'count':
    case 'year':
    case 'case-id':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

function branchSheet(workbook: ExcelJS.Workbook, lang: Lang, branch: Json): void {
  const sheet = workbook.addWorksheet(BRANCH_SHEET.name[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const t = xlsxText(lang);
  sheet.columns = [{ width: 14 }, { width: 30 }, { width: 44 }, { width: 22 }];
  sheet.getRow(1).values = [t('template.branch.field'), t('template.branch.value'), t('template.branch.help'), GROUPS_LABEL[lang]];
  styleHeader(sheet.getRow(1));
  BRANCH_SHEET.columns.forEach((column, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = column.label[lang];
    row.getCell(1).font = { bold: column.required ?? false };
    const value = cellValueOf(branch, column, lang);
    if (value !== undefined) row.getCell(2).value = value;
    if (column.kind === 'date') row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(3).value = column.help[lang];
    row.getCell(3).font = { color: { argb: 'FF808080' } };
  });
  const groups = Array.isArray(branch.groups) ? (branch.groups as string[]) : [];
  groups.forEach((group, i) => (sheet.getCell(i + 2, GROUPS_COLUMN).value = typeof group === 'string' ? maskPersonalData(group) : group));
  printSetup(sheet, false);
}

function guideSheet(workbook: ExcelJS.Workbook, lang: Lang): void {
  const t = xlsxText(lang);
  const sheet = workbook.addWorksheet(GUIDE_SHEET_NAME[lang]);
  sheet.columns = [{ width: 12 }, { width: 14 }, { width: 8 }, { width: 60 }, { width: 30 }];
  sheet.addRow([t('template.guide.title')]).font = { bold: true, size: 14 };
  for (const line of t('template.guide.intro').split('\n')) sheet.addRow([line]);
  sheet.addRow([]);
  styleHeader(sheet.addRow([t('template.guide.sheet'), t('template.guide.column'), t('template.guide.required'), t('template.guide.rule'), t('template.guide.example')]));
  for (const layout of [BRANCH_SHEET, ...TABLE_SHEETS]) {
    for (const column of layout.columns) {
      const row = sheet.addRow([layout.name[lang], column.label[lang], column.required ? t('template.guide.yes') : '', column.help[lang], column.example ?? '']);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.addRow([]);
  sheet.addRow([t('template.guide.exampleRow')]).font = { bold: true };
  styleHeader(sheet.addRow(ACTIVITY_SHEET.columns.map((c) => c.label[lang])));
  sheet.addRow(ACTIVITY_SHEET.columns.map((c) => (c.kind === 'date' && c.example ? new Date(`${c.example}T00:00:00Z`) : (c.example ?? ''))));
  sheet.lastRow!.getCell(1).numFmt = 'yyyy-mm-dd';
  printSetup(sheet, false);
}

/** The template's workbook, empty or filled from a log. */
export async function templateWorkbook(lang: Lang, typeNames: string[], log: Json = {}): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  branchSheet(workbook, lang, (log.branch as Json) ?? {});
  for (const layout of TABLE_SHEETS) tableSheet(workbook, layout, lang, typeNames, (log[layout.id] as Json[]) ?? []);
  guideSheet(workbook, lang);
  return workbook;
}
