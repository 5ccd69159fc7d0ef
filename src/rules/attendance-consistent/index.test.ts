import { ruleTable } from '../../../test/rule-table.js';

const day = (attendance: string, more = '') => `activities:\n  - date: 2026-01-15\n    type: 主题党日\n    attendance: ${attendance}\n${more}`;

ruleTable('attendance-consistent', {
  accept: [
    { name: 'counts that add up', asOf: '2026-02-01', log: day('{ expected: 10, present: 8, leave: 1, absent: 1 }') },
    { name: 'present and expected only', asOf: '2026-02-01', log: day('{ expected: 10, present: 10 }') },
    { name: 'guests not counted', asOf: '2026-02-01', log: day('{ expected: 10, present: 10 }', '    guests: 3\n') },
    {
      name: 'absentees matching leave and absent by kind',
      asOf: '2026-02-01',
      log: day('{ expected: 10, present: 8, leave: 1, absent: 1 }', '    absentees: [{ name: 赵某, reason: 出差, kind: leave }, { name: 钱某, reason: 当班, kind: absent }]\n'),
    },
    { name: 'absentees matching expected − present', asOf: '2026-02-01', log: day('{ expected: 10, present: 9 }', '    absentees: [{ name: 赵某, reason: 出差 }]\n') },
  ],
  reject: [
    { name: 'more present than expected', asOf: '2026-02-01', log: day('{ expected: 8, present: 9 }'), findings: [{ messageId: 'presentOverExpected', period: '2026-01', line: 7 }] },
    { name: 'guests counted as present', asOf: '2026-02-01', log: day('{ expected: 8, present: 10 }', '    guests: 2\n'), findings: [{ messageId: 'guestsCounted', period: '2026-01', line: 7 }] },
    { name: 'expected above the members', asOf: '2026-02-01', log: day('{ expected: 12, present: 12 }'), findings: [{ messageId: 'expectedOverMembers', period: '2026-01', line: 7 }] },
    { name: 'present + leave + absent ≠ expected', asOf: '2026-02-01', log: day('{ expected: 10, present: 10, absent: 5 }'), findings: [{ messageId: 'sum', period: '2026-01', line: 7 }] },
    {
      name: 'absentees not as many as leave + absent',
      asOf: '2026-02-01',
      log: day('{ expected: 10, present: 8, leave: 2 }', '    absentees: [{ name: 赵某, reason: 出差 }]\n'),
      findings: [{ messageId: 'absentees', period: '2026-01', line: 7 }],
    },
    {
      name: 'absentees of the wrong kind',
      asOf: '2026-02-01',
      log: day('{ expected: 10, present: 8, leave: 2, absent: 0 }', '    absentees: [{ name: 赵某, reason: 出差, kind: leave }, { name: 钱某, reason: 睡过头, kind: absent }]\n'),
      findings: [{ messageId: 'kinds', period: '2026-01', line: 7 }],
    },
  ],
});
