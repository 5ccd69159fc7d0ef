import { ruleTable } from '../../../test/rule-table.js';

ruleTable('stale-waiver', {
  accept: [
    { name: 'a waiver that waives a finding', asOf: '2026-04-01', log: 'waivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n' },
    { name: 'a waiver for a pending period', asOf: '2026-03-01', log: 'waivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n' },
  ],
  reject: [
    { name: 'a waiver for a period that was met', asOf: '2026-04-01', log: 'activities:\n  - { date: 2026-03-01, type: 国防教育 }\nwaivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修, approvedBy: 党委 }\n', findings: [{ messageId: 'stale', period: '2026-Q1', line: 9 }] },
  ],
});
