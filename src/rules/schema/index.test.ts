import { ruleTable } from '../../../test/rule-table.js';

ruleTable('schema', {
  accept: [
    { name: 'every kind of record', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 支委会, firstTopic: 学习 }\ncases: []\nwaivers: []\n' },
    { name: 'a type by its Chinese name or its id', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: [党纪教育, political-study] }\n' },
  ],
  reject: [
    { name: 'a misspelt field', asOf: '2026-02-01', log: 'activites: []\n', findings: [{ messageId: 'schema.unknownFieldSuggest', line: 6 }] },
    { name: 'an unknown activity type', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: 读书会 }\n', findings: [{ messageId: 'schema.unknownType', line: 7 }] },
    { name: 'a date that does not exist', asOf: '2026-03-01', log: 'activities:\n  - { date: 2026-02-30, type: 支委会 }\n', findings: [{ messageId: 'schema.dateNotReal', line: 7 }] },
    { name: 'a branch without its name', asOf: '2026-02-01', files: { 'log.yaml': 'version: 1\nbranch:\n  id: b1\n  members: 10\n' }, findings: [{ messageId: 'schema.required', line: 2 }] },
  ],
});
