import { ruleTable } from '../../../test/rule-table.js';

ruleTable('term-expiry', {
  accept: [
    { name: 'term running', asOf: '2026-07-01', header: '  termStart: 2024-05-10\n', log: '' },
    { name: 'no term start', asOf: '2030-01-01', log: '' },
  ],
  reject: [
    { name: 'ends within 6 months', asOf: '2026-11-10', header: '  termStart: 2024-05-10\n', log: '', findings: [{ messageId: 'expiring', line: 6, severity: 'warning' }] },
    { name: 'expired', asOf: '2027-05-10', header: '  termStart: 2024-05-10\n', log: '', findings: [{ messageId: 'expired', line: 6 }] },
  ],
});
