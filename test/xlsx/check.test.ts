import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_RULES, ROOT, runMain, tempTree } from '../helpers.js';

interface JsonFinding {
  ruleId: string;
  period?: string;
  file: string;
  sheet?: string;
  line: number;
  column: number;
  message: string;
}

async function exportLog(dir: string, log: string, output: string): Promise<void> {
  const result = await runMain(['export', log, '-o', output], { cwd: dir });
  expect(result.status).toBe(0);
}

/** A template workbook filled by hand (exceljs): the branch and the given activity rows. */
async function handFilled(file: string, rows: unknown[][], branch: [string, unknown][] = [['支部编号', 'b1'], ['支部名称', '测试党支部'], ['党员人数', 10]]): Promise<void> {
  const dir = path.dirname(file);
  await runMain(['template', '-o', path.basename(file), '--force'], { cwd: dir });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const info = workbook.getWorksheet('基本信息')!;
  for (const [label, value] of branch) {
    info.eachRow((row) => {
      if (row.getCell(1).value === label) row.getCell(2).value = value as ExcelJS.CellValue;
    });
  }
  const sheet = workbook.getWorksheet('活动')!;
  rows.forEach((values, i) => values.forEach((value, j) => (sheet.getCell(i + 2, j + 1).value = value as ExcelJS.CellValue)));
  await workbook.xlsx.writeFile(file);
}

