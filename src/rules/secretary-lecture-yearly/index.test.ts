import { ruleTable } from '../../../test/rule-table.js';

ruleTable('secretary-lecture-yearly', {
  accept: [
    { name: 'the secretary lectured', asOf: '2027-01-01', since: '2026-01-01', log: 'activities:\n  - date: 2026-03-27\n    type: 党课\n    lecturerRole: secretary\n' },
    { name: 'the year has not ended', asOf: '2026-12-31', log: 'activities: []\n' },
  ],
  reject: [
    { name: 'only a member lectured', asOf: '2027-01-01', since: '2026-01-01', log: 'activities:\n  - date: 2026-03-27\n    type: 党课\n    lecturerRole: member\n', findings: [{ messageId: 'missing', period: '2026', line: 2 }] },
  ],
});
