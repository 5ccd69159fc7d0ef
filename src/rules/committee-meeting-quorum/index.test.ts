import { ruleTable } from '../../../test/rule-table.js';

const meeting = (attendance: string) => `activities:\n  - date: 2026-01-06\n    type: 支委会\n${attendance ? `    attendance: ${attendance}\n` : ''}`;

ruleTable('committee-meeting-quorum', {
  accept: [
    { name: 'three of five', asOf: '2026-02-01', log: meeting('{ expected: 5, present: 3 }') },
    { name: 'no attendance recorded', asOf: '2026-02-01', log: meeting('') },
  ],
  reject: [
    { name: 'two of five', asOf: '2026-02-01', log: meeting('{ expected: 5, present: 2 }'), findings: [{ messageId: 'notMet', period: '2026-01', line: 7 }] },
    { name: 'exactly half', asOf: '2026-02-01', log: meeting('{ expected: 4, present: 2 }'), findings: [{ messageId: 'notMet', period: '2026-01', line: 7 }] },
  ],
});
