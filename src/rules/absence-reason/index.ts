/**
 * absence-reason: who was away and why. Every absentee listed has a reason (a placeholder such as
 * 无 is none); leave or absent above 0 with nobody listed asks who and why.
 */
import { hasContent } from '../../model/placeholder.js';
import type { Localized, Location } from '../../types.js';
import { records, typesLabel } from '../record-scope.js';
import { defineRule, zh } from '../rule.js';
import { monthOf } from '../scope.js';
import { activityLocation, type Absentee, type Activity } from '../../model/model.js';
import type { TypeRegistry } from '../../model/activity-types.js';

/** 请假 3 人、缺席 2 人 / 3 on leave and 2 absent: the counts above zero. */
function awayText(leave: number, absent: number): Localized {
  const zhParts = [leave ? `请假 ${leave} 人` : '', absent ? `缺席 ${absent} 人` : ''].filter(Boolean);
  const enParts = [leave ? `${leave} on leave` : '', absent ? `${absent} absent` : ''].filter(Boolean);
  return { 'zh-CN': zhParts.join('、'), en: enParts.join(' and ') };
}

export default defineRule({
  meta: {
    id: 'absence-reason',
    category: 'content',
    severity: 'warning',
    period: 'month',
    title: zh('请假、缺席写明人员和原因', 'Members on leave or absent are named, with the reason'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：党员因故不能参加组织生活应当向党支部请假；台账记录缺席人员及原因',
      'Regulations on the Work of Party Branches: a member who cannot attend asks the branch for leave; the record names who was away and why',
    ),
    column: { short: zh('缺席', 'Abs'), name: zh('缺席原因', 'Absence reasons') },
    messages: {
      unlisted: zh('{date} 的{type}有{away}，但没有写明是谁、什么原因（absentees）', 'The {type} of {date} records {away}, but not who or why (absentees)'),
      noReason: zh(
        '{date} 的{type}没有写明 {names} 未到会的原因（“无”之类的占位内容不算原因）',
        'The {type} of {date} gives no reason why {names} did not attend (a placeholder such as “none” is no reason)',
      ),
    },
  },
  checkBranch({ branch, window, types, flag }) {
    for (const activity of records(branch, window)) {
      const listed = activity.absentees;
      if (listed === undefined || listed.length === 0) {
        const leave = activity.attendance?.leave ?? 0;
        const absent = activity.attendance?.absent ?? 0;
        if (leave + absent > 0) flag('unlisted', { ...where(activity), params: { ...named(activity, types), away: awayText(leave, absent) } });
        continue;
      }
      if (listed.every(hasReason)) continue;
      const unexplained = listed.filter((a) => !hasReason(a)).map((a) => a.name);
      flag('noReason', { ...where(activity), params: { ...named(activity, types), names: unexplained.join('、') } });
    }
  },
});

function hasReason(absentee: Absentee): boolean {
  return hasContent(absentee.reason);
}

/** Where a finding about the record is: its month and its place in the file. */
function where(activity: Activity): { period: string; location: Location } {
  return { period: monthOf(activity.date), location: activityLocation(activity) };
}

/** How a message names the record: its date and types. */
function named(activity: Activity, types: TypeRegistry): { date: string; type: Localized } {
  return { date: activity.date, type: typesLabel(activity, types) };
}
