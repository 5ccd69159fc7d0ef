import { ruleTable } from '../../../test/rule-table.js';

ruleTable('unknown-group', {
  accept: [
    { name: 'a known group', asOf: '2026-02-01', header: '  groups: [一组]\n', log: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 一组 }\n' },
    { name: 'a branch without groups', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 三组 }\n' },
  ],
  reject: [
    { name: 'no group named', asOf: '2026-02-01', header: '  groups: [一组]\n', log: 'activities:\n  - { date: 2026-01-06, type: 党小组会 }\n', findings: [{ messageId: 'none', period: '2026-01', line: 8 }] },
    { name: 'a group not in the list', asOf: '2026-02-01', header: '  groups: [一组]\n', log: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 三组 }\n', findings: [{ messageId: 'unknownSuggest', period: '2026-01', line: 8 }] },
    { name: 'a group unlike any in the list', asOf: '2026-02-01', header: '  groups: [第一党小组]\n', log: 'activities:\n  - { date: 2026-01-06, type: 党小组会, group: 机关 }\n', findings: [{ messageId: 'unknown', period: '2026-01', line: 8 }] },
  ],
});
