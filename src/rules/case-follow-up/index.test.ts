import { ruleTable } from '../../../test/rule-table.js';

ruleTable('case-follow-up', {
  accept: [
    { name: 'followed up within 7 days', asOf: '2026-08-01', log: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n    followUps: [2026-07-09]\n' },
    { name: 'no follow-up, limit not yet passed', asOf: '2026-07-09', log: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n' },
    { name: 'followed up on day 8, with a days option of 10', asOf: '2026-08-01', rules: { 'case-follow-up': { options: { days: 10 } } }, log: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n    followUps: [2026-07-10]\n' },
  ],
  reject: [
    { name: 'followed up on day 8', asOf: '2026-08-01', log: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n    followUps: [2026-07-10]\n', findings: [{ messageId: 'late', period: '2026-07', line: 7 }] },
    { name: 'no follow-up, limit passed', asOf: '2026-07-10', log: 'cases:\n  - id: c1\n    date: 2026-07-02\n    trigger: 生病住院\n', findings: [{ messageId: 'overdue', period: '2026-07', line: 7 }] },
  ],
});
