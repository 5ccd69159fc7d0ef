import { activitiesOfType, monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

export const generalMeetingQuorum: Rule = {
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
  },
  checkBranch({ branch, window, report }) {
    for (const activity of activitiesOfType(branch, 'general-meeting', window)) {
      const period = monthOf(activity.date);
      const present = activity.attendance?.present;
      if (present === undefined) {
        report({ period, location: activity.location, messageId: 'quorum.noAttendance', params: { date: activity.date } });
        continue;
      }
      const expected = activity.attendance?.expected ?? branch.header.members;
      if (present * 2 > expected) continue;
      report({
        period,
        location: activity.location,
        messageId: 'quorum.notMet',
        params: { date: activity.date, present, expected, needed: Math.floor(expected / 2) + 1 },
      });
    }
  },
};
