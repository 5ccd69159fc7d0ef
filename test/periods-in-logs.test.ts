/**
 * Periods written in a log (`makeUpFor`, a waiver's `period`): a bare year such as `2026` is a
 * number to YAML and still reads as the year, and a year outside 1900–2999, which `parsePeriod`
 * cannot read, is a schema finding, never a crash.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/types.js';
import { header, runMain, tempTree } from './helpers.js';

async function check(yaml: string, asOf: string, since?: string): Promise<CheckResult> {
  const dir = tempTree({ 'log.yaml': yaml });
  const result = await runMain(['check', dir, '--as-of', asOf, ...(since ? ['--since', since] : []), '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as CheckResult;
}

const brief = (result: CheckResult, ...ruleIds: string[]) =>
  result.findings.filter((f) => ruleIds.includes(f.ruleId)).map((f) => ({ ruleId: f.ruleId, period: f.period, line: f.line, waived: !!f.waived }));

describe('a year written as a bare number', () => {
  it('is accepted as makeUpFor and credits that year', async () => {
    const yaml = `${header()}activities:\n  - date: 2027-01-18\n    type: 组织生活会\n    makeUpFor: 2026\n`;
    expect(brief(await check(yaml, '2027-02-01', '2026-01-01'), 'schema', 'organizational-life-yearly')).toEqual([]);
  });
});

describe('a period whose year is out of range', () => {
  it.each([
    ['a waiver period', 'waivers:\n  - { rule: national-defense-quarterly, period: 1850-Q1, reason: x, approvedBy: y }\n'],
    ['a bare-year waiver period', 'waivers:\n  - { rule: member-review-yearly, period: 1899, reason: x, approvedBy: y }\n'],
    ['a makeUpFor', 'activities:\n  - { date: 2026-01-10, type: 政治学习, makeUpFor: 1850-03 }\n'],
    ['a bare-year makeUpFor', 'activities:\n  - { date: 2026-01-10, type: 政治学习, makeUpFor: 30000 }\n'],
  ])('in %s is a schema finding at that line, not an internal error', async (_, body) => {
    const result = await check(`${header()}${body}`, '2026-02-01');
    expect(brief(result, 'schema')).toEqual([{ ruleId: 'schema', period: undefined, line: 7, waived: false }]);
    expect(result.findings.find((f) => f.ruleId === 'schema')!.message).toContain('不是有效的周期');
  });
});
