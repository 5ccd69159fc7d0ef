import { inWindow, monthOf } from './scope.js';
import { lineRef } from '../util/where.js';
import { zh, type Rule } from './rule.js';

export const duplicateActivity: Rule = {
  meta: {
    id: 'duplicate-activity',
    category: 'content',
    severity: 'warning',
    period: 'month',
    title: zh('活动记录不重复', 'No activity is recorded twice'),
    source: zh('台账记录真实准确，一次活动只记一次', 'A log records each activity once'),
  },
  checkBranch({ branch, window, report }) {
    for (const activity of branch.activities) {
      if (!activity.duplicateOf || !inWindow(activity.date, window)) continue;
      const first = activity.duplicateOf;
      report({
        period: monthOf(activity.date),
        location: activity.location,
        messageId: 'duplicate.activity',
        params: { date: activity.date, first: lineRef(first) },
      });
    }
  },
};
