/**
 * attendance-consistent: recorded attendance adds up. 0 ≤ present ≤ expected; expected ≤ the
 * branch's members; present + leave + absent = expected when leave or absent is given; the
 * absentees listed are as many as leave + absent (and, when each says which, as many of each kind).
 * Guests (列席) are never counted.
 */
import { activityLocation, type Absentee, type Activity, type Branch } from '../../model/model.js';
import type { MessageParams } from '../../types.js';
import { records, typesLabel } from '../record-scope.js';
import { defineRule, zh } from '../rule.js';
import { monthOf } from '../scope.js';

type MessageId = 'presentOverExpected' | 'guestsCounted' | 'expectedOverMembers' | 'sum' | 'absentees' | 'kinds';
type Problem = { messageId: MessageId; params: MessageParams };

/** The counts' problems, added to `found`. */
function countProblems(activity: Activity, branch: Branch, found: Problem[]): void {
  const { expected, present, leave, absent } = activity.attendance!;
  const guests = activity.guests ?? 0;
  if (expected !== undefined && present !== undefined && present > expected) {
    const messageId = guests > 0 && present - guests <= expected ? 'guestsCounted' : 'presentOverExpected';
    found.push({ messageId, params: { present, expected, guests } });
  }
  if (expected !== undefined && expected > branch.header.members) {
    found.push({ messageId: 'expectedOverMembers', params: { expected, members: branch.header.members } });
  }
  const split = leave !== undefined || absent !== undefined;
  const sum = (present ?? 0) + (leave ?? 0) + (absent ?? 0);
  if (split && expected !== undefined && present !== undefined && sum !== expected) {
    found.push({ messageId: 'sum', params: { present, leave: leave ?? 0, absent: absent ?? 0, sum, expected } });
  }
}

/** The absentees listed against the counts: as many as leave + absent, and of each kind when given; added to `found`. */
function absenteeProblems(activity: Activity, found: Problem[]): void {
  const listed = activity.absentees;
  if (listed === undefined || listed.length === 0) return;
  const { expected, present, leave, absent } = activity.attendance!;
  const split = leave !== undefined || absent !== undefined;
  const away = split ? (leave ?? 0) + (absent ?? 0) : expected !== undefined && present !== undefined ? expected - present : undefined;
  if (away !== undefined && away >= 0 && listed.length !== away) {
    found.push({ messageId: 'absentees', params: { listed: listed.length, away } });
    return;
  }
  if (!split) return;
  const onLeave = countOnLeave(listed);
  if (onLeave === undefined) return;
  const notExcused = listed.length - onLeave;
  if (onLeave === (leave ?? 0) && notExcused === (absent ?? 0)) return;
  found.push({ messageId: 'kinds', params: { onLeave, notExcused, leave: leave ?? 0, absent: absent ?? 0 } });
}

/** How many absentees are marked as on leave; undefined when one of them is not marked either way. */
function countOnLeave(listed: readonly Absentee[]): number | undefined {
  let onLeave = 0;
  for (const absentee of listed) {
    if (absentee.kind === undefined) return undefined;
    if (absentee.kind === 'leave') onLeave++;
  }
  return onLeave;
}

export default defineRule({
  meta: {
    id: 'attendance-consistent',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('出席人数前后一致', 'Recorded attendance adds up'),
    source: zh(
      '组织生活记录应真实准确：应到 = 实到 + 请假 + 缺席，列席人员不计入应到',
      'Records of Party meetings are true: expected = present + on leave + absent; guests are not counted',
    ),
    column: { short: zh('人数', 'Att'), name: zh('出席人数', 'Attendance counts') },
    messages: {
      presentOverExpected: zh('{date} 的{type}实到 {present} 人，多于应到 {expected} 人', 'The {type} of {date} records {present} present, more than the {expected} expected'),
      guestsCounted: zh(
        '{date} 的{type}实到 {present} 人，多于应到 {expected} 人：列席的 {guests} 人不计入实到',
        'The {type} of {date} records {present} present, more than the {expected} expected: the {guests} guests are not counted as present',
      ),
      expectedOverMembers: zh(
        '{date} 的{type}应到 {expected} 人，多于支部党员人数 {members} 人（branch.members）',
        'The {type} of {date} expects {expected}, more than the branch’s {members} members (branch.members)',
      ),
      sum: zh(
        '{date} 的{type}出席人数对不上：实到 {present} + 请假 {leave} + 缺席 {absent} = {sum}，而应到 {expected} 人',
        'The attendance of the {type} of {date} does not add up: {present} present + {leave} on leave + {absent} absent = {sum}, but {expected} expected',
      ),
      absentees: zh(
        '{date} 的{type}列出 {listed} 名未到会人员（absentees），但请假和缺席共 {away} 人',
        'The {type} of {date} lists {listed} members away (absentees), but {away} were on leave or absent',
      ),
      kinds: zh(
        '{date} 的{type}未到会人员中标为请假 {onLeave} 人、缺席 {notExcused} 人，与记录的请假 {leave} 人、缺席 {absent} 人不符',
        'The {type} of {date} marks {onLeave} absentees as on leave and {notExcused} as absent, but records {leave} on leave and {absent} absent',
      ),
    },
  },
  checkBranch({ branch, window, types, flag }) {
    // One list for the problems of each record in turn: most records have none.
    const found: Problem[] = [];
    for (const activity of records(branch, window)) {
      if (!activity.attendance) continue;
      found.length = 0;
      countProblems(activity, branch, found);
      absenteeProblems(activity, found);
      for (const problem of found) {
        flag(problem.messageId, {
          period: monthOf(activity.date),
          location: activityLocation(activity),
          params: { date: activity.date, type: typesLabel(activity, types), ...problem.params },
        });
      }
    }
  },
});
