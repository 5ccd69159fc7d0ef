import { ruleTable } from '../../../test/rule-table.js';

const full = '    host: 王书记\n    recorder: 李委员\n    attendance: { expected: 5, present: 5 }\n    agenda: [研究发展党员]\n';

ruleTable('record-complete', {
  accept: [
    { name: 'a complete committee meeting', asOf: '2026-02-01', log: `activities:\n  - date: 2026-01-06\n    type: 支委会\n${full}    resolution: 同意\n` },
    { name: 'a type with no requirements', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 政治业务学习\n' },
    { name: 'a party day with attendance', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 主题党日\n    attendance: { expected: 10, present: 9 }\n' },
    {
      name: 'a lecture with lecturer, title and attendance',
      asOf: '2026-02-01',
      log: 'activities:\n  - date: 2026-01-06\n    type: 党课\n    title: 学党章\n    lecturer: 王书记\n    attendance: { expected: 10, present: 9 }\n',
    },
  ],
  reject: [
    {
      name: 'a committee meeting with only a date',
      asOf: '2026-02-01',
      log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n',
      findings: [{ messageId: 'missing', period: '2026-01', line: 7 }],
    },
    {
      name: 'a placeholder resolution (略)',
      asOf: '2026-02-01',
      log: `activities:\n  - date: 2026-01-06\n    type: 支委会\n${full}    resolution: 略\n`,
      findings: [{ messageId: 'placeholder', period: '2026-01', line: 7 }],
    },
    {
      name: 'an activity of two types needs both rows (one finding)',
      asOf: '2026-02-01',
      log: 'activities:\n  - date: 2026-01-06\n    type: [主题党日, 党课]\n    attendance: { expected: 10, present: 9 }\n',
      findings: [{ messageId: 'missing', period: '2026-01', line: 7 }],
    },
    {
      name: 'a group meeting with N/A as host',
      asOf: '2026-02-01',
      header: '  groups: [一组]\n',
      log: 'activities:\n  - date: 2026-01-06\n    type: 党小组会\n    group: 一组\n    host: N/A\n    attendance: { expected: 5, present: 5 }\n',
      findings: [{ messageId: 'placeholder', period: '2026-01', line: 8 }],
    },
  ],
});
