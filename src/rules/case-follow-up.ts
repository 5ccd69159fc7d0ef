import { addDays } from '../model/dates.js';
import { inWindow, monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

export const caseFollowUp: Rule = {
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
  },
  checkBranch({ branch, window, options, report }) {
    const days = Number(options.days ?? 7);
    for (const item of branch.cases) {
      if (!inWindow(item.date, window)) continue;
      const deadline = addDays(item.date, days);
      const first = item.followUps.find((date) => date >= item.date && date <= window.asOf);
      const period = monthOf(item.date);
      if (first && first <= deadline) continue;
      if (!first && window.asOf <= deadline) continue;
      report({
        period,
        location: item.location,
        messageId: first ? 'case.late' : 'case.overdue',
        params: { id: item.id, date: item.date, days, deadline, followUp: first ?? '' },
      });
    }
  },
};
