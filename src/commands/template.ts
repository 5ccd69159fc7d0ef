/** `dangjian template`: the Excel template of a log, in the chosen language. */
import path from 'node:path';
import { BUILTIN_TYPES } from '../model/activity-types.js';
import type { Lang } from '../types.js';
import { templateWorkbook } from '../xlsx/template-write.js';
import { refuseNotXlsx, writeWorkbookFile } from '../xlsx/write-file.js';
import { xlsxText } from '../xlsx/text.js';
import { outputText } from '../privacy.js';
import type { Io } from './io.js';

export interface TemplateOptions {
  output?: string;
  force?: boolean;
}

export async function templateCommand(options: TemplateOptions, lang: Lang, io: Io): Promise<number> {
  const t = xlsxText(lang);
  const file = options.output ?? (lang === 'en' ? 'template.xlsx' : '台账模板.xlsx');
  refuseNotXlsx(file, 'template.notXlsx');
  const workbook = await templateWorkbook(lang, BUILTIN_TYPES.map((type) => type.name));
  await writeWorkbookFile(workbook, path.resolve(io.cwd, file), file, options.force ?? false);
  io.stdout.write(`${outputText(t('xlsx.wrote', { file }))}\n${outputText(t('template.next', { file }))}\n`);
  return 0;
}
