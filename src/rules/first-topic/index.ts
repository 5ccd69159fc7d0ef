import { activitiesOfType, monthOf } from '../scope.js';
import { hasContent } from '../../model/placeholder.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'first-topic',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('支委会须有“第一议题”', 'Every committee meeting has a first topic'),
    source: zh('讲话第三部分：要严格落实“第一议题”“三会一课”制度', 'Speech, section 3: strictly apply the “first topic” system'),
    column: { short: zh('议题', '1st'), name: zh('第一议题', 'First topic') },
    messages: {
      missing: zh(
        '{date} 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容',
        'The committee meeting of {date} has no first topic (firstTopic). Record what was studied first',
      ),
      placeholder: zh(
        '{date} 的支委会“第一议题”只写了“{value}”，占位内容不算第一议题。请补记第一议题的学习内容',
        'The first topic of the committee meeting of {date} only says “{value}”, a placeholder, not a topic. Record what was studied first',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of activitiesOfType(branch, 'committee-meeting', window)) {
      if (hasContent(activity.firstTopic)) continue;
      const written = (activity.firstTopic as string | undefined)?.trim();
      const where = { period: monthOf(activity.date), location: activityLocation(activity) };
      if (written) flag('placeholder', { ...where, params: { date: activity.date, value: written } });
      else flag('missing', { ...where, params: { date: activity.date } });
    }
  },
});
