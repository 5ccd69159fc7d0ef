/**
 * Attendance in the report (出勤率 = Σ present ÷ Σ expected over the activities of the period that
 * record both), the meetings behind it and who was away how often.
 */
import type { TypeRegistry } from '../model/activity-types.js';
import type { Activity, Branch } from '../model/model.js';
import type { Period } from '../model/period.js';
import { maskPersonalData } from '../privacy.js';
import type { Lang } from '../types.js';
import type { AttendanceTally, MeetingAttendance, MemberAbsence } from './model.js';
import { attendanceTally, ratioPermille } from './tally.js';

/** The activities of the period, up to the as-of date, that record attendance or absentees (repeats left out). */
function meetingsOf(branch: Branch, period: Period, asOf: string): Activity[] {
  const last = period.end < asOf ? period.end : asOf;
  return branch.activities.filter(
    (a) => !a.duplicateOf && a.date >= period.start && a.date <= last && (a.attendance !== undefined || (a.absentees?.length ?? 0) > 0),
  );
}

const mask = (text: string | undefined) => (text === undefined ? undefined : maskPersonalData(text));

/** A branch's attendance in the period: the tally and one row per meeting, by date. */
export function branchAttendance(
  branch: Branch,
  period: Period,
  asOf: string,
  types: TypeRegistry,
  lang: Lang,
): { tally: AttendanceTally; meetings: MeetingAttendance[] } {
  let expected = 0;
  let present = 0;
  let counted = 0;
  const meetings: MeetingAttendance[] = [];
  for (const activity of meetingsOf(branch, period, asOf)) {
    const attendance = activity.attendance ?? {};
    const both = attendance.expected !== undefined && attendance.present !== undefined && attendance.expected > 0;
    if (both) {
      expected += attendance.expected!;
      present += attendance.present!;
      counted++;
    }
    meetings.push({
      branch: maskPersonalData(branch.header.id),
      branchName: maskPersonalData(branch.header.name),
      date: activity.date,
      type: activity.types.map((id) => types.label(id)[lang]).join(lang === 'en' ? ', ' : '、'),
      ...(activity.title !== undefined ? { title: mask(activity.title) } : {}),
      ...(activity.host !== undefined ? { host: mask(activity.host) } : {}),
      ...(activity.recorder !== undefined ? { recorder: mask(activity.recorder) } : {}),
      ...(activity.resolution !== undefined ? { resolution: mask(activity.resolution) } : {}),
      ...attendance,
      rate: both ? ratioPermille(attendance.present!, attendance.expected!) / 1000 : null,
      absentees: (activity.absentees ?? []).map((a) => ({
        name: maskPersonalData(a.name),
        ...(a.reason !== undefined ? { reason: maskPersonalData(a.reason) } : {}),
        ...(a.kind !== undefined ? { kind: a.kind } : {}),
      })),
      file: maskPersonalData(activity.file),
      line: activity.line,
    });
  }
  meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  return { tally: attendanceTally(expected, present, counted), meetings };
}

/**
 * Whether an absentee was on leave or absent: as the entry says, else as the counts tell (only
 * leave, or only absent, recorded), else unspecified.
 */
function kindOf(absentee: MeetingAttendance['absentees'][number], meeting: MeetingAttendance): 'leave' | 'absent' | 'unspecified' {
  if (absentee.kind) return absentee.kind;
  const leave = meeting.leave ?? 0;
  const absent = meeting.absent ?? 0;
  if (leave > 0 && absent === 0) return 'leave';
  if (absent > 0 && leave === 0) return 'absent';
  return 'unspecified';
}

/** Every name among the absentees, per branch: times on leave and absent, by type; most missed first. */
export function memberAbsences(meetings: MeetingAttendance[]): MemberAbsence[] {
  const byName = new Map<string, MemberAbsence>();
  for (const meeting of meetings) {
    for (const absentee of meeting.absentees) {
      const key = `${meeting.branch}\u0000${absentee.name}`;
      let entry = byName.get(key);
      if (!entry) {
        entry = { branch: meeting.branch, branchName: meeting.branchName, name: absentee.name, leave: 0, absent: 0, unspecified: 0, total: 0, byType: {} };
        byName.set(key, entry);
      }
      entry[kindOf(absentee, meeting)]++;
      entry.total++;
      entry.byType[meeting.type] = (entry.byType[meeting.type] ?? 0) + 1;
    }
  }
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...byName.values()].sort(
    (a, b) => b.total - a.total || b.absent - a.absent || text(a.branch, b.branch) || text(a.name, b.name),
  );
}
