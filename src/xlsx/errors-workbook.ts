/**
 * The annotated copy of an imported workbook: every rejected cell filled red with a note saying
 * what is wrong, and an error column on each rejected row, in the user's language. A CSV file gets
 * a workbook of its rows, annotated the same way.
 */
import type ExcelJS from 'exceljs';
import { message } from '../i18n/index.js';
import { maskPersonalData } from '../privacy.js';
import type { Lang } from '../types.js';
import type { Rejected } from './import/index.js';
import type { Workbook } from './read.js';
import { newWorkbook } from './template-write.js';
import { cellText } from './values.js';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF8080' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' }, bold: true };

/** The original workbook (xlsx bytes), or a new one holding the rows read from a CSV file. */
async function baseWorkbook(original: Buffer | undefined, read: Workbook): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  if (original) {
    await workbook.xlsx.load(original as unknown as ArrayBuffer);
    return workbook;
  }
  for (const sheet of read.sheets) {
    const target = workbook.addWorksheet(sheet.name.slice(0, 31) || 'Sheet1');
    for (const row of sheet.rows) row.cells.forEach((cell, col) => cell && (target.getCell(row.index, col).value = cellText(cell)));
    target.columns.forEach((column) => (column.width = 16));
  }
  return workbook;
}

/** A cell's text, whatever kind of value it holds (undefined for an empty cell or a date). */
function valueText(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && (typeof value.result === 'string' || typeof value.result === 'number')) return String(value.result);
  }
  return undefined;
}

/** The copy never repeats a personal number in full: every cell that holds one keeps it masked. */
function maskPersonalNumbers(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const text = valueText(cell.value);
        // Only a cell that holds a number is rewritten (one of a number split over lines too).
        const masked = text === undefined ? undefined : maskPersonalData(text);
        if (masked !== text) cell.value = masked!;
      }),
    ),
  );
}

/**
 * Sets a cell's style properties on a style of its own: exceljs shares one style object between
 * the cells of a loaded workbook that have the same style, so changing it in place would change
 * them all (a workbook saved by LibreOffice or WPS would turn red wherever that style is used).
 */
function restyle(cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...style };
}

export async function errorsWorkbook(original: Buffer | undefined, read: Workbook, rejected: Rejected[], headerRows: Record<string, number>, lang: Lang): Promise<ExcelJS.Workbook> {
  const workbook = await baseWorkbook(original, read);
  maskPersonalNumbers(workbook);
  const bySheet = new Map<string, Rejected[]>();
  for (const row of rejected) bySheet.set(row.sheet, [...(bySheet.get(row.sheet) ?? []), row]);
  for (const [name, rows] of bySheet) {
    const sheet = workbook.getWorksheet(name.slice(0, 31)) ?? workbook.getWorksheet(name);
    if (!sheet) continue;
    const errorColumn = Math.max(sheet.columnCount, ...rows.flatMap((r) => r.problems.map((p) => p.col))) + 1;
    // Printed, the error column stays on the page of its row.
    sheet.pageSetup = { ...sheet.pageSetup, orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    const header = sheet.getCell(headerRows[name] ?? 1, errorColumn);
    header.value = message(lang, 'import.errors.column');
    restyle(header, { font: ERROR_FONT });
    sheet.getColumn(errorColumn).width = 50;
    for (const row of rows) {
      const texts: string[] = [];
      for (const problem of row.problems) {
        const text = message(lang, problem.messageId, problem.params ?? {});
        const cell = sheet.getCell(row.row, problem.col);
        restyle(cell, { fill: RED });
        const before = typeof cell.note === 'string' ? `${cell.note}\n` : '';
        cell.note = `${before}${text}`;
        texts.push(text);
      }
      const cell = sheet.getCell(row.row, errorColumn);
      cell.value = texts.join('\n');
      restyle(cell, { font: { color: { argb: 'FFC00000' } }, alignment: { wrapText: true, vertical: 'top' } });
    }
  }
  // Last, as rejected rows name their sheets as they were.
  maskOutsideCells(workbook);
  return workbook;
}

/** The workbook's other texts, masked like its cells: notes, sheet names and document properties. */
function maskOutsideCells(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    // A sheet's name may hold no *: the full-width one stands for it.
    const name = maskPersonalData(sheet.name);
    if (name !== sheet.name) sheet.name = name.replace(/\*/g, '\uff0a');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        if (typeof note === 'string') cell.note = maskPersonalData(note);
        else if (note?.texts) cell.note = { ...note, texts: note.texts.map((run) => ({ ...run, text: maskPersonalData(run.text) })) } as ExcelJS.Comment;
      }),
    );
  });
  const properties = workbook as unknown as Record<string, unknown>;
  for (const key of ['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'category', 'description', 'company', 'manager']) {
    if (typeof properties[key] === 'string') properties[key] = maskPersonalData(properties[key] as string);
  }
}
