/**
 * vote-majority: a general meeting that records a vote passed it only with more than half of the
 * members entitled to attend voting for (for × 2 > attendance.expected, else the branch's
 * members), and no more votes were cast than members present.
 */
import { records } from '../record-scope.js';
import { defineRule, zh } from '../rule.js';
import { monthOf } from '../scope.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'vote-majority',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('党员大会表决须过半数', 'A general meeting’s vote passes with more than half of the members'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：党员大会进行表决，赞成人数超过应到会有表决权的党员的半数为通过',
      'Regulations on the Work of Party Branches: a vote of the general meeting passes when more than half of the voting members entitled to attend vote for it',
    ),
    column: { short: zh('表决', 'Vot'), name: zh('大会表决', 'Votes') },
    messages: {
      notPassed: zh(
        '{date} 的党员大会表决赞成 {for} 票，未超过应到会党员 {expected} 人的半数（至少 {needed} 票），不能算通过',
        'The vote of the general meeting of {date} had {for} for, not more than half of the {expected} members entitled to attend (at least {needed}): it did not pass',
      ),
      tooMany: zh(
        '{date} 的党员大会共投 {cast} 票（赞成、反对、弃权），多于实到 {present} 人',
        'The general meeting of {date} counted {cast} votes (for, against, abstain), more than the {present} present',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of records(branch, window, 'general-meeting')) {
      const votes = activity.votes;
      if (!votes) continue;
      const where = { period: monthOf(activity.date), location: activityLocation(activity) };
      const expected = activity.attendance?.expected ?? branch.header.members;
      if (votes.for * 2 <= expected) {
        flag('notPassed', { ...where, params: { date: activity.date, for: votes.for, expected, needed: Math.floor(expected / 2) + 1 } });
      }
      const cast = votes.for + (votes.against ?? 0) + (votes.abstain ?? 0);
      const present = activity.attendance?.present;
      if (present !== undefined && cast > present) flag('tooMany', { ...where, params: { date: activity.date, cast, present } });
    }
  },
});
