/** Writes a workbook to a file, never over an existing one unless asked to. */
import { existsSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UsageError } from '../options.js';
import { writeFileAtomic } from '../write-file.js';
import { xmlSafeText } from './xml-safe.js';
import { fixZipDates } from './zip.js';

/** A workbook is written only under a name ending in .xlsx: Excel and WPS know it by that. */
export function refuseNotXlsx(file: string, messageId: string): void {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(messageId, { file });
}

/** A branch log written by import: only a name that `check` finds in a folder (.yaml or .yml). */
export function refuseNotYaml(file: string, messageId: string): void {
  if (!/\.ya?ml$/i.test(file)) throw new UsageError(messageId, { file });
}

export function refuseOverwrite(absolute: string, display: string, force: boolean): void {
  // A folder is never a workbook, --force or not.
  if (statOf(absolute)?.isDirectory()) throw new UsageError('xlsx.isFolder', { file: display });
  if (!force && existsSync(absolute)) throw new UsageError('xlsx.exists', { file: display });
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * Refuses to write over the file being read, by whatever name, symbolic or hard link reaches it
 * (device and file id), even with --force: that would replace the user's 台账 by the result.
 */
export function refuseInput(absolute: string, display: string, input: { absolute: string; display: string }): void {
  const target = statOf(absolute);
  const source = statOf(input.absolute);
  if (!target?.isFile() || !source) return;
  const same = target.dev === source.dev && target.ino === source.ino && (target.ino !== 0n || path.resolve(absolute) === path.resolve(input.absolute));
  if (same) throw new UsageError('xlsx.isInput', { file: display, input: input.display });
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, absolute: string, display: string, force: boolean): Promise<void> {
  refuseOverwrite(absolute, display, force);
  makeXmlSafe(workbook);
  // The zip library stamps each entry with the time of writing: the workbook's own date instead, so
  // that the same input gives the same bytes.
  const bytes = Buffer.from(fixZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()), workbook.modified ?? workbook.created));
  writeBytes(absolute, display, bytes, force);
}

/** Writes a file whole or not at all (a full disk keeps the old file); without `force`, never over one. */
export function writeBytes(absolute: string, display: string, bytes: Buffer | string, force: boolean): void {
  try {
    writeFileAtomic(absolute, absolute, bytes, force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EEXIST') throw new UsageError('xlsx.exists', { file: display });
    throw new UsageError('xlsx.cannotWrite', { file: display, code });
  }
}

/** Every text of the workbook's cells and notes as XML may hold it (see xmlSafeText), so that Excel opens it. */
function makeXmlSafe(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          const safe = xmlSafeText(value);
          if (safe !== value) cell.value = safe;
        } else if (value && typeof value === 'object' && 'richText' in value) {
          cell.value = { richText: value.richText.map((run) => ({ ...run, text: xmlSafeText(run.text) })) };
        }
        if (typeof cell.note === 'string') cell.note = xmlSafeText(cell.note);
      }),
    ),
  );
}
