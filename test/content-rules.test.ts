/** Accept/reject tables for the content rules: small logs, and the expected [period, line] of each finding. */
import { describe, expect, it } from 'vitest';
import { checkBody, checkFiles, HEADER, of } from './check-yaml.js';

interface Row {
  name: string;
  body: string;
  asOf: string;
  since?: string;
  header?: string;
  expect: [string, number][];
}

const TABLE: Record<string, Row[]> = {
  'first-topic': [
    { name: 'a committee meeting with a first topic', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    firstTopic: 学习讲话精神\n', expect: [] },
    { name: 'a committee meeting without one', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n', expect: [['2026-01', 7]] },
    { name: 'a blank first topic', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-06\n    type: committee-meeting\n    firstTopic: "  "\n', expect: [['2026-01', 7]] },
    { name: 'a meeting before the evaluation start', asOf: '2026-02-01', since: '2026-01-10', body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n', expect: [] },
  ],
  'party-day-assignments': [
    { name: 'a party day with an assignment', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    assignments: [学习党章]\n', expect: [] },
    { name: 'a party day with electives only', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    electives: [参观]\n', expect: [['2026-01', 7]] },
    { name: 'a party day combined with other types', asOf: '2026-02-01', body: 'activities:\n  - date: 2026-01-15\n    type: [党纪教育, party-day]\n', expect: [['2026-01', 7]] },
  ],
  'secretary-lecture-yearly': [
    { name: 'the secretary lectured', asOf: '2027-01-01', since: '2026-01-01', body: 'activities:\n  - date: 2026-03-27\n    type: 党课\n    lecturerRole: secretary\n', expect: [] },
    { name: 'only a member lectured', asOf: '2027-01-01', since: '2026-01-01', body: 'activities:\n  - date: 2026-03-27\n    type: 党课\n    lecturerRole: member\n', expect: [['2026', 2]] },
    { name: 'the year has not ended', asOf: '2026-12-31', body: 'activities: []\n', expect: [] },
  ],
  'general-meeting-quorum': [
    { name: 'more than half present', asOf: '2026-04-01', body: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { expected: 10, present: 6 }\n', expect: [] },
    { name: 'exactly half present', asOf: '2026-04-01', body: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { expected: 10, present: 5 }\n', expect: [['2026-03', 7]] },
    { name: 'expected taken from branch.members', asOf: '2026-04-01', body: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { present: 5 }\n', expect: [['2026-03', 7]] },
    { name: 'no attendance recorded', asOf: '2026-04-01', body: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n', expect: [['2026-03', 7]] },
  ],
  'case-follow-up': [
    { name: 'followed up within 7 days', asOf: '2026-08-01', body: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n    followUps: [2026-07-09]\n', expect: [] },
    { name: 'followed up on day 8', asOf: '2026-08-01', body: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n    followUps: [2026-07-10]\n', expect: [['2026-07', 7]] },
    { name: 'no follow-up, limit not yet passed', asOf: '2026-07-09', body: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n', expect: [] },
    { name: 'no follow-up, limit passed', asOf: '2026-07-10', body: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n', expect: [['2026-07', 7]] },
  ],
  'staff-archive-complete': [
    { name: 'all archived', asOf: '2027-01-01', since: '2026-01-01', body: 'staff:\n  - { year: 2026, total: 50, archived: 50 }\n', expect: [] },
    { name: 'some missing', asOf: '2027-01-01', since: '2026-01-01', body: 'staff:\n  - { year: 2026, total: 50, archived: 48 }\n', expect: [['2026', 7]] },
    { name: 'no entry for the year', asOf: '2027-01-01', since: '2026-01-01', body: 'staff:\n  - { year: 2025, total: 50, archived: 50 }\n', expect: [['2026', 2]] },
  ],
  'branch-feature-declared': [
    { name: 'feature and highlight', asOf: '2027-01-01', since: '2026-01-01', body: 'features:\n  - { year: 2026, feature: 安全先锋, highlight: 亲情安全 }\n', expect: [] },
    { name: 'highlight missing', asOf: '2027-01-01', since: '2026-01-01', body: 'features:\n  - { year: 2026, feature: 安全先锋 }\n', expect: [['2026', 7]] },
    { name: 'no entry', asOf: '2027-01-01', since: '2026-01-01', body: 'features: []\n', expect: [['2026', 2]] },
  ],
  'term-expiry': [
    { name: 'term running', asOf: '2026-07-01', header: '  termStart: 2024-05-10\n', body: '', expect: [] },
    { name: 'ends within 6 months', asOf: '2026-11-10', header: '  termStart: 2024-05-10\n', body: '', expect: [['', 6]] },
    { name: 'expired', asOf: '2027-05-10', header: '  termStart: 2024-05-10\n', body: '', expect: [['', 6]] },
    { name: 'no term start', asOf: '2030-01-01', body: '', expect: [] },
  ],
  'no-personal-data': [
    { name: 'a staff number', asOf: '2026-02-01', body: 'cases:\n  - { id: c1, date: 2026-01-05, trigger: 生病住院, staff: E0123, followUps: [2026-01-06] }\n', expect: [] },
    { name: 'an ID number in a comment', asOf: '2026-02-01', body: '# 身份证 11010519491231002X\n', expect: [['', 6]] },
    { name: 'a mobile number in a title', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-01-06, type: 走访, title: 走访 13812345678 家 }\n', expect: [['', 7]] },
    { name: 'a bank card (Luhn)', asOf: '2026-02-01', body: '# 6222 0212 3456 7890 128\n', expect: [['', 6]] },
    { name: 'digits that fail the checks', asOf: '2026-02-01', body: '# 110105194912310021 6222021234567890123 2026010512345678\n', expect: [] },
  ],
  'unknown-group': [
    { name: 'a known group', asOf: '2026-02-01', header: '  groups: [一组]\n', body: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 一组 }\n', expect: [] },
    { name: 'no group named', asOf: '2026-02-01', header: '  groups: [一组]\n', body: 'activities:\n  - { date: 2026-01-06, type: 党小组会 }\n', expect: [['2026-01', 8]] },
    { name: 'a group not in the list', asOf: '2026-02-01', header: '  groups: [一组]\n', body: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 三组 }\n', expect: [['2026-01', 8]] },
    { name: 'a branch without groups', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 三组 }\n', expect: [] },
  ],
  'duplicate-activity': [
    { name: 'two different activities on one day', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n  - { date: 2026-01-06, type: 党课, title: 一月支委会 }\n', expect: [] },
    { name: 'the same record twice', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n  - { date: 2026-01-06, type: committee-meeting, title: 一月支委会 }\n', expect: [['2026-01', 8]] },
  ],
  'future-date': [
    { name: 'on the as-of date', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-02-01, type: 走访 }\n', expect: [] },
    { name: 'after the as-of date', asOf: '2026-02-01', body: 'activities:\n  - { date: 2026-03-01, type: 走访 }\n', expect: [['2026-03', 7]] },
  ],
  'stale-waiver': [
    { name: 'a waiver that waives a finding', asOf: '2026-04-01', body: 'waivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n', expect: [] },
    { name: 'a waiver for a period that was met', asOf: '2026-04-01', body: 'activities:\n  - { date: 2026-03-01, type: 国防教育 }\nwaivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n', expect: [['2026-Q1', 9]] },
    { name: 'a waiver for a pending period', asOf: '2026-03-01', body: 'waivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n', expect: [] },
  ],
};

describe.each(Object.entries(TABLE))('%s', (ruleId, rows) => {
  it.each(rows)('$name', async (row) => {
    const findings = await checkFiles({ 'log.yaml': HEADER + (row.header ?? '') + row.body }, { asOf: row.asOf, since: row.since });
    expect(of(findings, ruleId)).toEqual(row.expect);
    expect(findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'yaml-syntax')).toEqual([]);
  });
});

describe('content rule details', () => {
  it('term-expiry warns before the end and errs after it', async () => {
    const soon = await checkBody('', { asOf: '2026-11-10' }).then(() =>
      checkFiles({ 'a.yaml': HEADER + '  termStart: 2024-05-10\n' }, { asOf: '2026-11-10' }),
    );
    expect(soon.filter((f) => f.ruleId === 'term-expiry').map((f) => f.severity)).toEqual(['warning']);
    const late = await checkFiles({ 'a.yaml': HEADER + '  termStart: 2024-05-10\n' }, { asOf: '2027-05-10' });
    expect(late.filter((f) => f.ruleId === 'term-expiry').map((f) => f.severity)).toEqual(['error']);
  });

  it('no-personal-data masks what it finds, and no message repeats the number', async () => {
    const findings = await checkBody('activities:\n  - { date: 2026-01-06, type: 走访, title: 11010519491231002X }\n', { asOf: '2026-02-01' });
    const found = findings.filter((f) => f.ruleId === 'no-personal-data');
    expect(found.map((f) => f.message)).toEqual(['此处有身份证号 1101**********002X。台账中不得出现个人信息，请改用化名编号']);
    expect(JSON.stringify(findings)).not.toContain('11010519491231002X');
  });

  it('a waiver turns a finding into a waived one and stale-waiver stays silent', async () => {
    const findings = await checkBody(
      'waivers:\n  - rule: national-defense-quarterly\n    period: 2026-Q1\n    reason: 集中检修\n    approvedBy: 冶炼厂党委\n',
      { asOf: '2026-04-01' },
    );
    const defense = findings.filter((f) => f.ruleId === 'national-defense-quarterly');
    expect(defense).toEqual([
      {
        ruleId: 'national-defense-quarterly',
        severity: 'error',
        branch: 'b1',
        period: '2026-Q1',
        file: expect.stringMatching(/log\.yaml$/),
        line: 2,
        column: 1,
        message: '2026-Q1 未开展国防教育：要求每季度至少 1 次，实际 0 次',
        waived: { reason: '集中检修', approvedBy: '冶炼厂党委' },
      },
    ]);
    expect(of(findings, 'stale-waiver')).toEqual([]);
  });

  it('rejects a waiver whose period is of another kind, or whose rule does not exist', async () => {
    const findings = await checkBody(
      'waivers:\n  - { rule: national-defense-quarterly, period: 2026-03, reason: 检修, approvedBy: 党委 }\n  - { rule: national-defence-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n  - { rule: term-expiry, period: 2026, reason: 检修, approvedBy: 党委 }\n',
      { asOf: '2026-04-01' },
    );
    expect(findings.filter((f) => f.ruleId === 'schema').map((f) => [f.line, f.message])).toEqual([
      [7, '规则 national-defense-quarterly 按季度检查，豁免的周期“2026-03”类型不符（例如季度规则写 2026-Q1）'],
      [8, '豁免的规则“national-defence-quarterly”不存在。可用 dangjian rules 查看所有规则编号'],
      [9, '规则 term-expiry 不按周期检查，不能豁免'],
    ]);
  });

  it('accepts a year period written as a bare YAML integer', async () => {
    const findings = await checkBody(
      'waivers:\n  - { rule: organizational-life-yearly, period: 2026, reason: 改制, approvedBy: 党委 }\n',
      { asOf: '2027-01-01', since: '2026-01-01' },
    );
    expect(findings.filter((f) => f.ruleId === 'organizational-life-yearly').map((f) => f.waived?.reason)).toEqual(['改制']);
  });

  it('branch-conflict: files of one branch must agree on the header', async () => {
    const findings = await checkFiles(
      { 'a.yaml': HEADER + 'activities: []\n', 'b.yaml': HEADER.replace('members: 10', 'members: 12') + 'activities: []\n' },
      { asOf: '2026-02-01' },
    );
    expect(findings.filter((f) => f.ruleId === 'branch-conflict').map((f) => [f.file.split('/').pop(), f.line, f.message])).toEqual([
      ['b.yaml', 5, '支部 b1 的 members 与 a.yaml:5 不一致（此处为“12”，先前为“10”）。同一支部的各文件必须一致'],
    ]);
  });

  it('--rule changes a severity or turns a rule off', async () => {
    const body = 'activities:\n  - date: 2026-01-06\n    type: 支委会\n';
    const warn = await checkBody(body, { asOf: '2026-02-01', rules: { 'first-topic': { severity: 'warning' } } });
    expect(warn.filter((f) => f.ruleId === 'first-topic').map((f) => f.severity)).toEqual(['warning']);
    const off = await checkBody(body, { asOf: '2026-02-01', rules: { 'first-topic': { severity: 'off' } } });
    expect(of(off, 'first-topic')).toEqual([]);
  });

  it('case-follow-up takes a days option', async () => {
    const body = 'cases:\n  - { id: c1, date: 2026-07-02, trigger: 生病住院, followUps: [2026-07-06] }\n';
    expect(of(await checkBody(body, { asOf: '2026-08-01', rules: { 'case-follow-up': { options: { days: 3 } } } }), 'case-follow-up')).toEqual([['2026-07', 7]]);
  });
});
