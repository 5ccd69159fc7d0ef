import { ruleTable } from '../../../test/rule-table.js';

const meeting = (attendance: string, votes: string) =>
  `activities:\n  - date: 2026-01-16\n    type: 党员大会\n${attendance ? `    attendance: ${attendance}\n` : ''}${votes ? `    votes: ${votes}\n` : ''}`;

ruleTable('vote-majority', {
  accept: [
    { name: 'more than half for', asOf: '2026-02-01', log: meeting('{ expected: 10, present: 9 }', '{ for: 6, against: 2, abstain: 1 }') },
    { name: 'no vote recorded', asOf: '2026-02-01', log: meeting('{ expected: 10, present: 9 }', '') },
    { name: 'the members when no expected count', asOf: '2026-02-01', log: meeting('', '{ for: 6 }') },
  ],
  reject: [
    { name: 'exactly half for', asOf: '2026-02-01', log: meeting('{ expected: 10, present: 9 }', '{ for: 5, against: 4 }'), findings: [{ messageId: 'notPassed', period: '2026-01', line: 7 }] },
    { name: 'half of the members, no expected count', asOf: '2026-02-01', log: meeting('', '{ for: 5 }'), findings: [{ messageId: 'notPassed', period: '2026-01', line: 7 }] },
    { name: 'more votes than present', asOf: '2026-02-01', log: meeting('{ expected: 10, present: 7 }', '{ for: 6, against: 1, abstain: 1 }'), findings: [{ messageId: 'tooMany', period: '2026-01', line: 7 }] },
  ],
});
