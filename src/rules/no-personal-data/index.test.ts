import { ruleTable } from '../../../test/rule-table.js';

ruleTable('no-personal-data', {
  accept: [
    { name: 'a staff number', asOf: '2026-02-01', log: 'cases:\n  - { id: c1, date: 2026-01-05, trigger: 生病住院, staff: E0123, followUps: [2026-01-06] }\n' },
    { name: 'digits that fail the checks', asOf: '2026-02-01', log: '# 110105194912310021 6222021234567890123 2026010512345678\n' },
  ],
  reject: [
    { name: 'an ID number in a comment', asOf: '2026-02-01', log: '# 身份证 11010519491231002X\n', findings: [{ messageId: 'id-number', line: 6 }] },
    { name: 'a mobile number in a title', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 走访, title: 走访 13812345678 家 }\n', findings: [{ messageId: 'mobile', line: 7 }] },
    { name: 'a bank card (Luhn)', asOf: '2026-02-01', log: '# 6222 0212 3456 7890 128\n', findings: [{ messageId: 'bank-card', line: 6 }] },
  ],
});
