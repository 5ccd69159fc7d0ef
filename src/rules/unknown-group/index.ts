import { nearest } from '../../util/nearest.js';
import { activitiesOfType, monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'unknown-group',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('党小组会须写明本支部的党小组', 'A group meeting names one of the branch’s groups'),
    source: zh('“三会一课”制度：党小组会按党小组召开', '“Three meetings and one lecture”: group meetings are held per group'),
    column: { short: zh('组名', 'GrN'), name: zh('党小组名称', 'Group names') },
    messages: {
      none: zh('党小组会没有写明党小组（group）。本支部的党小组：{groups}', 'The group meeting names no Party group (group). The branch’s groups: {groups}'),
      unknown: zh('党小组“{group}”不是本支部的党小组。本支部的党小组：{groups}', '"{group}" is not one of the branch’s Party groups: {groups}'),
      unknownSuggest: zh(
        '党小组“{group}”不是本支部的党小组，是否想写“{suggestion}”？',
        '"{group}" is not one of the branch’s Party groups; did you mean "{suggestion}"?',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    const groups = branch.header.groups;
    if (groups.length === 0) return;
    for (const activity of activitiesOfType(branch, 'group-meeting', window)) {
      if (activity.group !== undefined && groups.includes(activity.group)) continue;
      const suggestion = activity.group === undefined ? undefined : nearest(activity.group, groups);
      flag(activity.group === undefined ? 'none' : suggestion ? 'unknownSuggest' : 'unknown', {
        period: monthOf(activity.date),
        location: activityLocation(activity),
        params: { group: activity.group ?? '', groups: groups.join('、'), suggestion: suggestion ?? '' },
      });
    }
  },
});
