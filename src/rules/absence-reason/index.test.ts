import { ruleTable } from '../../../test/rule-table.js';

const day = (more: string) => `activities:\n  - date: 2026-01-15\n    type: 主题党日\n${more}`;

ruleTable('absence-reason', {
  accept: [
    { name: 'everyone present', asOf: '2026-02-01', log: day('    attendance: { expected: 10, present: 10 }\n') },
    { name: 'absentees with reasons', asOf: '2026-02-01', log: day('    attendance: { expected: 10, present: 9, leave: 1 }\n    absentees: [{ name: 赵某, reason: 出差 }]\n') },
  ],
  reject: [
    { name: 'leave with nobody listed', asOf: '2026-02-01', log: day('    attendance: { expected: 10, present: 8, leave: 1, absent: 1 }\n'), findings: [{ messageId: 'unlisted', period: '2026-01', line: 7 }] },
    { name: 'an absentee without a reason', asOf: '2026-02-01', log: day('    absentees: [{ name: 赵某 }]\n'), findings: [{ messageId: 'noReason', period: '2026-01', line: 7 }] },
    { name: 'a placeholder reason (无)', asOf: '2026-02-01', log: day('    absentees: [{ name: 赵某, reason: 无 }]\n'), findings: [{ messageId: 'noReason', period: '2026-01', line: 7 }] },
  ],
});
