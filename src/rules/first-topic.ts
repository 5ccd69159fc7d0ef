import { activitiesOfType, monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

export const firstTopic: Rule = {
  meta: {
    id: 'first-topic',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('支委会须有“第一议题”', 'Every committee meeting has a first topic'),
    source: zh('讲话第三部分：要严格落实“第一议题”“三会一课”制度', 'Speech, section 3: strictly apply the “first topic” system'),
  },
  checkBranch({ branch, window, report }) {
    for (const activity of activitiesOfType(branch, 'committee-meeting', window)) {
      if (activity.firstTopic?.trim()) continue;
      report({
        period: monthOf(activity.date),
        location: activity.location,
        messageId: 'firstTopic.missing',
        params: { date: activity.date },
      });
    }
  },
};
