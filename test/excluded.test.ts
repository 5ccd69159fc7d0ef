/**
 * A cadence unmet only because the activity that would meet it was left out by a schema problem
 * says so, points at that activity's line, and is listed right after the schema finding.
 */
import { describe, expect, it } from 'vitest';
import { header, runMain, tempTree } from './helpers.js';

describe('a cadence unmet for want of an activity with a schema problem', () => {
  it('names the line of the activity left out and follows its schema finding', async () => {
    const log = header(
      't',
      '  termStart: 2025-05-10\nactivities:\n  - date: 2026-01-05\n    type: 政治业务学习\n  - date: 2026-02-05\n    type: 政治业物学习\n  - date: 2026-03-32\n    type: 政治业务学习\n',
    );
    const dir = tempTree({ 'a.yaml': log });
    const result = await runMain(['check', '.', '--as-of', '2026-04-01', '--format', 'json', '--rule', 'discipline-education-monthly:off'], { cwd: dir });
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; period?: string; line: number; message: string }[];
    const study = findings.filter((f) => f.ruleId === 'political-study-monthly' || f.ruleId === 'schema');
    expect(study.map((f) => [f.ruleId, f.period ?? '', f.line])).toEqual([
      ['schema', '', 11],
      ['political-study-monthly', '2026-02', 11],
      ['schema', '', 12],
      ['political-study-monthly', '2026-03', 12],
    ]);
    expect(study[1].message).toBe('2026-02 未开展政治业务学习：第 10 行的政治业务学习因格式错误未计入，改正该行后即可计入（要求每月至少 1 次，实际 0 次）');
  });
});
