import { monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'future-date',
    category: 'content',
    severity: 'warning',
    period: 'month',
    title: zh('活动日期不晚于检查日期', 'No activity is dated after the as-of date'),
    source: zh('台账记录已开展的活动', 'A log records activities that took place'),
    column: { short: zh('日期', 'Fut'), name: zh('日期超前', 'Future dates') },
    messages: {
      future: zh('活动日期 {date} 晚于检查日期 {asOf}，请核对日期', 'The activity date {date} is after the as-of date {asOf}; check the date'),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of branch.activities) {
      if (activity.date <= window.asOf) continue;
      flag('future', { period: monthOf(activity.date), location: activityLocation(activity), params: { date: activity.date, asOf: window.asOf } });
    }
  },
});
