import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../helpers.js';
import { filledTemplate } from './filled-template.js';

describe('Party groups on the sheet 基本信息', () => {
  it('several in one cell are read as several groups, as one a row', async () => {
    const dir = tempTree({});
    await filledTemplate(dir, (workbook) => {
      const branch = workbook.getWorksheet('基本信息')!;
      branch.getCell('D2').value = '第一党小组、第二党小组';
      branch.getCell('D3').value = '第三党小组';
      workbook.getWorksheet('活动')!.getRow(2).values = ['2026-01-05', '党小组会', '一月小组会', '第一党小组'];
    });
    const result = await runMain(['check', 't.xlsx', '--as-of', '2026-02-01', '--format', 'json', '--rule', 'group-meeting-monthly:error'], { cwd: dir });
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; message: string }[];
    expect(findings.filter((f) => f.ruleId === 'unknown-group')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'group-meeting-monthly').map((f) => f.message).sort()).toEqual([
      '2026-01 党小组“第三党小组”未开展党小组会：要求每月至少 1 次，实际 0 次',
      '2026-01 党小组“第二党小组”未开展党小组会：要求每月至少 1 次，实际 0 次',
    ]);
  });
});
