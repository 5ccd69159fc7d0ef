/**
 * `dangjian import`: a 台账 workbook (any layout) or CSV file into one YAML log, a summary of what
 * was read and skipped, and with `--errors` an annotated copy of the workbook. Exit status 1 when a
 * row was rejected.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_TYPES } from '../model/activity-types.js';
import { UsageError } from '../options.js';
import { outputText } from '../privacy.js';
import { BranchLogValidator } from '../schema/validate.js';
import type { Lang } from '../types.js';
import { errorsWorkbook } from '../xlsx/errors-workbook.js';
import { importLog, importWorkbook, rowList, type ImportResult } from '../xlsx/import/index.js';
import { logYaml } from '../xlsx/import/yaml-out.js';
import { OTHER_SPREADSHEETS, workbookProblemId } from '../xlsx/load.js';
import { columnLetter } from '../xlsx/read.js';
import { BRANCH_SHEET } from '../xlsx/layout.js';
import { refuseInput, refuseNotXlsx, refuseNotYaml, refuseOverwrite, writeBytes, writeWorkbookFile } from '../xlsx/write-file.js';
import { xlsxText } from '../xlsx/text.js';
import type { Io } from './io.js';

export interface ImportOptions {
  output?: string;
  errors?: string;
  sheet?: string;
  branchId?: string;
  branchName?: string;
  members?: string;
  groups?: string;
  year?: string;
  force?: boolean;
}

const MAX_INPUT = 64 * 1024 * 1024;

function parsedOptions(options: ImportOptions) {
  // Digits only: Number() would take 1e2, 0x10 or 10.0 for a count or a year.
  const members = options.members === undefined ? undefined : /^\d{1,9}$/.test(options.members) ? Number(options.members) : NaN;
  if (members !== undefined && !(Number.isInteger(members) && members >= 1)) throw new UsageError('import.badMembers', { value: options.members! });
  const year = options.year === undefined ? undefined : /^\d{4}$/.test(options.year) ? Number(options.year) : NaN;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) throw new UsageError('import.badYear', { value: options.year! });
  if (options.branchId !== undefined && !/^\S{1,64}$/.test(options.branchId)) throw new UsageError('import.badBranchId', { value: options.branchId });
  const groups = options.groups?.split(/[,，、]/).map((g) => g.trim()).filter(Boolean);
  return { members, year, groups };
}

function readInput(input: string, io: Io): Buffer {
  const absolute = path.resolve(io.cwd, input);
  const lower = input.toLowerCase();
  const other = OTHER_SPREADSHEETS.find((ext) => lower.endsWith(ext));
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) throw new UsageError('import.notFile', { file: input });
    if (stat.size > MAX_INPUT) throw new UsageError('workbook.tooLarge', { file: input });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError('import.missing', { file: input });
  }
  const bytes = readFileSync(absolute);
  if (other && other !== '.xls') throw new UsageError(`workbook.${other.slice(1) === 'numbers' ? 'ods' : other.slice(1)}`, { file: input });
  return bytes;
}

export async function importCommand(input: string, options: ImportOptions, lang: Lang, io: Io): Promise<number> {
  const t = xlsxText(lang);
  const { members, year, groups } = parsedOptions(options);
  const output = options.output ?? input.replace(/\.[^./\\]*$/, '') + '.yaml';
  const target = path.resolve(io.cwd, output);
  const source = { absolute: path.resolve(io.cwd, input), display: input };
  refuseInput(target, output, source);
  refuseNotYaml(output, 'import.outputNotYaml');
  refuseOverwrite(target, output, options.force ?? false);
  if (options.errors) {
    refuseNotXlsx(options.errors, 'import.errorsNotXlsx');
    refuseInput(path.resolve(io.cwd, options.errors), options.errors, source);
    refuseOverwrite(path.resolve(io.cwd, options.errors), options.errors, options.force ?? false);
  }
  const bytes = readInput(input, io);
  let read;
  try {
    read = importWorkbook(bytes, input);
  } catch (error) {
    throw new UsageError(workbookProblemId(error, input), { file: input });
  }
  const validator = new BranchLogValidator(BUILTIN_TYPES.flatMap((type) => [type.id, type.name, ...type.aliases]));
  const result: ImportResult = {
    ...importLog(read.workbook, { ...options, members, year, groups, types: BUILTIN_TYPES, validator, lang }),
    workbook: read.workbook,
    ...(read.encoding ? { csvEncoding: read.encoding } : {}),
  };
  writeBytes(target, output, logYaml(result.log, result.sources, result.missing, lang, path.basename(input)), options.force ?? false);
  const lines = summary(result, lang, input, output);
  if (options.errors) {
    if (result.rejected.length) {
      const workbook = await errorsWorkbook(/\.(csv|txt)$/i.test(input) ? undefined : bytes, read.workbook, result.rejected, result.headerRows, lang);
      await writeWorkbookFile(workbook, path.resolve(io.cwd, options.errors), options.errors, options.force ?? false);
      lines.push(t('import.wroteErrors', { file: options.errors, count: result.rejected.length }));
    } else lines.push(t('import.noErrors', { file: options.errors }));
  }
  io.stdout.write(lines.map((line) => `${outputText(line)}\n`).join(''));
  return result.rejected.length ? 1 : 0;
}

function summary(result: ImportResult, lang: Lang, input: string, output: string): string[] {
  const t = xlsxText(lang);
  const lines: string[] = [];
  if (result.csvEncoding === 'gbk') lines.push(t('import.note.gbk', { file: input }));
  for (const note of result.notes) lines.push(t(note.messageId, note.params));
  const activities = Array.isArray(result.log.activities) ? result.log.activities.length : 0;
  const reasons = ['blank', 'subtotal', 'note'] as const;
  for (const reason of reasons) {
    const rows = result.skipped.filter((s) => s.reason === reason);
    const bySheet = new Map<string, number[]>();
    for (const row of rows) bySheet.set(row.sheet, [...(bySheet.get(row.sheet) ?? []), row.row]);
    for (const [sheet, list] of bySheet) lines.push(t(`import.skipped.${reason}`, { sheet, rows: rowList(list), count: list.length }));
  }
  for (const row of result.rejected) {
    const problems = row.problems.map((p) => `${columnLetter(p.col)}${row.row} ${t(p.messageId, p.params ?? {})}`).join('；');
    lines.push(t('import.rejectedRow', { sheet: row.sheet, row: row.row, problems }));
  }
  lines.push(t('import.summary', { file: input, activities, skipped: result.skipped.length, rejected: result.rejected.length, output }));
  const labels = result.missing.map((key) => BRANCH_SHEET.columns.find((c) => c.key === key)?.label[lang] ?? key);
  if (labels.length) lines.push(t('import.missingHeader', { fields: labels.join(lang === 'en' ? ', ' : '、'), output }));
  return lines;
}
