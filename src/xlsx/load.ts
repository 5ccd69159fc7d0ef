/**
 * A workbook in the template's layout, loaded like a YAML log: the same value for the schema and the
 * model, positions at sheet, row and column, and every problem as one finding. Nothing here imports
 * the loader, so the loader may import it.
 */
import type { Position, RawFinding } from '../types.js';
import { readWorkbook, ZipError } from './read.js';
import { isTemplateWorkbook, readTemplateWorkbook, type CellPosition } from './template-read.js';

export interface LoadedWorkbook {
  value?: Record<string, unknown>;
  positions?: Map<string, { key: Position; value: Position }>;
  /** The text of every text cell, with its position (for the personal-number check). */
  texts?: { text: string; position: CellPosition }[];
  problems: RawFinding[];
}

/** The names a workbook may have; an .xls, .et or .ods is told how to be saved as .xlsx. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];
export const OTHER_SPREADSHEETS = ['.xls', '.et', '.ods', '.numbers'];

export function isWorkbookName(name: string): boolean {
  const lower = name.toLowerCase();
  return WORKBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext)) || OTHER_SPREADSHEETS.some((ext) => lower.endsWith(ext));
}

/** The message of a workbook that cannot be read, by why. */
export function workbookProblemId(error: unknown, name: string): string {
  if (!(error instanceof ZipError)) return 'workbook.corrupt';
  const lower = name.toLowerCase();
  if (error.problem === 'cfb') return lower.endsWith('.et') ? 'workbook.et' : lower.endsWith('.xls') ? 'workbook.xls' : 'workbook.encrypted';
  if (error.problem === 'not-zip') {
    if (lower.endsWith('.et')) return 'workbook.et';
    if (lower.endsWith('.xls')) return 'workbook.xlsText';
    return 'workbook.notWorkbook';
  }
  if (error.problem === 'encrypted') return 'workbook.encrypted';
  if (error.problem === 'too-large' || error.problem === 'zip64') return 'workbook.tooLarge';
  return 'workbook.corrupt';
}

/** A branch's workbook has a few hundred rows: past these, it is no log (or should be split). */
export const CHECK_LIMITS = { rows: 20_000, columns: 64 };

export function loadWorkbookBytes(bytes: Buffer, display: string): LoadedWorkbook {
  const at = { file: display, line: 1, column: 1 };
  const problem = (messageId: string, params: Record<string, string> = {}): LoadedWorkbook => ({
    problems: [{ ruleId: 'workbook', location: at, messageId, params: { file: display, ...params } }],
  });
  if (display.toLowerCase().endsWith('.ods')) return problem('workbook.ods');
  let workbook;
  try {
    workbook = readWorkbook(bytes, CHECK_LIMITS);
  } catch (error) {
    return problem(workbookProblemId(error, display));
  }
  if (!isTemplateWorkbook(workbook)) return problem('workbook.notTemplate');
  const long = workbook.sheets.find((sheet) => sheet.truncatedRows > 0);
  if (long) return problem('workbook.tooManyRows', { sheet: long.name, limit: String(CHECK_LIMITS.rows) });
  const log = readTemplateWorkbook(workbook);
  return { value: log.value, positions: log.positions, texts: log.texts, problems: [] };
}
