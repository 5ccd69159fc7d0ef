import { ruleTable } from '../../../test/rule-table.js';

ruleTable('first-topic', {
  accept: [
    { name: 'a committee meeting with a first topic', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    firstTopic: 学习讲话精神\n' },
    { name: 'a meeting before the evaluation start', asOf: '2026-02-01', since: '2026-01-10', log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n' },
  ],
  reject: [
    { name: 'a committee meeting without one', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n', findings: [{ messageId: 'missing', period: '2026-01', line: 7 }] },
    { name: 'a placeholder first topic (无)', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    firstTopic: 无\n', findings: [{ messageId: 'placeholder', period: '2026-01', line: 7 }] },
    { name: 'a placeholder first topic (N/A)', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    firstTopic: N/A\n', findings: [{ messageId: 'placeholder', period: '2026-01', line: 7 }] },
    { name: 'a blank first topic', asOf: '2026-02-01', log: 'activities:\n  - date: 2026-01-06\n    type: committee-meeting\n    firstTopic: "  "\n', findings: [{ messageId: 'missing', period: '2026-01', line: 7 }] },
  ],
});
