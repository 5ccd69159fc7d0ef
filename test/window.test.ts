/**
 * The evaluation start (spec, Periods): per branch, 1 January of the year of its earliest dated
 * activity, never earlier than 1 January of the year before the as-of year; --since or the
 * configuration's since for every branch; every output says which start it used.
 */
import { describe, expect, it } from 'vitest';
import { header, runMain, tempTree } from './helpers.js';

const activities = (...lines: string[]) => `activities:\n${lines.map((line) => `  - ${line}\n`).join('')}`;

interface Finding {
  ruleId: string;
  branch?: string;
  period?: string;
}

async function check(dir: string, ...args: string[]) {
  const result = await runMain(['check', '.', '--format', 'json', ...args], { cwd: dir });
  return JSON.parse(result.stdout) as { since: string; sinceByBranch?: Record<string, string>; findings: Finding[] };
}

const periodsOf = (findings: Finding[], ruleId: string, branch?: string) =>
  findings.filter((f) => f.ruleId === ruleId && (branch === undefined || f.branch === branch)).map((f) => f.period);

describe('the evaluation start', () => {
  it('in January judges December, the fourth quarter, the second half and the whole of the year just ended', async () => {
    const dir = tempTree({ 'a.yaml': header('a', activities('{ date: 2026-03-05, type: 政治业务学习 }')) });
    const result = await check(dir, '--as-of', '2027-01-15');
    expect(result.since).toBe('2026-01-01');
    expect(result.sinceByBranch).toBeUndefined();
    expect(periodsOf(result.findings, 'political-study-monthly')).toContain('2026-12');
    expect(periodsOf(result.findings, 'national-defense-quarterly')).toContain('2026-Q4');
    expect(periodsOf(result.findings, 'law-education-semiannual')).toContain('2026-H2');
    expect(periodsOf(result.findings, 'organizational-life-yearly')).toEqual(['2026']);
    expect(periodsOf(result.findings, 'member-review-yearly')).toEqual(['2026']);
  });

  it('judges a log that begins in March from January of that year, not from years it never logged', async () => {
    const dir = tempTree({ 'a.yaml': header('a', activities('{ date: 2026-03-05, type: 政治业务学习 }')) });
    const result = await check(dir, '--as-of', '2026-07-01');
    expect(result.since).toBe('2026-01-01');
    const months = periodsOf(result.findings, 'political-study-monthly');
    expect(months).toEqual(['2026-01', '2026-02', '2026-04', '2026-05', '2026-06']);
  });

  it('goes back no further than the year before the as-of year', async () => {
    const dir = tempTree({ 'a.yaml': header('a', activities('{ date: 2024-03-05, type: 政治业务学习 }')) });
    const result = await check(dir, '--as-of', '2026-02-10');
    expect(result.since).toBe('2025-01-01');
    const months = periodsOf(result.findings, 'political-study-monthly');
    expect(months[0]).toBe('2025-01');
    expect(months.at(-1)).toBe('2026-01');
  });

  it('starts a branch with nothing logged on 1 January of the as-of year', async () => {
    const dir = tempTree({ 'a.yaml': header('a', '  termStart: 2026-05-10\n') });
    const result = await check(dir, '--as-of', '2027-01-15');
    expect(result.since).toBe('2027-01-01');
    expect(result.findings).toEqual([]);
  });

  it('gives each branch its own start, and states the others beside the common one', async () => {
    const dir = tempTree({
      'a.yaml': header('a', activities('{ date: 2025-05-05, type: 政治业务学习 }')),
      'b.yaml': header('b', activities('{ date: 2026-02-05, type: 政治业务学习 }')),
      'c.yaml': header('c', activities('{ date: 2026-02-06, type: 政治业务学习 }')),
    });
    const result = await check(dir, '--as-of', '2026-03-01');
    expect(result.since).toBe('2026-01-01');
    expect(result.sinceByBranch).toEqual({ a: '2025-01-01' });
    expect(periodsOf(result.findings, 'political-study-monthly', 'a')[0]).toBe('2025-01');
    expect(periodsOf(result.findings, 'political-study-monthly', 'b')).toEqual(['2026-01']);
    const stylish = await runMain(['check', '.', '--as-of', '2026-03-01'], { cwd: dir });
    expect(stylish.stdout.trimEnd().split('\n').at(-1)).toMatch(/自 2026-01-01 起（测试党支部自 2025-01-01 起）\)?）$/);
    const english = await runMain(['check', '.', '--as-of', '2026-03-01', '--lang', 'en'], { cwd: dir });
    expect(english.stdout).toMatch(/, from 2026-01-01 \(测试党支部 from 2025-01-01\)\)/);
  });

  it('uses --since, else the configuration\'s since, for every branch', async () => {
    const dir = tempTree({
      'a.yaml': header('a', activities('{ date: 2025-05-05, type: 政治业务学习 }')),
      'b.yaml': header('b', activities('{ date: 2026-02-05, type: 政治业务学习 }')),
    });
    const flag = await check(dir, '--as-of', '2026-03-01', '--since', '2026-02-01');
    expect([flag.since, flag.sinceByBranch]).toEqual(['2026-02-01', undefined]);
    expect(periodsOf(flag.findings, 'political-study-monthly')).toEqual(['2026-02']);
    const configured = tempTree({
      'dangjian.config.yaml': 'since: 2025-11-01\n',
      'a.yaml': header('a', activities('{ date: 2026-02-05, type: 政治业务学习 }')),
    });
    const fromConfig = await check(configured, '--as-of', '2026-03-01');
    expect(fromConfig.since).toBe('2025-11-01');
    expect(periodsOf(fromConfig.findings, 'political-study-monthly')).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('is stated by report and due too', async () => {
    const dir = tempTree({
      'a.yaml': header('a', activities('{ date: 2025-05-05, type: 政治业务学习 }')),
      'b.yaml': header('b', activities('{ date: 2026-02-05, type: 政治业务学习 }')),
      'c.yaml': header('c', activities('{ date: 2026-02-06, type: 政治业务学习 }')),
    });
    const report = JSON.parse((await runMain(['report', '--period', '2026-Q1', '--as-of', '2026-03-01', '--format', 'json', '.'], { cwd: dir })).stdout);
    expect(report.since).toBe('2026-01-01');
    expect(report.groups[0].branches.map((b: { id: string; since?: string }) => [b.id, b.since])).toEqual([
      ['a', '2025-01-01'],
      ['b', undefined],
      ['c', undefined],
    ]);
    const due = JSON.parse((await runMain(['due', '--as-of', '2026-03-01', '--format', 'json', '.'], { cwd: dir })).stdout);
    expect([due.since, due.sinceByBranch]).toEqual(['2026-01-01', { a: '2025-01-01' }]);
  });
});
