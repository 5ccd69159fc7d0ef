/** Writes a workbook to a file, never over an existing one unless asked to. */
import { existsSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { UsageError } from '../options.js';

export function refuseOverwrite(absolute: string, display: string, force: boolean): void {
  if (!force && existsSync(absolute)) throw new UsageError('xlsx.exists', { file: display });
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, absolute: string, display: string, force: boolean): Promise<void> {
  refuseOverwrite(absolute, display, force);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  writeBytes(absolute, display, bytes, force);
}

export function writeBytes(absolute: string, display: string, bytes: Buffer | string, force: boolean): void {
  try {
    writeFileSync(absolute, bytes, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EEXIST') throw new UsageError('xlsx.exists', { file: display });
    throw new UsageError('xlsx.cannotWrite', { file: display, code });
  }
}
