import { nearest } from '../util/nearest.js';
import { activitiesOfType, monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

export const unknownGroup: Rule = {
  meta: {
    id: 'unknown-group',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('党小组会须写明本支部的党小组', 'A group meeting names one of the branch’s groups'),
    source: zh('“三会一课”制度：党小组会按党小组召开', '“Three meetings and one lecture”: group meetings are held per group'),
  },
  checkBranch({ branch, window, report }) {
    const groups = branch.header.groups;
    if (groups.length === 0) return;
    for (const activity of activitiesOfType(branch, 'group-meeting', window)) {
      if (activity.group !== undefined && groups.includes(activity.group)) continue;
      const suggestion = activity.group === undefined ? undefined : nearest(activity.group, groups);
      report({
        period: monthOf(activity.date),
        location: activity.location,
        messageId: activity.group === undefined ? 'group.none' : suggestion ? 'group.unknownSuggest' : 'group.unknown',
        params: { group: activity.group ?? '', groups: groups.join('、'), suggestion: suggestion ?? '' },
      });
    }
  },
};
