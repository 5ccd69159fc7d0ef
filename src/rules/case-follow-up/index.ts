import { addDays } from '../../model/dates.js';
import { inWindow, monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'case-follow-up',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('“五必谈”情况须及时跟进', 'Every talk-or-help case is followed up in time'),
    source: zh('讲话第三部分：深入开展“五清楚、五必谈、五必帮”走访活动', 'Speech, section 3: the “five musts” talks and help'),
    options: {
      days: { type: 'integer', minimum: 1, default: 7, description: zh('跟进期限（天）', 'Days allowed for the follow-up') },
    },
    column: { short: zh('必谈', 'Cas'), name: zh('五必谈跟进', 'Case follow-up') },
    messages: {
      late: zh(
        '情况 {id}（{date}）在 {followUp} 才跟进，超过了 {days} 天的期限（{deadline}）',
        'Case {id} ({date}) was followed up only on {followUp}, after the {days}-day limit ({deadline})',
      ),
      overdue: zh(
        '情况 {id}（{date}）至今未跟进，已超过 {days} 天的期限（{deadline}）',
        'Case {id} ({date}) has not been followed up, and the {days}-day limit ({deadline}) has passed',
      ),
      due: zh('跟进“五必谈”情况 {id}（{date}）', 'Follow up case {id} ({date})'),
    },
  },
  checkBranch({ branch, window, options, flag }) {
    const { days } = options;
    for (const item of branch.cases) {
      if (!inWindow(item.date, window)) continue;
      const deadline = addDays(item.date, days);
      const first = item.followUps.find((date) => date >= item.date && date <= window.asOf);
      if (first && first <= deadline) continue;
      if (!first && window.asOf <= deadline) continue;
      flag(first ? 'late' : 'overdue', {
        period: monthOf(item.date),
        location: item.location,
        params: { id: item.id, date: item.date, days, deadline, followUp: first ?? '' },
      });
    }
  },
  /** A case with no follow-up yet whose deadline has passed or falls before `until`. */
  due({ branch, window, until, options }) {
    return branch.cases
      .filter((item) => inWindow(item.date, window) && !item.followUps.some((date) => date >= item.date && date <= window.asOf))
      .map((item) => ({ item, deadline: addDays(item.date, options.days) }))
      .filter(({ deadline }) => deadline <= until)
      .map(({ item, deadline }) => ({
        kind: 'case' as const,
        key: `case:${item.id}`,
        caseId: item.id,
        deadline,
        title: { messageId: 'due' as const, params: { id: item.id, date: item.date } },
      }));
  },
});
