/** `dangjian export`: a YAML log as a workbook in the template's layout. */
import path from 'node:path';
import { loadFile } from '../load/index.js';
import { BUILTIN_TYPES } from '../model/activity-types.js';
import { message } from '../i18n/index.js';
import { UsageError } from '../options.js';
import type { Lang } from '../types.js';
import { templateWorkbook } from '../xlsx/template-write.js';
import { refuseInput, refuseNotXlsx, refuseOverwrite, writeWorkbookFile } from '../xlsx/write-file.js';
import { xlsxText } from '../xlsx/text.js';
import { outputText } from '../privacy.js';
import type { Io } from './io.js';

export interface ExportOptions {
  output?: string;
  force?: boolean;
}

export async function exportCommand(input: string, options: ExportOptions, lang: Lang, io: Io): Promise<number> {
  const t = xlsxText(lang);
  if (!options.output) throw new UsageError('export.noOutput');
  refuseNotXlsx(options.output, 'export.notXlsx');
  const absolute = path.resolve(io.cwd, input);
  const target = path.resolve(io.cwd, options.output);
  refuseInput(target, options.output, { absolute, display: input });
  refuseOverwrite(target, options.output, options.force ?? false);
  const loaded = loadFile({ absolute, display: input }, 16 * 1024 * 1024);
  const problem = loaded.problems[0];
  if (problem) {
    const detail = message(lang, problem.messageId, problem.params);
    throw new UsageError('export.unreadable', { file: input, line: problem.location.line, column: problem.location.column, detail });
  }
  const value = loaded.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('export.notLog', { file: input });
  const workbook = await templateWorkbook(lang, BUILTIN_TYPES.map((type) => type.name), value as Record<string, unknown>);
  await writeWorkbookFile(workbook, target, options.output, options.force ?? false);
  io.stdout.write(`${outputText(t('xlsx.wrote', { file: options.output }))}\n`);
  return 0;
}