describe('check on workbooks in the template layout', () => {
  it('finds what it finds in the same log as YAML, with the same messages, at sheet, row and column', async () => {
    const dir = tempTree({});
    copyFileSync(path.join(ROOT, 'examples/broken/smelter-1.yaml'), path.join(dir, 'smelter-1.yaml'));
    await exportLog(dir, 'smelter-1.yaml', 'smelter-1.xlsx');
    const yaml = JSON.parse((await runMain(['check', 'smelter-1.yaml', '--as-of', '2026-07-01', '-f', 'json'], { cwd: dir })).stdout);
    const xlsx = await runMain(['check', 'smelter-1.xlsx', '--as-of', '2026-07-01', '-f', 'json'], { cwd: dir });
    expect(xlsx.status).toBe(1);
    const workbook = JSON.parse(xlsx.stdout);
    const essence = (f: JsonFinding) => `${f.ruleId} ${f.period ?? ''} ${f.message}`;
    expect(workbook.findings.map(essence).sort()).toEqual(yaml.findings.map(essence).sort());
    expect(workbook.summary).toEqual({ ...yaml.summary });
    const firstTopic = workbook.findings.find((f: JsonFinding) => f.ruleId === 'first-topic');
    expect(firstTopic).toMatchObject({ file: 'smelter-1.xlsx', sheet: '活动', line: 7, column: 1 });
    const stylish = await runMain(['check', 'smelter-1.xlsx', '--as-of', '2026-07-01'], { cwd: dir });
    expect(stylish.stdout).toContain('    活动!7:1  错误    2026-02-03 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容  first-topic\n');
    expect(stylish.stdout).toContain('   五必谈!3:1  错误    情况 2026-014（2026-06-08）至今未跟进');
  });

  it('reports a wrong cell with the schema message a YAML log gets, at its cell', async () => {
    const dir = tempTree({ 'b1.yaml': 'version: 1\nbranch:\n  id: b1\n  name: 测试党支部\n  members: 10\nactivities:\n  - date: 2026-02-30\n    type: 支委会议\n' });
    await handFilled(path.join(dir, 'b1.xlsx'), [['2026-02-30', '支委会议', '二月支委会']]);
    const workbook = JSON.parse((await runMain(['check', 'b1.xlsx', '--as-of', '2026-03-01', '-f', 'json'], { cwd: dir })).stdout);
    const yaml = JSON.parse((await runMain(['check', 'b1.yaml', '--as-of', '2026-03-01', '-f', 'json'], { cwd: dir })).stdout);
    const schema = (findings: JsonFinding[]) => findings.filter((f) => f.ruleId === 'schema');
    expect(schema(workbook.findings).map((f: JsonFinding) => [f.sheet, f.line, f.column, f.message])).toEqual(
      // The same words, less the offer of --fix, which repairs YAML only.
      schema(yaml.findings).map((f: JsonFinding, i: number) => ['活动', 2, i + 1, f.message.replace('。可用 --fix 自动修复', '')]),
    );
  });

  it('says that a date typed as text does not exist, in the words a YAML log gets', async () => {
    const dir = tempTree({});
    await handFilled(path.join(dir, 'b1.xlsx'), [
      ['2026年2月30日', '支委会', '甲'],
      ['2026/2/30', '支委会', '乙'],
      ['20260230', '支委会', '丙'],
    ]);
    const findings: JsonFinding[] = JSON.parse((await runMain(['check', 'b1.xlsx', '--as-of', '2026-03-01', '-f', 'json'], { cwd: dir })).stdout).findings;
    const words = '日期（date）“2026-02-30”不是真实存在的日期，请核对年、月、日';
    expect(findings.filter((f) => f.ruleId === 'schema').map((f) => [f.line, f.column, f.message])).toEqual([
      [2, 1, words],
      [3, 1, words],
      [4, 1, words],
    ]);
  });

  it('reads dates typed as text, several types in one cell, lists, rosters and roles', async () => {
    const dir = tempTree({});
    await handFilled(path.join(dir, 'b1.xlsx'), [
      ['2026年1月6日', '支委会', '一月支委会', '', '', '王书记', '李委员', '学习讲话', '议题一\n议题二', '同意', 5, 4, 1, 0, '', '赵某（出差）'],
      [new Date(Date.UTC(2026, 0, 15)), '主题党日、党规党纪教育', '一月主题党日', '', '', '', '', '', '', '', '', '', '', '', '', '', '王书记', '书记', '学习党章'],
    ]);
    const result = await runMain(['check', 'b1.xlsx', '--as-of', '2026-02-01', '-f', 'json'], { cwd: dir });
    const findings: JsonFinding[] = JSON.parse(result.stdout).findings;
    expect(findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    expect(findings.find((f) => f.ruleId === 'first-topic')).toBeUndefined();
    expect(findings.some((f) => f.ruleId === 'party-day-monthly')).toBe(false);
    expect(findings.some((f) => f.ruleId === 'discipline-education-monthly')).toBe(false);
  });

  it('reports a personal number in a cell at that cell, masked', async () => {
    const dir = tempTree({});
    await handFilled(path.join(dir, 'b1.xlsx'), [['2026-01-06', '支委会', '联系人 13812345678']]);
    const result = await runMain(['check', 'b1.xlsx', '--as-of', '2026-02-01', '-f', 'json'], { cwd: dir });
    const personal = JSON.parse(result.stdout).findings.filter((f: JsonFinding) => f.ruleId === 'no-personal-data');
    expect(personal).toHaveLength(1);
    expect(personal[0]).toMatchObject({ sheet: '活动', line: 2, column: 3 });
    expect(result.stdout).not.toContain('13812345678');
    expect(personal[0].message).toContain('138****5678');
  });

  it('gives a workbook of another layout, an .xls, an encrypted file and a renamed CSV one finding each', async () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'csv.xlsx': '日期,类型\n2026-01-06,支委会\n', 'old.xls': '<html><table></table></html>', 'locked.xlsx': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['日期', '会议类型', '内容']);
    await other.xlsx.writeFile(path.join(dir, 'other.xlsx'));
    const result = await runMain(['check', 'csv.xlsx', 'old.xls', 'locked.xlsx', 'other.xlsx', '--as-of', '2026-02-01'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'csv.xlsx',
        '  1:1  错误  文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的 CSV、网页或文本表格）。请用 Excel 或 WPS 打开，“另存为”“Excel 工作簿（*.xlsx）”后再试；CSV 文件也可以直接运行 dangjian import  workbook',
        '',
        'locked.xlsx',
        '  1:1  错误  工作簿设置了打开密码（已加密），无法读取。请用 Excel 或 WPS 打开，在“文件→信息→保护工作簿”中取消密码后另存为 .xlsx 再试  workbook',
        '',
        'old.xls',
        '  1:1  错误  文件扩展名是 .xls，但内容不是 Excel 工作簿（可能是某些系统导出的网页或文本表格）。请用 Excel 或 WPS 打开，“另存为”“Excel 工作簿（*.xlsx）”后再试  workbook',
        '',
        'other.xlsx',
        '  1:1  错误  这个工作簿不是台账模板的版式（没有“基本信息”或“活动”工作表及其表头），不能直接检查。请运行 dangjian import "other.xlsx" 把它转换为 YAML 台账，或用 dangjian template 生成模板后把内容复制进去  workbook',
        '',
        '✖ 共 4 个问题：4 个错误，0 个警告（检查了 4 个文件、0 个支部，自 2026-01-01 起）',
        '',
      ].join('\n'),
    );
  });

  it('takes workbooks from a folder beside YAML logs (not Excel’s ~$ lock files), and every format names the sheet', async () => {
    const dir = tempTree({ 'logs/a.yaml': 'version: 1\nbranch:\n  id: a\n  name: 甲党支部\n  members: 5\n', 'logs/~$b.xlsx': 'lock' });
    await handFilled(path.join(dir, 'logs/b.xlsx'), [['2026-01-06', '支委会', '一月支委会']]);
    const json = JSON.parse((await runMain(['check', 'logs', '--as-of', '2026-02-01', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.summary).toMatchObject({ files: 2, branches: 2 });
    const run = async (format: string) => (await runMain(['check', 'logs/b.xlsx', '--as-of', '2026-02-01', '-f', format], { cwd: dir })).stdout;
    expect(await run('junit')).toContain('活动!2:1 2026-01-06 的支委会没有“第一议题”');
    expect(await run('markdown')).toContain('| logs/b.xlsx:活动\\!2:1 | 错误 | `first-topic` |');
    expect(await run('github')).toMatch(/::error file=logs\/b\.xlsx,line=2,col=1,title=[^:]*first-topic\) 活动!2%3A1::/);
    const sarif = JSON.parse(await run('sarif'));
    const located = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'first-topic').locations[0];
    expect(located.logicalLocations).toEqual([{ name: '活动', kind: 'sheet' }]);
    expect(located.physicalLocation.region).toEqual({ startLine: 2, startColumn: 1 });
    // Shards of a folder with workbooks merge back into the one result, sheets and all.
    const shards = [];
    for (const shard of ['1/2', '2/2']) {
      const out = await runMain(['check', 'logs', '--as-of', '2026-02-01', '-f', 'json', '--shard', shard], { cwd: dir });
      shards.push(`s${shards.length}.json`);
      writeFileSync(path.join(dir, shards[shards.length - 1]), out.stdout);
    }
    const merged = JSON.parse((await runMain(['merge', ...shards, '-f', 'json'], { cwd: dir })).stdout);
    expect(merged.findings).toEqual(json.findings);
    // A cached re-run gives the same bytes.
    const first = await runMain(['check', 'logs', '--as-of', '2026-02-01', '--cache', '--cache-location', '.cache'], { cwd: dir });
    const again = await runMain(['check', 'logs', '--as-of', '2026-02-01', '--cache', '--cache-location', '.cache'], { cwd: dir });
    expect(again.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('活动!2:1');
    expect(readFileSync(path.join(dir, 'logs/~$b.xlsx'), 'utf8')).toBe('lock');
  });
});
