/**
 * The Excel part of the benchmark: `check` of the 1,000-branch corpus as workbooks in the template's
 * layout against the same logs as YAML, and `import` of a 10,000-row 台账 of another layout. The
 * workbooks are written once, from the corpus, into bench/corpus/ (ignored by git).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';

const XLSX_VERSION = 1;

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : entry.name.endsWith('.yaml') ? [full] : [];
  });
}

/** Every YAML log of `from` exported to a workbook under `to` (same relative path, .xlsx). */
export async function workbookCorpus(root, from, to) {
  const stamp = path.join(to, '.complete');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${XLSX_VERSION}\n`) return yamlFiles(from).length;
  const { templateWorkbook } = await import(pathToFileURL(path.join(root, 'dist/xlsx/template-write.js')).href);
  const { BUILTIN_TYPES } = await import(pathToFileURL(path.join(root, 'dist/model/activity-types.js')).href);
  const names = BUILTIN_TYPES.map((t) => t.name);
  const files = yamlFiles(from);
  for (const file of files) {
    const log = YAML.parse(readFileSync(file, 'utf8'));
    const target = path.join(to, path.relative(from, file)).replace(/\.yaml$/, '.xlsx');
    mkdirSync(path.dirname(target), { recursive: true });
    const workbook = await templateWorkbook('zh-CN', names, log && typeof log === 'object' ? log : {});
    writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  }
  writeFileSync(stamp, `${XLSX_VERSION}\n`);
  return files.length;
}

const TYPES = ['支委会', '三会一课-党小组会', '主题党日暨党规党纪教育', '政治学习', '党课', '党员大会', '国防教育'];

/** A 台账 of another layout with `rows` activities: a title row, a two-row header, text and cell dates. */
export async function importWorkbook(root, file, rows) {
  if (existsSync(file)) return;
  const { default: ExcelJS } = await import(pathToFileURL(path.join(root, 'node_modules/exceljs/excel.js')).href);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('台账');
  sheet.addRow(['冶炼厂第一党支部2025年工作台账']).commit();
  sheet.addRow(['序号', '日期', '会议类型', '会议主题', '主持人', '人数', '', '参会人员']).commit();
  sheet.addRow(['', '', '', '', '', '应到', '实到', '']).commit();
  for (let i = 0; i < rows; i++) {
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    const date = i % 2 ? new Date(Date.UTC(2025, month - 1, day)) : `2025年${month}月${day}日`;
    sheet.addRow([i + 1, date, TYPES[i % TYPES.length], `第${i + 1}次活动`, '王书记', 23, 21, '参会：张三、李四；请假：王五（出差）；缺席：赵六']).commit();
  }
  await writer.commit();
}

/** Adds the Excel runs to the benchmark; returns the ratio rows, given the measured entries. */
export async function addXlsxJobs({ root, here, measure, NODE, BIN, window, dir1k, corpusDir1k }) {
  const xlsxDir = path.join(here, 'corpus', '1k-xlsx');
  const files = await workbookCorpus(root, corpusDir1k, xlsxDir);
  const importFile = path.join(here, 'corpus', 'import-10000.xlsx');
  await importWorkbook(root, importFile, 10_000);
  const out = path.join(here, 'corpus', 'import-10000.yaml');
  const checkXlsx = measure('check 1k as workbooks', NODE, [BIN, 'check', path.relative(root, xlsxDir), '--format', 'json', ...window], { note: `${files} workbooks` });
  const importJob = measure('import 10k rows', NODE, [BIN, 'import', path.relative(root, importFile), '-o', out, '--force', '--branch-id', 'bench', '--members', '23']);
  return (check1k) => [
    { name: 'check 1k workbooks / YAML', value: check1k && checkXlsx?.entry ? checkXlsx.entry.medianMs / check1k.medianMs : undefined, target: '<= 5', pass: (v) => v <= 5 },
    { name: 'import 10,000 rows: peak RSS MB', value: importJob?.entry?.peakRssMb, target: '< 300 MB', pass: (v) => v < 300 },
  ];
}
