/**
 * The annotated copy of an imported workbook: every rejected cell filled red with a note saying
 * what is wrong, and an error column on each rejected row, in the user's language. A CSV file gets
 * a workbook of its rows, annotated the same way.
 */
import type ExcelJS from 'exceljs';
import { message } from '../i18n/index.js';
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

export async function errorsWorkbook(original: Buffer | undefined, read: Workbook, rejected: Rejected[], headerRows: Record<string, number>, lang: Lang): Promise<ExcelJS.Workbook> {
  const workbook = await baseWorkbook(original, read);
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
    header.font = ERROR_FONT;
    sheet.getColumn(errorColumn).width = 50;
    for (const row of rows) {
      const texts: string[] = [];
      for (const problem of row.problems) {
        const text = message(lang, problem.messageId, problem.params ?? {});
        const cell = sheet.getCell(row.row, problem.col);
        cell.fill = RED;
        const before = typeof cell.note === 'string' ? `${cell.note}\n` : '';
        cell.note = `${before}${text}`;
        texts.push(text);
      }
      const cell = sheet.getCell(row.row, errorColumn);
      cell.value = texts.join('\n');
      cell.font = { color: { argb: 'FFC00000' } };
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return workbook;
}
