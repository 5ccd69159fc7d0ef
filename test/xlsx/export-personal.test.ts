import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../helpers.js';

const LOG = `version: 1
branch: { id: p1, name: 测试党支部, members: 5 }
activities:
  - { date: 2026-07-03, type: 支委会, title: 联系人13812345678, firstTopic: 学习 }
  - { date: 2026-07-04, type: 党课, title: 党课, lecturer: 身份证110101199003078515 }
cases:
  - { id: c-1, date: 2026-07-01, trigger: 生病住院 138-1234-5678, staff: E1 }
`;

describe('export never repeats a personal number in full', () => {
  it('masks each one in its cell', async () => {
    const dir = tempTree({ 'p.yaml': LOG });
    const result = await runMain(['export', 'p.yaml', '-o', 'p.xlsx'], { cwd: dir });
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'p.xlsx'));
    const activities = workbook.getWorksheet('活动')!;
    expect(activities.getCell('C2').value).toBe('联系人138****5678');
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))));
    expect(texts).toContain('身份证1101**********8515');
    expect(texts).toContain('生病住院 138****5678');
    expect(texts.join('\n')).not.toMatch(/13812345678|110101199003078515|138-1234-5678/);
  });
});
