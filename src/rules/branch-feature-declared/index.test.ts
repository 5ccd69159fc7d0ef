import { ruleTable } from '../../../test/rule-table.js';

ruleTable('branch-feature-declared', {
  accept: [
    { name: 'feature and highlight', asOf: '2027-01-01', since: '2026-01-01', log: 'features:\n  - { year: 2026, feature: 安全先锋, highlight: 亲情安全 }\n' },
  ],
  reject: [
    { name: 'highlight missing', asOf: '2027-01-01', since: '2026-01-01', log: 'features:\n  - { year: 2026, feature: 安全先锋 }\n', findings: [{ messageId: 'highlight', period: '2026', line: 7 }] },
    { name: 'no entry', asOf: '2027-01-01', since: '2026-01-01', log: 'features: []\n', findings: [{ messageId: 'none', period: '2026', line: 2 }] },
    { name: 'feature missing', asOf: '2027-01-01', since: '2026-01-01', log: 'features:\n  - { year: 2026, highlight: 亲情安全 }\n', findings: [{ messageId: 'feature', period: '2026', line: 7 }] },
    { name: 'both blank', asOf: '2027-01-01', since: '2026-01-01', log: 'features:\n  - { year: 2026, feature: " ", highlight: " " }\n', findings: [{ messageId: 'feature-highlight', period: '2026', line: 7 }] },
  ],
});
