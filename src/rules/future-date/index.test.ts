import { ruleTable } from '../../../test/rule-table.js';

ruleTable('future-date', {
  accept: [
    { name: 'on the as-of date', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-02-01, type: 走访 }\n' },
  ],
  reject: [
    { name: 'after the as-of date', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-03-01, type: 走访 }\n', findings: [{ messageId: 'future', period: '2026-03', line: 7 }] },
  ],
});
