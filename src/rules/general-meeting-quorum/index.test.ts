import { ruleTable } from '../../../test/rule-table.js';

ruleTable('general-meeting-quorum', {
  accept: [
    { name: 'more than half present', asOf: '2026-04-01', log: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { expected: 10, present: 6 }\n' },
  ],
  reject: [
    { name: 'exactly half present', asOf: '2026-04-01', log: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { expected: 10, present: 5 }\n', findings: [{ messageId: 'notMet', period: '2026-03', line: 7 }] },
    { name: 'expected taken from branch.members', asOf: '2026-04-01', log: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n    attendance: { present: 5 }\n', findings: [{ messageId: 'notMet', period: '2026-03', line: 7 }] },
    { name: 'no attendance recorded', asOf: '2026-04-01', log: 'activities:\n  - date: 2026-03-20\n    type: 党员大会\n', findings: [{ messageId: 'noAttendance', period: '2026-03', line: 7 }] },
  ],
});
