/**
 * committee-meeting-quorum: a committee meeting with attendance recorded had more than half of its
 * members present (present × 2 > expected).
 */
import { records } from '../record-scope.js';
import { defineRule, zh } from '../rule.js';
import { monthOf } from '../scope.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'committee-meeting-quorum',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('支委会须有半数以上委员到会', 'More than half the committee attends a committee meeting'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：支部委员会会议须有半数以上委员到会方可召开',
      'Regulations on the Work of Party Branches: a committee meeting needs more than half of its members',
    ),
    column: { short: zh('委员', 'CQu'), name: zh('支委会到会', 'Committee quorum') },
    messages: {
      notMet: zh(
        '{date} 的支委会实到 {present} 名委员，未超过应到 {expected} 人的半数（至少 {needed} 人）',
        'The committee meeting of {date} had {present} of {expected} committee members, not more than half (at least {needed})',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of records(branch, window, 'committee-meeting')) {
      const { expected, present } = activity.attendance ?? {};
      if (expected === undefined || present === undefined || present * 2 > expected) continue;
      flag('notMet', {
        period: monthOf(activity.date),
        location: activityLocation(activity),
        params: { date: activity.date, present, expected, needed: Math.floor(expected / 2) + 1 },
      });
    }
  },
});
