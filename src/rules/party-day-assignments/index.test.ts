import { ruleTable } from '../../../test/rule-table.js';

/** The parent committee's assignments for January (the configuration's `assignments:` file). */
const PLAN = { 'party-day-assignments': { options: { assignments: { '2026-01': ['学习党章', '重温入党誓词'] } } } };

ruleTable('party-day-assignments', {
  accept: [
    { name: 'a party day with an assignment', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    assignments: [学习党章]\n' },
    { name: 'every assigned item done', asOf: '2026-02-01', rules: PLAN, log: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    assignments: [学习党章, 重温入党誓词]\n' },
  ],
  reject: [
    { name: 'a party day with electives only', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    electives: [参观]\n', findings: [{ messageId: 'noAssignment', period: '2026-01', line: 7 }] },
    { name: 'a party day combined with other types', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-15\n    type: [党纪教育, party-day]\n', findings: [{ messageId: 'noAssignment', period: '2026-01', line: 7 }] },
    { name: 'an assigned item not done', asOf: '2026-02-01', rules: PLAN, log: 'activities:\n  - date: 2026-01-15\n    type: 主题党日\n    assignments: [学习党章]\n', findings: [{ messageId: 'planMissing', period: '2026-01', line: 2 }] },
  ],
});
