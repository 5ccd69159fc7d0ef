/**
 * `dangjian report`: golden outputs in every format on a fixed fixture of five branches under two
 * parent committees and none (three Party groups, a make-up, a waiver, a pending month, a branch
 * established mid-quarter, a file with a schema error), the XLSX read back, and usage errors.
 *
 * Regenerate the golden files after an intended change: npm run update-goldens
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFile, UPDATING } from './golden.js';
import { EXPLICIT_RULES, header, ROOT, runMain, tempTree } from './helpers.js';

const FIXTURE = 'test/fixtures/report/logs';
const EXPECTED = path.join(ROOT, 'test/fixtures/report/expected');
const AS_OF = '2026-09-15';
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

async function report(format: string, extra: string[] = []) {
  return await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', format, FIXTURE, ...extra]);
}

/** Compares with a golden file (the version number kept out of it). */
function golden(name: string, actual: string): void {
  expectFile(path.join(EXPECTED, name), actual.split(`dangjian ${VERSION}`).join('dangjian <version>'));
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else if (text[i] === ',') {
      record.push(field), (field = ''), i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    } else {
      expect(text[i]).not.toMatch(/[\r\n"]/);
      field += text[i++];
    }
  }
  expect(field).toBe('');
  return records;
}

/** A workbook as text, for a golden file: per sheet its view and merges, per cell its value and fill. */
function dumpWorkbook(workbook: ExcelJS.Workbook): string {
  const out: string[] = [];
  for (const sheet of workbook.worksheets) {
    const view = sheet.views[0] as { state?: string; xSplit?: number; ySplit?: number };
    out.push(`# ${sheet.name} (${view.state} ${view.xSplit ?? 0},${view.ySplit ?? 0}) merges: ${(sheet.model.merges ?? []).join(' ')}`);
    out.push(`columns: ${sheet.columns.map((c) => c.width ?? '').join(' ')}`);
    sheet.eachRow((row, r) => {
      const cells: string[] = [];
      row.eachCell((cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        const value = typeof cell.value === 'number' && cell.numFmt ? `${cell.value} (${cell.numFmt})` : String(cell.value ?? '');
        cells.push(`${c}=${value}${fill && fill !== 'FFFFFFFF' ? ` [${fill}]` : ''}`);
      });
      out.push(`${r}: ${cells.join(' | ')}`);
    });
  }
  return `${out.join('\n')}\n`;
}

function width(line: string): number {
  let total = 0;
  for (const char of line) total += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return total;
}

describe('report golden files', () => {
  for (const [format, file] of [
    ['table', 'report.table.txt'],
    ['markdown', 'report.md'],
    ['csv', 'report.csv'],
    ['html', 'report.html'],
    ['json', 'report.json'],
  ] as const) {
    it(`--format ${format} matches ${file} and exits 1 for the file that could not be counted`, async () => {
      const result = await report(format);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      golden(file, result.stdout);
    });
  }

  it('--format table --lang en matches report.table.en.txt', async () => {
    const result = await report('table', ['--lang', 'en']);
    expect(result.status).toBe(1);
    golden('report.table.en.txt', result.stdout);
  });

  it.each([
    ['docs/guide/report.md', 'report.md', 'zh-CN'],
    ['docs/report.md', 'report.en.md', 'en'],
  ])('%s shows the real Markdown report of the fixture (%s)', async (page, file, lang) => {
    const SAMPLE = /(<!-- report-sample:start -->\n)([\s\S]*?)(\n<!-- report-sample:end -->)/;
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    if (UPDATING) {
      // The sample is the report's table and the legend under it.
      const lines = (await report('markdown', ['--lang', lang])).stdout.split('\n');
      const start = lines.findIndex((line) => line.startsWith('|'));
      const legend = lines.findIndex((line, i) => i > start && !line.startsWith('|')) + 1;
      writeFileSync(path.join(ROOT, page), text.replace(SAMPLE, (_all, open: string, _old: string, close: string) => `${open}${lines.slice(start, legend + 1).join('\n')}${close}`));
      return;
    }
    const sample = SAMPLE.exec(text)?.[2];
    expect(sample).toBeDefined();
    expect(readFileSync(path.join(EXPECTED, file), 'utf8')).toContain(`\n${sample}\n`);
  });

  it('--format markdown --lang en matches report.en.md', async () => {
    golden('report.en.md', (await report('markdown', ['--lang', 'en'])).stdout);
  });
});

describe('report model', () => {
  let model: ReturnType<typeof JSON.parse>;
  beforeAll(async () => {
    model = JSON.parse((await report('json')).stdout);
  });
  const row = (id: string) => model.groups.flatMap((g: { branches: { id: string }[] }) => g.branches).find((b: { id: string }) => b.id === id);
  const cell = (id: string, rule: string) => row(id).cells.find((c: { ruleId: string }) => c.ruleId === rule);
  const states = (id: string, rule: string) => cell(id, rule).marks.map((m: { state: string }) => m.state);

  it('groups branches under their parent, the branches without one last, with subtotals and a total', async () => {
    expect(model.groups.map((g: { label: string }) => g.label)).toEqual(['冶炼厂党委', '选矿厂党委', '未填写上级党组织']);
    expect(model.groups[0].branches.map((b: { id: string }) => b.id)).toEqual(['smelter-1', 'smelter-2']);
    expect(model.total.tally.counted).toBe(model.groups.reduce((sum: number, g: { subtotal: { tally: { counted: number } } }) => sum + g.subtotal.tally.counted, 0));
  });

  it('shows a make-up as late, a waived month as waived and the month in progress as pending', async () => {
    expect(states('smelter-1', 'political-study-monthly')).toEqual(['late', 'done', 'pending']);
    const discipline = cell('smelter-1', 'discipline-education-monthly').marks[1];
    expect(discipline.state).toBe('waived');
    expect(discipline.waiver).toEqual({ reason: '八月防汛抢险任务重，经党委批准顺延至九月', approvedBy: '冶炼厂党委' });
  });

  it('counts group meetings per Party group, with progress', async () => {
    const september = cell('smelter-1', 'group-meeting-monthly').marks[2];
    expect(september).toMatchObject({ state: 'pending', count: 2, required: 3 });
    const august = cell('concentrator-1', 'group-meeting-monthly').marks[1];
    expect(august).toMatchObject({ state: 'missing', count: 1, required: 2 });
    expect(cell('concentrator-1', 'group-meeting-monthly').tally).toMatchObject({ done: 3, missing: 1, pending: 2 });
  });

  it('does not require periods before a branch was established', async () => {
    expect(states('smelter-2', 'committee-meeting-monthly')).toEqual(['not-applicable', 'not-applicable', 'pending']);
    expect(row('smelter-2').tally.rate).toBeNull();
  });

  it('shows a yearly rule in a quarter as the year, pending, with its progress', async () => {
    expect(cell('smelter-1', 'organizational-life-yearly').marks).toMatchObject([{ period: '2026', state: 'pending', count: 1, required: 1 }]);
  });

  it('marks the unmet periods of a branch with an unreadable file as not counted', async () => {
    expect(row('concentrator-3').incomplete).toBe(true);
    expect(states('concentrator-3', 'political-study-monthly')).toEqual(['done', 'not-counted', 'pending']);
    expect(model.uncounted).toEqual([
      {
        file: 'test/fixtures/report/logs/concentrator/concentrator-3-2026-h1.yaml',
        problems: [expect.objectContaining({ ruleId: 'schema', line: 6 })],
      },
    ]);
  });

  it('lists the activities that counted, with file and line', async () => {
    expect(cell('smelter-1', 'political-study-monthly').marks[0].activities).toEqual([
      { date: '2026-08-03', title: '七月政治业务学习（补开）', late: true, file: 'test/fixtures/report/logs/smelter/smelter-1.yaml', line: 29 },
    ]);
  });

  it('leaves out rules that are turned off', async () => {
    const off = JSON.parse((await report('json', ['--rule', 'first-topic:off', '--rule', 'case-follow-up:off'])).stdout);
    expect(off.columns.map((c: { ruleId: string }) => c.ruleId)).not.toContain('first-topic');
    expect(off.columns).toHaveLength(model.columns.length - 2);
  });

  it('counts the findings about records under 记录问题, never as a column or against the rate', () => {
    const ids = model.columns.map((c: { ruleId: string }) => c.ruleId);
    for (const id of ['duplicate-activity', 'future-date', 'unknown-group', 'stale-waiver']) expect(ids).not.toContain(id);
    expect(model.summary.recordProblems).toBe(model.recordProblems.reduce((n: number, f: { problems: unknown[] }) => n + f.problems.length, 0));
  });
});

describe('report with a configuration', () => {
  it('follows its rules, cadences and evaluation start', async () => {
    const dir = tempTree({
      'dangjian.config.yaml': [
        'since: 2026-07-01',
        'rules:',
        '  future-date: off',
        '  family-safety-yearly: warning',
        'types:',
        '  - { id: safety-observation, name: 安全观察 }',
        'cadences:',
        '  - { id: safety-observation-monthly, type: safety-observation, period: month, min: 1, severity: warning, title: { zh-CN: 每月开展安全观察, en: Monthly safety observation }, source: 公司党委〔2026〕3号 }',
        '',
      ].join('\n'),
      'logs/a.yaml': header('a', 'activities:\n  - { date: 2026-07-08, type: 安全观察, title: 七月安全观察 }\n'),
    });
    const result = await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', 'json', 'logs'], { cwd: dir });
    expect(result.status).toBe(0);
    const model = JSON.parse(result.stdout);
    expect(model.since).toBe('2026-07-01');
    const ids = model.columns.map((c: { ruleId: string }) => c.ruleId);
    expect(ids).not.toContain('future-date');
    const custom = model.columns.find((c: { ruleId: string }) => c.ruleId === 'safety-observation-monthly');
    expect(custom).toMatchObject({ short: '安全', name: '安全观察', severity: 'warning', min: 1 });
    const cell = model.groups[0].branches[0].cells[ids.indexOf('safety-observation-monthly')];
    expect(cell.marks.map((m: { state: string }) => m.state)).toEqual(['done', 'missing', 'pending']);
    // The yearly rules fall before the configured start: not required.
    expect(model.groups[0].branches[0].cells[ids.indexOf('family-safety-yearly')].marks[0].state).toBe('not-applicable');
  });
});

describe('report --format table', () => {
  it('fits a 120-column terminal in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const lines = (await report('table', ['--lang', lang])).stdout.split('\n');
      const table = lines.filter((l) => /^[┌│├└]/.test(l));
      expect(table.length).toBeGreaterThan(10);
      expect(Math.max(...lines.filter((l) => !l.startsWith('  test/')).map(width))).toBeLessThanOrEqual(120);
    }
  });

  it('colours states like check when colour is forced, and never in a file', async () => {
    const coloured = await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, FIXTURE], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[31m');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-report-'));
    await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, FIXTURE, '--output', path.join(dir, 'r.txt')], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(readFileSync(path.join(dir, 'r.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('summarises a year of monthly marks in three columns', async () => {
    const result = await runMain(['report', '--period', '2026', '--as-of', '2026-10-15', FIXTURE]);
    expect(result.stdout).toContain('✗');
    expect(Math.max(...result.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l)).map(width))).toBeLessThanOrEqual(120);
  });
});

