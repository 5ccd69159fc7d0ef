import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../helpers.js';
import { filledTemplate } from './filled-template.js';

describe('a workbook finding does not offer --fix, which repairs YAML only', () => {
  it('a mistyped activity type gets the suggestion alone, in both languages', async () => {
    const dir = tempTree({});
    await filledTemplate(dir, (workbook) => {
      workbook.getWorksheet('活动')!.getRow(2).values = ['2026-01-06', '支委', '一月支委会'];
    });
    const zh = await runMain(['check', 't.xlsx', '--as-of', '2026-01-20', '--format', 'json'], { cwd: dir });
    const en = await runMain(['check', 't.xlsx', '--as-of', '2026-01-20', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const schema = (out: string) => (JSON.parse(out).findings as { ruleId: string; sheet?: string; line: number; column: number; message: string }[]).filter((f) => f.ruleId === 'schema');
    expect(schema(zh.stdout)).toEqual([expect.objectContaining({ sheet: '活动', line: 2, column: 2, message: '未知的活动类型“支委”，应为“支委会”' })]);
    expect(schema(en.stdout)).toEqual([expect.objectContaining({ sheet: '活动', line: 2, column: 2, message: 'Unknown activity type “支委”; it should be “支委会”' })]);
  });
});
