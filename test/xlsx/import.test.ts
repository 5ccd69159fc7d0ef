import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempTree } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/xlsx');

function withFixture(name: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempTree(files);
  copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('dangjian import of a 台账 of another layout', () => {
  it('reads a title row, a two-row merged header, dates as cells and serials, hidden, blank and subtotal rows, and says what it did', async () => {
    const dir = withFixture('title-two-row-header.xlsx');
    const result = await runMain(['import', 'title-two-row-header.xlsx', '--errors', 'errors.xlsx'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        '2025年台账：备注 列没有对应的台账字段，未导入',
        '2025年台账：表头在第 2–3 行，识别出的列：活动日期、会议类型、会议主题、主持人、人数/应到、人数/实到、人数/请假、人数/缺席',
        '2025年台账：第 6 行是隐藏行，仍然读取了',
        '2025年台账：跳过空行 1 行（第 9 行）',
        '2025年台账：跳过合计/小计行 1 行（第 10 行）',
        '2025年台账!8 未导入：C8 “支部会议”不是已知的活动类型',
        'title-two-row-header.xlsx：导入 4 条活动，跳过 2 行，拒绝 1 行；已写出 title-two-row-header.yaml',
        '支部信息还缺：支部编号、党员人数。title-two-row-header.yaml 中已留出待填写的注释（不会自动编造），dangjian check 会提示；也可以用 --branch-id、--branch-name、--members 重新导入',
        '已写出 errors.xlsx：1 行有问题，出错的单元格已标红并加批注，每行最后一列写明原因',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
    const log = YAML.parse(read(dir, 'title-two-row-header.yaml'));
    expect(log.branch).toEqual({ name: '冶炼厂第一党支部' });
    expect(log.activities.map((a: { date: string; type: unknown }) => [a.date, a.type])).toEqual([
      ['2025-01-06', '支委会'],
      ['2025-01-15', ['主题党日', '党规党纪教育']],
      ['2025-02-02', '政治业务学习'],
      ['2025-03-20', '党员大会'],
    ]);
    expect(log.activities[3].attendance).toEqual({ expected: 23, present: 20, leave: 2, absent: 1 });
    expect(read(dir, 'title-two-row-header.yaml')).toContain('  # 待填写：id（支部编号）、members（党员人数）\nactivities:\n  # 2025年台账!4\n  - date: 2025-01-06\n');
    // The annotated copy: the wrong cell red with a note, and an error column on its row.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'errors.xlsx'));
    const sheet = workbook.getWorksheet('2025年台账')!;
    expect(sheet.getCell('C8').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFF8080' } });
    expect(sheet.getCell('C8').note).toBe('“支部会议”不是已知的活动类型');
    expect(sheet.getCell('K3').value).toBe('错误');
    expect(sheet.getCell('K8').value).toBe('“支部会议”不是已知的活动类型');
    expect(sheet.getCell('D4').value).toBe('一月支委会');
  });

  it('reads dates typed as text, rosters, several types in one cell and a branch sheet; rejects what it cannot read, in English too', async () => {
    const dir = withFixture('text-dates-roster.xlsx');
    const result = await runMain(['import', 'text-dates-roster.xlsx', '-o', 'b.yaml', '--lang', 'en'], { cwd: dir });
    expect(result.stdout).toBe(
      [
        'The sheet “旧表” is hidden; it was read all the same',
        '支部信息: no header (date, type…) in its first 12 rows; not read as a table of activities',
        '旧表: no header (date, type…) in its first 12 rows; not read as a table of activities',
        '活动记录: header in row 1, columns recognised: 时间, 活动形式, 内容, 党小组, 参会人员, 授课人',
        '活动记录: 1 line of text below the table skipped (row numbers: 11)',
        '活动记录!6 not imported: A6 “3月30日” has no year: write the year in the title row (such as 2026年工作台账) or use --year 2026',
        '活动记录!7 not imported: A7 “2026-02-30” is not a real date',
        '活动记录!8 not imported: B8 “支部书记讲话” is not a known activity type',
        '活动记录!9 not imported: C9 holds an ID, mobile or bank card number (138****5678), which a log must never record; not imported',
        'text-dates-roster.xlsx: 4 activities imported, 1 row skipped, 4 rows rejected; wrote b.yaml',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
    const text = read(dir, 'b.yaml');
    expect(text).not.toContain('13812345678');
    const log = YAML.parse(text);
    expect(log.branch).toEqual({ id: 'concentrator-2', name: '选矿厂第二党支部', members: 18, groups: ['磨浮党小组', '脱水党小组'] });
    expect(log.activities).toEqual([
      { date: '2026-03-05', type: '支委会', title: '三月支委会', attendance: { expected: 4, present: 3, leave: 1 }, absentees: [{ name: '赵六', reason: '出差' }] },
      { date: '2026-03-12', type: '党小组会', title: '磨浮党小组三月学习', group: '磨浮党小组', attendance: { expected: 9, present: 8, absent: 1 }, absentees: [{ name: '钱七' }] },
      { date: '2026-03-18', type: ['主题党日', '国防教育'], title: '三月主题党日暨国防教育', attendance: { expected: 18, present: 17 } },
      { date: '2026-03-26', type: '党课', title: '一季度党课', lecturer: '王书记' },
    ]);
    // With the year given, 3月30日 is read too.
    const withYear = await runMain(['import', 'text-dates-roster.xlsx', '-o', 'c.yaml', '--year', '2026'], { cwd: dir });
    expect(YAML.parse(read(dir, 'c.yaml')).activities[4]).toEqual({ date: '2026-03-30', type: '党小组会', title: '脱水党小组三月学习', group: '脱水党小组' });
    expect(withYear.stdout).toContain('导入 5 条活动，跳过 1 行，拒绝 3 行');
  });

  it('reads one sheet a month, formulas by their cached values, and rejects a #REF! error', async () => {
    const dir = withFixture('monthly-sheets.xlsx');
    const result = await runMain(['import', 'monthly-sheets.xlsx', '--branch-id', 'm1', '--branch-name', '测试党支部', '--members', '20'], { cwd: dir });
    expect(result.stdout).toContain('2月!4 未导入：D4 公式出错（#REF!）：请在 Excel 中修正公式或改为直接填写\n');
    expect(result.stdout).toContain('monthly-sheets.xlsx：导入 4 条活动，跳过 0 行，拒绝 1 行；已写出 monthly-sheets.yaml\n');
    const log = YAML.parse(read(dir, 'monthly-sheets.yaml'));
    expect(log.branch).toEqual({ id: 'm1', name: '测试党支部', members: 20 });
    expect(log.activities.map((a: { date: string }) => a.date)).toEqual(['2026-01-08', '2026-01-20', '2026-02-05', '2026-02-19']);
    expect(log.activities[0].attendance).toEqual({ expected: 5, present: 5 });
    // The log it writes is one that check reads without an input problem.
    const check = JSON.parse((await runMain(['check', 'monthly-sheets.yaml', '--as-of', '2026-03-01', '-f', 'json'], { cwd: dir })).stdout);
    expect(check.findings.filter((f: { ruleId: string }) => ['schema', 'yaml-syntax'].includes(f.ruleId))).toEqual([]);
  });

  it('reads a workbook LibreOffice made from a CSV file, and a GBK CSV file (and says so)', async () => {
    const dir = withFixture('libreoffice-csv.lo.xlsx');
    copyFileSync(path.join(FIXTURES, 'gbk.csv'), path.join(dir, 'gbk.csv'));
    const lo = await runMain(['import', 'libreoffice-csv.lo.xlsx'], { cwd: dir });
    expect(lo.status).toBe(0);
    expect(lo.stdout).toContain('libreoffice-csv：跳过合计/小计行 1 行（第 7 行）\n');
    expect(YAML.parse(read(dir, 'libreoffice-csv.lo.yaml')).activities.map((a: { date: string; attendance: unknown }) => [a.date, a.attendance])).toEqual([
      ['2026-01-07', { expected: 5, present: 5 }],
      ['2026-01-16', { expected: 20, present: 19 }],
      ['2026-01-22', { expected: 8, present: 8 }],
      ['2026-02-04', { expected: 5, present: 4 }],
    ]);
    const gbk = await runMain(['import', 'gbk.csv', '--branch-id', 'g1'], { cwd: dir });
    expect(gbk.stdout.split('\n')[0]).toBe('gbk.csv 是 GBK 编码（Excel 在中文 Windows 上保存的 CSV），已按 GBK 读取');
    expect(YAML.parse(read(dir, 'gbk.yaml')).activities[1]).toEqual({ date: '2026-01-15', type: '主题党日', title: '一月主题党日', host: '王书记' });
  });

  it('reads a UTF-8 CSV with or without a BOM alike, is deterministic, and suggests the nearest type', async () => {
    const csv = '日期,类型,标题\n2026-01-07,支委会,一月支委会\n2026-01-08,支委会议,错一字\n';
    const plain = tempTree({ 'a.csv': csv });
    const bom = tempTree({ 'a.csv': `\ufeff${csv}` });
    const first = await runMain(['import', 'a.csv'], { cwd: plain });
    await runMain(['import', 'a.csv'], { cwd: bom });
    await runMain(['import', 'a.csv', '-o', 'again.yaml'], { cwd: plain });
    expect(read(plain, 'a.yaml')).toBe(read(bom, 'a.yaml'));
    expect(read(plain, 'again.yaml')).toBe(read(plain, 'a.yaml'));
    expect(first.stdout).toContain('a!3 未导入：B3 “支委会议”不是已知的活动类型，是否是“支委会”？\n');
  });

  it('never overwrites the log or the error workbook without --force', async () => {
    const dir = tempTree({ 'a.csv': '日期,类型\n2026-01-07,支委会\n', 'a.yaml': 'mine' });
    const refused = await runMain(['import', 'a.csv'], { cwd: dir });
    expect(refused).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 文件 a.yaml 已存在，未覆盖。如确需覆盖，请加 --force；或用 -o 指定另一个文件名\n' });
    expect(read(dir, 'a.yaml')).toBe('mine');
    expect((await runMain(['import', 'a.csv', '--force'], { cwd: dir })).status).toBe(0);
    expect(read(dir, 'a.yaml')).toContain('type: 支委会');
  });

  it('gives .xls, .et, encrypted and non-workbook files one line on how to save them as .xlsx', async () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const dir = tempTree({ 'old.xls': cfb, 'wps.et': cfb, 'locked.xlsx': cfb, 'page.xlsx': '<html><table><tr><td>日期</td></tr></table></html>' });
    const line = async (file: string) => {
      const result = await runMain(['import', file], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(2);
      return result.stderr;
    };
    expect(await line('old.xls')).toBe('dangjian: 这是旧版 Excel 97–2003 工作簿（.xls），不能直接读取。请用 Excel 或 WPS 打开，“另存为”“Excel 工作簿（*.xlsx）”后再试\n');
    expect(await line('wps.et')).toContain('WPS 表格文件（.et）');
    expect(await line('locked.xlsx')).toContain('设置了打开密码');
    expect(await line('page.xlsx')).toContain('内容不是 Excel 工作簿（可能是改了扩展名的 CSV、网页或文本表格）');
  });
});

describe('dangjian import of the template', () => {
  it('imports the untouched template without an error, and its example row as the activity it shows', async () => {
    const dir = tempTree({});
    await runMain(['template', '-o', 't.xlsx'], { cwd: dir });
    const untouched = await runMain(['import', 't.xlsx'], { cwd: dir });
    expect(untouched.status).toBe(0);
    expect(untouched.stdout).toContain('t.xlsx：导入 0 条活动，跳过 0 行，拒绝 0 行；已写出 t.yaml\n');
    // The example row of the instructions, copied into the sheet 活动.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 't.xlsx'));
    const guide = workbook.getWorksheet('填写说明')!;
    const example = guide.getRow(guide.rowCount).values as ExcelJS.CellValue[];
    workbook.getWorksheet('活动')!.getRow(2).values = example;
    await workbook.xlsx.writeFile(path.join(dir, 'filled.xlsx'));
    const filled = await runMain(['import', 'filled.xlsx', '--branch-id', 'b1', '--branch-name', '测试党支部', '--members', '23'], { cwd: dir });
    expect(filled.status).toBe(0);
    expect(YAML.parse(read(dir, 'filled.yaml')).activities).toEqual([
      {
        date: '2026-01-15',
        type: ['主题党日', '党规党纪教育'],
        title: '一月主题党日暨党规党纪教育',
        place: '三楼会议室',
        host: '王书记',
        recorder: '李委员',
        agenda: ['学习党章第一章', '讨论发展党员工作'],
        attendance: { expected: 23, present: 21, leave: 2, absent: 0 },
        absentees: [{ name: '赵某', reason: '出差' }, { name: '钱某', reason: '病假' }],
        assignments: ['学习党章第一章'],
        electives: ['参观廉政教育基地'],
      },
    ]);
  });

  it('rejects a template row the schema rejects, at its cell, and keeps the others', async () => {
    const dir = tempTree({});
    await runMain(['template', '-o', 't.xlsx'], { cwd: dir });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 't.xlsx'));
    const sheet = workbook.getWorksheet('活动')!;
    sheet.getRow(2).values = ['2026-01-06', '支委会', '一月支委会'];
    sheet.getRow(3).values = ['2026-01-07', '支委会', '一月支委会', '', '', '', '', '', '', '', 'abc'];
    await workbook.xlsx.writeFile(path.join(dir, 't.xlsx'));
    const result = await runMain(['import', 't.xlsx', '--branch-id', 'b1', '--branch-name', 'x', '--members', '5', '--errors', 'e.xlsx'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^活动!3 未导入：K3 .+$/m);
    expect(YAML.parse(read(dir, 't.yaml')).activities).toEqual([{ date: '2026-01-06', type: '支委会', title: '一月支委会' }]);
  });
});

describe('workbooks saved again by LibreOffice', () => {
  it('import to the same log as the workbooks exceljs wrote', async () => {
    for (const name of ['title-two-row-header', 'text-dates-roster']) {
      const dir = withFixture(`${name}.xlsx`);
      copyFileSync(path.join(FIXTURES, `${name}.lo.xlsx`), path.join(dir, `${name}.lo.xlsx`));
      const exceljs = await runMain(['import', `${name}.xlsx`, '-o', 'a.yaml', '--year', '2026'], { cwd: dir });
      const libreoffice = await runMain(['import', `${name}.lo.xlsx`, '-o', 'b.yaml', '--year', '2026'], { cwd: dir });
      expect(libreoffice.stdout.replaceAll(`${name}.lo.xlsx`, `${name}.xlsx`).replaceAll('b.yaml', 'a.yaml')).toBe(exceljs.stdout);
      expect(read(dir, 'b.yaml').replace(`${name}.lo.xlsx`, `${name}.xlsx`)).toBe(read(dir, 'a.yaml'));
    }
  });

  it('check a template filled and saved in LibreOffice as they check the same log in YAML', async () => {
    const dir = withFixture('smelter-1-template.lo.xlsx');
    copyFileSync(path.join(ROOT, 'examples/broken/smelter-1.yaml'), path.join(dir, 'smelter-1.yaml'));
    const essence = (stdout: string) => JSON.parse(stdout).findings.map((f: { ruleId: string; period?: string; message: string }) => `${f.ruleId} ${f.period ?? ''} ${f.message}`).sort();
    const yaml = await runMain(['check', 'smelter-1.yaml', '--as-of', '2026-07-01', '-f', 'json'], { cwd: dir });
    const workbook = await runMain(['check', 'smelter-1-template.lo.xlsx', '--as-of', '2026-07-01', '-f', 'json'], { cwd: dir });
    expect(essence(workbook.stdout)).toEqual(essence(yaml.stdout));
    expect(JSON.parse(workbook.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'first-topic')).toMatchObject({ sheet: '活动', line: 7, column: 1 });
  });
});
