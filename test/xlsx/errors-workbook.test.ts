import { copyFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempTree } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/xlsx');
const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF8080' } };

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('the annotated copy of an imported workbook (--errors)', () => {
  it('fills only the rejected cells red in a workbook saved by LibreOffice, whose cells share their styles', async () => {
    const name = 'title-two-row-header.lo.xlsx';
    const dir = tempTree({});
    copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    const result = await runMain(['import', name, '--errors', 'errors.xlsx'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2025年台账!8 未导入：C8 “支部会议”不是已知的活动类型');
    const sheet = (await readBack(path.join(dir, 'errors.xlsx'))).getWorksheet('2025年台账')!;
    expect(sheet.getCell('C8').fill).toMatchObject(RED);
    const red: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' && cell.fill.fgColor?.argb === 'FFFF8080' && red.push(cell.address)));
    expect(red).toEqual(['C8']);
  });

  it('never repeats a personal number in full: the cells that hold one are masked in the copy', async () => {
    const dir = tempTree({});
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet('台账');
    sheet.addRow(['日期', '类型', '标题', '备注']);
    sheet.addRow(['2026-01-06', '支委会', '一月支委会', '']);
    sheet.addRow(['2026-01-07', '支委会', '联系人13812345678', '']);
    sheet.addRow(['2026-01-08', '支委会', '一月支委会（二）', '身份证 110101199003078515']);
    sheet.addRow(['2026-01-09', '支委会', '一月支委会（三）', 13912345678]);
    await source.xlsx.writeFile(path.join(dir, 'pii.xlsx'));
    const result = await runMain(['import', 'pii.xlsx', '--errors', 'errors.xlsx'], { cwd: dir });
    expect(result.status).toBe(1);
    const copy = (await readBack(path.join(dir, 'errors.xlsx'))).getWorksheet('台账')!;
    expect(copy.getCell('C3').value).toBe('联系人138****5678');
    expect(copy.getCell('D4').value).toBe('身份证 1101**********8515');
    expect(copy.getCell('D5').value).toBe('139****5678');
    const texts: string[] = [];
    copy.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? ''), String(cell.note ?? ''))));
    expect(texts.join('\n')).not.toMatch(/13812345678|110101199003078515|13912345678/);
  });
});
