import { monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

export const futureDate: Rule = {
  meta: {
    id: 'future-date',
    category: 'content',
    severity: 'warning',
    period: 'month',
    title: zh('活动日期不晚于检查日期', 'No activity is dated after the as-of date'),
    source: zh('台账记录已开展的活动', 'A log records activities that took place'),
  },
  checkBranch({ branch, window, report }) {
    for (const activity of branch.activities) {
      if (activity.date <= window.asOf) continue;
      report({
        period: monthOf(activity.date),
        location: activity.location,
        messageId: 'future.date',
        params: { date: activity.date, asOf: window.asOf },
      });
    }
  },
};
