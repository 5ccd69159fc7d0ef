import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../src/xlsx/read.js';
import { isTemplateWorkbook, readTemplateWorkbook } from '../../src/xlsx/template-read.js';
import { runMain, tempTree } from '../helpers.js';

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('dangjian template', () => {
  it('writes the Chinese template with every sheet, drop-downs, date formats, a frozen header and A4 landscape printing', async () => {
    const dir = tempTree({});
    const result = await runMain(['template'], { cwd: dir });
    expect(result).toEqual({
      status: 0,
      stdout: '已写出 台账模板.xlsx\n下一步：在“基本信息”中填写支部编号、名称和党员人数，在“活动”中每行登记一次活动；然后运行 dangjian check 台账模板.xlsx\n',
      stderr: '',
    });
    const workbook = await openWorkbook(path.join(dir, '台账模板.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['基本信息', '活动', '特色', '档案', '五必谈', '豁免', '填写说明']);
    const activities = workbook.getWorksheet('活动')!;
    expect(activities.getRow(1).values).toEqual([
      undefined, '日期', '活动类型', '标题', '党小组', '地点', '主持人', '记录人', '第一议题', '议题', '决议', '应到', '实到', '请假', '缺席', '列席',
      '缺席人员', '授课人', '授课人身份', '规定作业', '自选菜单', '补开周期', '计划日期', '佐证材料',
    ]);
    expect(activities.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(activities.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(activities.getColumn(1).numFmt).toBe('yyyy-mm-dd');
    const types = activities.getCell('B2').dataValidation;
    expect(types.type).toBe('list');
    expect(types.formulae[0]).toContain('主题党日');
    expect(types.formulae[0]).toContain('亲情安全文化进家庭');
    expect(activities.getCell('B400').dataValidation.formulae).toEqual(types.formulae);
    expect(activities.getCell('D2').dataValidation.formulae).toEqual(["'基本信息'!$D$2:$D$31"]);
    expect(activities.getCell('R2').dataValidation.formulae).toEqual(['"书记,副书记,支部委员,党员,领导干部,外请"']);
    // Wide enough for Chinese text: two units a character, and more for titles.
    expect(activities.getColumn(3).width).toBeGreaterThanOrEqual(24);
    expect(workbook.getWorksheet('基本信息')!.getCell('A2').value).toBe('支部编号');
  });

  it('writes English labels with --lang en, and the workbook reads back as an empty log in the template layout', async () => {
    const dir = tempTree({});
    const result = await runMain(['template', '--lang', 'en', '-o', 'ledger.xlsx'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Wrote ledger.xlsx\nNext: fill in the branch id, name and members on the sheet Branch and one activity a row on Activities; then run dangjian check ledger.xlsx\n');
    const workbook = readWorkbook(readFileSync(path.join(dir, 'ledger.xlsx')));
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Branch', 'Activities', 'Features', 'Staff', 'Cases', 'Waivers', 'Instructions']);
    expect(isTemplateWorkbook(workbook)).toBe(true);
    expect(readTemplateWorkbook(workbook).value).toEqual({ version: 1, branch: {} });
  });

  it('never overwrites a file without --force', async () => {
    const dir = tempTree({ '台账模板.xlsx': 'mine' });
    const refused = await runMain(['template'], { cwd: dir });
    expect(refused).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 文件 台账模板.xlsx 已存在，未覆盖。如确需覆盖，请加 --force；或用 -o 指定另一个文件名\n' });
    expect(readFileSync(path.join(dir, '台账模板.xlsx'), 'utf8')).toBe('mine');
    const forced = await runMain(['template', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(isTemplateWorkbook(readWorkbook(readFileSync(path.join(dir, '台账模板.xlsx'))))).toBe(true);
  });

  it('has --help with examples in both languages', async () => {
    const zh = await runMain(['template', '--help'], { cwd: tempTree({}) });
    expect(zh.stdout).toContain('dangjian template -o 一支部台账.xlsx');
    const en = await runMain(['template', '--help', '--lang', 'en'], { cwd: tempTree({}) });
    expect(en.stdout).toContain('dangjian template -o ledger.xlsx');
  });
});

describe('dangjian export', () => {
  it('needs -o FILE.xlsx, never overwrites, and says what is wrong with a log it cannot read', async () => {
    const dir = tempTree({ 'b.yaml': 'version: 1\nbranch:\n  id: b1\n  name: 测试党支部\n  members: 5\n', 'bad.yaml': 'version: 1\nbranch: [\n', 'x.xlsx': 'mine' });
    expect(await runMain(['export', 'b.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 请用 -o 指定要写入的 .xlsx 文件，例如：dangjian export branch.yaml -o 台账.xlsx\n' });
    expect((await runMain(['export', 'b.yaml', '-o', 'b.csv'], { cwd: dir })).stderr).toBe('dangjian: 导出的文件须以 .xlsx 结尾：b.csv\n');
    expect((await runMain(['export', 'b.yaml', '-o', 'x.xlsx'], { cwd: dir })).stderr).toContain('文件 x.xlsx 已存在，未覆盖');
    const bad = await runMain(['export', 'bad.yaml', '-o', 'bad.xlsx', '--lang', 'en'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^dangjian: Cannot export bad\.yaml \(line \d+, column \d+\): /);
    const ok = await runMain(['export', 'b.yaml', '-o', 'b.xlsx'], { cwd: dir });
    expect(ok).toEqual({ status: 0, stdout: '已写出 b.xlsx\n', stderr: '' });
    const workbook = readWorkbook(readFileSync(path.join(dir, 'b.xlsx')));
    expect(readTemplateWorkbook(workbook).value).toEqual({ version: 1, branch: { id: 'b1', name: '测试党支部', members: 5 } });
  });
});

describe('workbooks written', () => {
  it('go to a file named .xlsx, never to a folder, even with --force', async () => {
    const dir = tempTree({ 'b.yaml': 'version: 1\nbranch:\n  id: b1\n  name: 测试党支部\n  members: 5\n', '归档.xlsx/说明.txt': '文件夹\n' });
    expect(await runMain(['template', '-o', '模板.txt'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: 模板文件须以 .xlsx 结尾（Excel 和 WPS 按扩展名识别工作簿）：模板.txt\n',
    });
    expect((await runMain(['template', '-o', 'x', '--lang', 'en'], { cwd: dir })).stderr).toBe('dangjian: The template must end in .xlsx (Excel and WPS know a workbook by its extension): x\n');
    const folder = 'dangjian: 归档.xlsx 是一个文件夹，不能写入。请用 -o 给出文件名\n';
    expect(await runMain(['template', '-o', '归档.xlsx', '--force'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: folder });
    expect(await runMain(['export', 'b.yaml', '-o', '归档.xlsx', '--force'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: folder });
    expect(existsSync(path.join(dir, '模板.txt'))).toBe(false);
    expect(await runMain(['template', '-o', '模板.xlsx'], { cwd: dir })).toMatchObject({ status: 0 });
    expect(await runMain(['import', '模板.xlsx', '-o', 'b2.yaml', '--errors', '错误.txt'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: --errors 写出的是 Excel 工作簿，文件名须以 .xlsx 结尾：错误.txt\n',
    });
    expect(existsSync(path.join(dir, 'b2.yaml'))).toBe(false);
    // A YAML log under a workbook's name (or any other) would be read as a damaged workbook, or not found.
    for (const name of ['台账2.xlsx', '台账.txt', '台账']) {
      expect(await runMain(['import', '模板.xlsx', '-o', name], { cwd: dir })).toEqual({
        status: 2,
        stdout: '',
        stderr: `dangjian: -o 写出的是 YAML 台账，文件名须以 .yaml 或 .yml 结尾：${name}\n`,
      });
      expect(existsSync(path.join(dir, name))).toBe(false);
    }
    expect((await runMain(['import', '模板.xlsx', '-o', 'x.xlsx', '--lang', 'en'], { cwd: dir })).stderr).toBe('dangjian: -o writes a YAML branch log, so its name must end in .yaml or .yml: x.xlsx\n');
    expect(await runMain(['import', '模板.xlsx', '-o', 'B3.YML'], { cwd: dir })).toMatchObject({ status: 0 });
  });

  it('are the same bytes whenever they are written (the template, an export)', async () => {
    const dir = tempTree({ 'b.yaml': 'version: 1\nbranch:\n  id: b1\n  name: 测试党支部\n  members: 5\n' });
    const written = async (at: string, name: string) => {
      // The zip library stamps each entry with the clock's time: two clocks, two runs.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        expect((await runMain([name === 'template' ? 'template' : 'export', ...(name === 'template' ? [] : ['b.yaml']), '-o', `${name}-${at.slice(0, 4)}.xlsx`], { cwd: dir })).status).toBe(0);
      } finally {
        vi.useRealTimers();
      }
      return readFileSync(path.join(dir, `${name}-${at.slice(0, 4)}.xlsx`));
    };
    for (const name of ['template', 'export']) {
      const early = await written('2027-03-04T05:06:08Z', name);
      const late = await written('2031-11-12T13:14:16Z', name);
      expect(Buffer.compare(early, late)).toBe(0);
    }
  });
});
