import { ruleTable } from '../../../test/rule-table.js';

ruleTable('duplicate-activity', {
  accept: [
    { name: 'two different activities on one day', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n  - { date: 2026-01-06, type: 党课, title: 一月支委会 }\n' },
  ],
  reject: [
    { name: 'the same record twice', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 支委会, title: 一月支委会 }\n  - { date: 2026-01-06, type: committee-meeting, title: 一月支委会 }\n', findings: [{ messageId: 'repeated', period: '2026-01', line: 8 }] },
  ],
});
