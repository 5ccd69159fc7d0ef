/**
 * Details of the content rules across rules: severities, waivers, messages, options. Each rule's
 * accept/reject table sits beside it (src/rules/<id>/index.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkBody, checkFiles, HEADER, of } from './check-yaml.js';

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
    expect(found.map((f) => f.message)).toEqual(['此处有身份证号 1101**********002X。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可']);
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
