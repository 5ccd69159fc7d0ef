import { lineRef } from '../../util/where.js';
import { inWindow, monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'duplicate-activity',
    category: 'content',
    severity: 'warning',
    period: 'month',
    title: zh('活动记录不重复', 'No activity is recorded twice'),
    source: zh('台账记录真实准确，一次活动只记一次', 'A log records each activity once'),
    column: { short: zh('重复', 'Dup'), name: zh('重复记录', 'Duplicates') },
    messages: {
      repeated: zh(
        '{date} 的这项活动与 {first} 的记录重复（日期、类型、标题、党小组都相同），只计一次',
        'This activity of {date} repeats the record at {first} (same date, types, title and group); it counts once',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of branch.activities) {
      if (!activity.duplicateOf || !inWindow(activity.date, window)) continue;
      const first = activity.duplicateOf;
      flag('repeated', {
        period: monthOf(activity.date),
        location: activityLocation(activity),
        params: { date: activity.date, first: lineRef(first) },
      });
    }
  },
});
