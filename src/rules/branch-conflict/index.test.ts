import { ruleTable, HEADER } from '../../../test/rule-table.js';

ruleTable('branch-conflict', {
  accept: [
    { name: 'two files with the same header', asOf: '2026-02-01', files: { 'a.yaml': `${HEADER}activities: []\n`, 'b.yaml': `${HEADER}activities: []\n` } },
    { name: 'two branches', asOf: '2026-02-01', files: { 'a.yaml': HEADER, 'b.yaml': HEADER.replace('id: b1', 'id: b2') } },
  ],
  reject: [
    { name: 'two files that disagree on the members', asOf: '2026-02-01', files: { 'a.yaml': HEADER, 'b.yaml': HEADER.replace('members: 10', 'members: 12') }, findings: [{ messageId: 'model.branchConflict', line: 5 }] },
  ],
});