describe('report --format csv', () => {
  it('is UTF-8 with a byte order mark and CRLF line ends, quoted by RFC 4180', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-report-'));
    const file = path.join(dir, 'report.csv');
    await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', 'csv', '--output', file, FIXTURE]);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n](?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const records = parseCsv(text);
    expect(new Set(records.map((r) => r.length)).size).toBe(1);
    const smelter = records.find((r) => r[1] === 'smelter-1')!;
    expect(smelter.slice(0, 4)).toEqual(['冶炼厂党委', 'smelter-1', '冶炼厂第一党支部', '7月 补开；8月 按时；9月 进行中 1/1']);
    expect(records.find((r) => r[0].endsWith('concentrator-3-2026-h1.yaml'))?.slice(1, 4)).toEqual(['6', '12', 'schema']);
  });

  it('quotes fields with commas and quotes, and defuses formulas', async () => {
    const { csvField } = await import('../src/formats/report-csv.js');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('-12.5%')).toBe('-12.5%');
  });
});

describe('report --format xlsx', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-xlsx-'));
  const file = path.join(dir, 'report.xlsx');
  const run = () => runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', 'xlsx', '--output', file, FIXTURE]);

  it('writes a summary, a detail and a problems sheet with frozen headers and filled states', async () => {
    expect((await run()).status).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '会议出勤', '党员缺勤', '未统计文件', '记录问题']);
    expect(workbook.created.toISOString()).toBe('2026-09-15T00:00:00.000Z');

    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    // Printed at a readable size over several pages, each repeating the branch columns and the header rows.
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 85, printTitlesRow: '2:3', printTitlesColumn: 'A:B' });
    expect(summary.getCell('A1').value).toContain('2026年第三季度党支部工作汇总表');
    expect(summary.getCell('C2').value).toBe('政治业务学习');
    expect([summary.getCell('C3').value, summary.getCell('D3').value, summary.getCell('E3').value]).toEqual(['7月', '8月', '9月']);
    const smelter = summary.getRow(4);
    expect(smelter.getCell(2).value).toBe('冶炼厂第一党支部');
    expect(smelter.getCell(3).value).toBe('补开');
    expect((smelter.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect(smelter.getCell(4).value).toBe('按时');
    expect((smelter.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(smelter.getCell(7).value).toBe('经批准');
    expect((smelter.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    expect(smelter.getCell(5).value).toBe('进行中 1/1');
    const rates = summary.getColumn(summary.columnCount - 2);
    expect(rates.values.filter((v) => typeof v === 'number')).toContain(1);

    const detail = workbook.getWorksheet('明细')!;
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = detail.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual([
      '上级党组织', '支部编号', '支部', '要求', '周期', '状态', '日期', '活动或问题', '位置', '说明',
      '主持人', '记录人', '应到', '实到', '请假', '缺席', '决议',
    ]);
    const makeUp = rows.find((r) => r[8] === '七月政治业务学习（补开）')!;
    expect(makeUp.slice(1)).toEqual([
      '冶炼厂党委',
      'smelter-1',
      '冶炼厂第一党支部',
      '每月至少一次政治业务学习',
      '2026年7月',
      '补开',
      '2026-08-03',
      '七月政治业务学习（补开）',
      'test/fixtures/report/logs/smelter/smelter-1.yaml:29',
      '',
      ...Array(7).fill(''),
    ]);
    const missing = rows.find((r) => r[2] === 'concentrator-1' && r[6] === '未开展' && r[4] === '每月召开支委会')!;
    expect(missing[8]).toBe('2026-08 未开展支委会：要求每月至少 1 次，实际 0 次');
    const widths = detail.columns.map((c) => c.width ?? 0);
    expect(widths[7]).toBeGreaterThanOrEqual(30);

    const problems = workbook.getWorksheet('未统计文件')!;
    expect(problems.getCell('A2').value).toBe('test/fixtures/report/logs/concentrator/concentrator-3-2026-h1.yaml');
    expect(problems.getCell('D2').value).toBe('schema');
  });

  it('holds the cells, fills, merges and panes of report.xlsx.txt', async () => {
    await run();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    golden('report.xlsx.txt', dumpWorkbook(workbook));
  });

  it('gives the same bytes on every run', async () => {
    await run();
    const first = readFileSync(file);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await run();
    expect(readFileSync(file).equals(first)).toBe(true);
  });
});

describe('report --format html', () => {
  it('is one self-contained page that escapes every text', async () => {
    const dir = tempTree({
      'a.yaml': [
        'version: 1',
        'branch:',
        '  id: x<1>',
        '  name: "<script>alert(1)</script> & 支部"',
        '  parent: "\\"上级\\" <b>党委</b>"',
        '  members: 10',
        'activities:',
        '  - { date: 2026-07-03, type: 支委会, title: "<img src=x onerror=alert(1)>", firstTopic: 学习 }',
        '',
      ].join('\n'),
    });
    const result = await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', 'html', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    const html = result.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|<img|<b>党委|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 支部');
    expect(html).toContain('&quot;上级&quot; &lt;b&gt;党委&lt;/b&gt;');
    expect(html).not.toMatch(/(src|href)=["']?(https?:|\/\/)/);
    expect(html).toContain('@page { size: A4 landscape;');
  });
});

describe('report and personal data', () => {
  it('never prints a mobile or ID number found in the logs, in any format', async () => {
    const dir = tempTree({
      'a.yaml': [
        'version: 1',
        'branch:',
        '  id: a',
        '  name: 第一党支部（联系人 13812345678）',
        '  members: 10',
        '  groups: [一组 13812345678]',
        'activities:',
        '  - { date: 2026-07-03, type: 政治学习, title: 请联系 13812345678 }',
        '  - { date: 2026-07-04, type: 党小组会, group: 一组 13812345678, title: 身份证 11010519491231002X }',
        '',
      ].join('\n'),
    });
    for (const format of ['json', 'table', 'markdown', 'csv', 'html']) {
      const out = (await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', format, '.'], { cwd: dir })).stdout;
      expect(out, format).not.toMatch(/13812345678|11010519491231002X/);
    }
    const json = (await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '--format', 'json', '.'], { cwd: dir })).stdout;
    expect(json).toContain('138****5678');
  });
});

describe('report usage errors', () => {
  const cases: [string, string[], string, string][] = [
    ['no --period', ['report', FIXTURE], '缺少 --period：请指定统计周期，如 --period 2026-Q3', '--period is missing: give the period to report, for example --period 2026-Q3'],
    [
      'a malformed period',
      ['report', '--period', '2026-Q5', FIXTURE],
      '--period 的值“2026-Q5”不是有效周期，应写成 2026-03、2026-Q3、2026-H1 或 2026',
      '--period "2026-Q5" is not a period; write 2026-03, 2026-Q3, 2026-H1 or 2026',
    ],
    [
      'a period after the as-of date',
      ['report', '--period', '2026-Q4', '--as-of', '2026-09-15', FIXTURE],
      '统计周期 2026-Q4 在检查日期 2026-09-15 之后才开始，还没有可统计的内容',
      'The period 2026-Q4 starts after the as-of date 2026-09-15; there is nothing to report yet',
    ],
    [
      'xlsx to the terminal',
      ['report', '--period', '2026-Q3', '--format', 'xlsx', FIXTURE],
      'XLSX 是二进制文件，不能输出到终端：请用 --output 指定文件，如 --output 汇总.xlsx',
      'XLSX is a binary file and cannot be written to the terminal',
    ],
    ['an unknown format', ['report', '--period', '2026-Q3', '--format', 'pdf', FIXTURE], '--format 的值“pdf”无效', '--format "pdf" is not valid'],
  ];
  for (const [what, args, zh, en] of cases) {
    it(`${what}: exit 2, one line, in Chinese and English`, async () => {
      const chinese = await runMain(args);
      expect(chinese.status).toBe(2);
      expect(chinese.stdout).toBe('');
      expect(chinese.stderr).toMatch(/^dangjian: [^\n]+\n$/);
      expect(chinese.stderr).toContain(zh);
      const english = await runMain([...args, '--lang', 'en']);
      expect(english.status).toBe(2);
      expect(english.stderr).toMatch(/^dangjian: [^\n]+\n$/);
      expect(english.stderr).toContain(en);
    });
  }

  it('no files: exit 2', async () => {
    const dir = tempTree({ 'notes.txt': 'nothing here' });
    const result = await runMain(['report', '--period', '2026-Q3', '--as-of', AS_OF, '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dangjian: 在 \. 中没有找到 \.yaml、\.yml 或 \.xlsx 文件\n$/);
  });

  it('exits 0 when every file was counted, however many periods are missing', async () => {
    const dir = tempTree({ 'a.yaml': header('a') });
    const result = await runMain(['report', '--period', '2026-Q2', '--as-of', AS_OF, '--format', 'json', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).total.tally.missing).toBeGreaterThan(0);
  });

  it('judges the year just ended in a report made early in the next year', async () => {
    const dir = tempTree({
      'a.yaml': header('a', 'activities:\n  - { date: 2025-03-05, type: 政治业务学习 }\n'),
      'new.yaml': header('new', 'activities:\n  - { date: 2026-01-05, type: 政治业务学习 }\n'),
    });
    const model = JSON.parse((await runMain(['report', '--period', '2025-Q4', '--as-of', '2026-01-10', '--format', 'json', '.'], { cwd: dir })).stdout);
    // A branch that logged 2025 is judged for it; one whose log begins in 2026 is not.
    const [a, fresh] = model.groups[0].branches;
    expect([a.id, a.since, a.tally.missing > 0]).toEqual(['a', undefined, true]);
    expect([fresh.id, fresh.since, fresh.tally.missing, fresh.tally.counted]).toEqual(['new', '2026-01-01', 0, 0]);
    expect(model.since).toBe('2025-01-01');
  });

  it('counts from the report period\'s year for a year before the last', async () => {
    const dir = tempTree({ 'a.yaml': header('a', 'activities:\n  - { date: 2024-03-05, type: 政治业务学习 }\n') });
    const model = JSON.parse((await runMain(['report', '--period', '2024-Q4', '--as-of', '2026-01-10', '--format', 'json', '.'], { cwd: dir })).stdout);
    expect(model.since).toBe('2024-01-01');
    expect(model.total.tally.missing).toBeGreaterThan(0);
  });
});

describe('report, branch by branch', () => {
  it('gives the same report when a branch turns out to have a file after it was checked', async () => {
    // b.yaml's branch id lies beyond what is read to predict it (a long first line): the run
    // starts again with every branch kept to the end, and reports what a run that predicted right
    // reports. The first line is as long in one tree as in the other, so every line number agrees.
    const logs = (first: string) => ({
      'dangjian.config.yaml': EXPLICIT_RULES,
      'a.yaml': `${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-01-05, type: 支委会, firstTopic: 学习 }\n`,
      'b.yaml': `${first}\n${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-02-05, type: 支委会, firstTopic: 学习 }\n`,
      'c.yaml': header('b2'),
    });
    const run = (dir: string) => runMain(['report', '.', '--period', '2026-Q1', '--as-of', '2026-04-10', '--format', 'json'], { cwd: dir });
    const late = await run(tempTree(logs(`#${'备'.repeat(4000)}`)));
    const early = await run(tempTree(logs(`#${' '.repeat(4000)}`)));
    expect(late.stderr).toBe('');
    expect(late.stdout).toBe(early.stdout);
    expect(JSON.parse(late.stdout).summary.branches).toBe(2);
  });
});

describe('report of a branch whose id holds a personal number', () => {
  it('shows its findings in its cells, as check reports them', async () => {
    const dir = tempTree({
      'dangjian.config.yaml': EXPLICIT_RULES,
      'a.yaml': `${header('zb13812345678')}activities:\n  - { date: 2026-01-05, type: 支委会, title: 一月支委会 }\n`,
    });
    const check = JSON.parse((await runMain(['check', 'a.yaml', '--as-of', '2026-04-10', '--format', 'json'], { cwd: dir })).stdout);
    expect(check.findings.filter((f: { ruleId: string }) => f.ruleId === 'first-topic').map((f: { period: string }) => f.period)).toEqual(['2026-01']);
    const report = JSON.parse((await runMain(['report', 'a.yaml', '--period', '2026-Q1', '--as-of', '2026-04-10', '--format', 'json'], { cwd: dir })).stdout);
    const row = report.groups[0].branches[0];
    expect(row.id).toBe('zb138****5678');
    const cell = row.cells.find((c: { ruleId: string }) => c.ruleId === 'first-topic');
    expect(cell.marks.map((m: { period: string; state: string }) => [m.period, m.state])).toEqual([
      ['2026-01', 'problem'],
      ['2026-02', 'done'],
      ['2026-03', 'done'],
    ]);
  });
});
