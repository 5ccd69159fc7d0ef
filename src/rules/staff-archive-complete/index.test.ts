import { ruleTable } from '../../../test/rule-table.js';

ruleTable('staff-archive-complete', {
  accept: [
    { name: 'all archived', asOf: '2027-01-01', since: '2026-01-01', log: 'staff:\n  - { year: 2026, total: 50, archived: 50 }\n' },
  ],
  reject: [
    { name: 'some missing', asOf: '2027-01-01', since: '2026-01-01', log: 'staff:\n  - { year: 2026, total: 50, archived: 48 }\n', findings: [{ messageId: 'incomplete', period: '2026', line: 7 }] },
    { name: 'no entry for the year', asOf: '2027-01-01', since: '2026-01-01', log: 'staff:\n  - { year: 2025, total: 50, archived: 50 }\n', findings: [{ messageId: 'missing', period: '2026', line: 2 }] },
  ],
});
