import { ruleTable } from '../../../test/rule-table.js';

ruleTable('term-unknown', {
  accept: [
    { name: 'a term start', asOf: '2026-07-01', header: '  termStart: 2024-05-10\n', log: '' },
    { name: 'a dissolved branch', asOf: '2026-07-01', header: '  dissolved: 2026-03-01\n', log: '' },
  ],
  reject: [{ name: 'no term start', asOf: '2026-07-01', log: '', findings: [{ messageId: 'missing', line: 2 }] }],
});
