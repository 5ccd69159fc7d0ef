import { ruleTable } from '../../../test/rule-table.js';

ruleTable('yaml-syntax', {
  accept: [
    { name: 'block and flow collections', asOf: '2026-02-01', log: 'activities:\n  - { date: 2026-01-06, type: [支委会], firstTopic: 学习 }\n' },
    { name: 'a comment and a quoted colon', asOf: '2026-02-01', log: '# 一月\nactivities:\n  - date: 2026-01-06\n    type: 支委会\n    firstTopic: "学习: 讲话"\n' },
  ],
  reject: [
    { name: 'an unclosed flow sequence', asOf: '2026-02-01', log: 'activities: [\n', findings: [{ messageId: 'load.yaml.syntax', line: 7 }] },
    { name: 'a full-width colon', asOf: '2026-02-01', log: 'activities：[]\n', findings: [{ messageId: 'load.yaml.fix.fullwidth-colon', line: 6 }] },
    { name: 'a key twice', asOf: '2026-02-01', log: 'activities: []\nactivities: []\n', findings: [{ messageId: 'load.yaml.duplicate-key', line: 7 }] },
    { name: 'an anchor', asOf: '2026-02-01', log: 'activities: &a []\n', findings: [{ messageId: 'load.yaml.anchor', line: 6 }] },
    { name: 'two documents', asOf: '2026-02-01', log: '---\nactivities: []\n', findings: [{ messageId: 'load.yaml.multiple-documents', line: 6 }] },
  ],
});
