import { activitiesOfType, monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

export default defineRule({
  meta: {
    id: 'general-meeting-quorum',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('党员大会须有半数以上党员到会', 'More than half the members attend a general meeting'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：党员大会须有半数以上有表决权的党员到会方可召开',
      'Regulations on the Work of Party Branches: a general meeting needs more than half of the voting members',
    ),
    column: { short: zh('到会', 'Quo'), name: zh('大会到会人数', 'Quorum') },
    messages: {
      noAttendance: zh('{date} 的党员大会没有记录出席情况（attendance.present）', 'The general meeting of {date} records no attendance (attendance.present)'),
      notMet: zh(
        '{date} 的党员大会到会 {present} 人，应到 {expected} 人，未超过半数（至少需 {needed} 人）',
        'The general meeting of {date} had {present} of {expected} members present, not more than half (at least {needed} needed)',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    for (const activity of activitiesOfType(branch, 'general-meeting', window)) {
      const period = monthOf(activity.date);
      const present = activity.attendance?.present;
      if (present === undefined) {
        flag('noAttendance', { period, location: activityLocation(activity), params: { date: activity.date } });
        continue;
      }
      const expected = activity.attendance?.expected ?? branch.header.members;
      if (present * 2 > expected) continue;
      flag('notMet', {
        period,
        location: activityLocation(activity),
        params: { date: activity.date, present, expected, needed: Math.floor(expected / 2) + 1 },
      });
    }
  },
});
