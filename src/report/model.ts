/**
 * The summary-table model shared by every report format: plain data, JSON-serialisable, already
 * localised, so that a formatter only lays it out. `dangjian report --format json` prints it as is.
 */
import type { PeriodKind } from '../model/period.js';
import type { Severity, WaiverMark } from '../types.js';

/**
 * The state of one requirement in one sub-period. `not-counted`: the branch has a file that could
 * not be read, so an unmet period can be neither confirmed nor ruled out (check reports nothing
 * for it either).
 */
export type MarkState = 'done' | 'late' | 'waived' | 'missing' | 'problem' | 'pending' | 'not-applicable' | 'not-counted';

/**
 * `problem`: a content rule found something wrong with what was done (有问题), as opposed to a
 * requirement that was not met at all (`missing`, 未开展); both count against the rate.
 */
export const MARK_STATES: readonly MarkState[] = ['done', 'late', 'waived', 'missing', 'problem', 'pending', 'not-applicable', 'not-counted'];

/** Counts of marks (of Party-group units for per-group requirements) by state. */
export interface Tally {
  done: number;
  late: number;
  waived: number;
  missing: number;
  problem: number;
  pending: number;
  notApplicable: number;
  notCounted: number;
  /** done + late + waived. */
  met: number;
  /** met + missing + problem: the denominator of the completion rate. */
  counted: number;
  /** met / counted rounded half up to a tenth of a percent (0.667), or null when nothing counted. */
  rate: number | null;
}

/** 出勤率: Σ present ÷ Σ expected over the activities of the period that record both. */
export interface AttendanceTally {
  /** Activities that record expected and present attendance. */
  meetings: number;
  expected: number;
  present: number;
  /** present / expected rounded half up to a tenth of a percent, or null without meetings. */
  rate: number | null;
}

/** One activity of the period that records attendance (the 会议出勤 sheet). */
export interface MeetingAttendance {
  branch: string;
  branchName: string;
  date: string;
  /** The activity's types by name. */
  type: string;
  title?: string;
  host?: string;
  recorder?: string;
  resolution?: string;
  expected?: number;
  present?: number;
  leave?: number;
  absent?: number;
  rate: number | null;
  absentees: { name: string; reason?: string; kind?: 'leave' | 'absent' }[];
  file: string;
  line: number;
}

/** One name among the absentees of the period (the 党员缺勤 sheet), whoever missed most first. */
export interface MemberAbsence {
  branch: string;
  branchName: string;
  name: string;
  leave: number;
  absent: number;
  /** Neither kind given, nor told by the counts. */
  unspecified: number;
  total: number;
  /** Times away by activity type name. */
  byType: Record<string, number>;
}

export interface ReportPeriod {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
  /** Localised, for titles: 2026年第三季度, Q3 2026. */
  label: string;
}

export interface ReportColumn {
  ruleId: string;
  category: 'cadence' | 'content';
  /** The kind of period the requirement is counted in. */
  periodKind: PeriodKind;
  severity: Severity;
  /** The requirement in full: 每月至少一次政治业务学习. */
  title: string;
  /** A column header of a few words: 政治业务学习. */
  name: string;
  /** Short header for narrow layouts (two Chinese characters, three letters). */
  short: string;
  /** Activities required per period (cadence requirements). */
  min?: number;
  /** Required of every Party group rather than of the branch. */
  perGroup?: boolean;
  /** The sub-periods of the report shown in every cell of this column, with short labels. */
  periods: { id: string; label: string }[];
}

export interface CountedActivity {
  date: string;
  title?: string;
  group?: string;
  /** Held after the period, for it (补开). */
  late: boolean;
  file: string;
  line: number;
  host?: string;
  recorder?: string;
  expected?: number;
  present?: number;
  leave?: number;
  absent?: number;
  resolution?: string;
}

export interface ReportFinding {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  waived?: WaiverMark;
}

export interface GroupMark {
  group: string;
  state: MarkState;
  count: number;
  required: number;
}

export interface ReportMark {
  period: string;
  state: MarkState;
  /** Progress: activities counted and required, or, per group, groups that met it and groups. */
  count?: number;
  required?: number;
  groups?: GroupMark[];
  waiver?: WaiverMark;
  /** The activities that counted for the period. */
  activities: CountedActivity[];
  /** The findings of `check` for this branch, requirement and period. */
  findings: ReportFinding[];
}

export interface ReportCell {
  ruleId: string;
  marks: ReportMark[];
  tally: Tally;
}

export interface BranchRow {
  id: string;
  name: string;
  parent?: string;
  groups: string[];
  established?: string;
  dissolved?: string;
  /** The branch's evaluation start, when it is not the report's `since`. */
  since?: string;
  /** The end of the committee's term, when it ends within six months of the as-of date or has ended. */
  termEnd?: string;
  /** One of the branch's files could not be evaluated (its unmet periods are not counted). */
  incomplete: boolean;
  files: string[];
  /** In column order. */
  cells: ReportCell[];
  tally: Tally;
  attendance: AttendanceTally;
}

export interface TotalRow {
  /** Per column, in column order. */
  cells: Tally[];
  tally: Tally;
  attendance: AttendanceTally;
}

export interface BranchGroup {
  /** The parent organisation; absent for the group of branches that name none. */
  parent?: string;
  label: string;
  branches: BranchRow[];
  subtotal: TotalRow;
}

export interface InputProblem {
  ruleId: string;
  /** The worksheet, for a problem inside a workbook. */
  sheet?: string;
  line: number;
  column: number;
  message: string;
}

/** A file whose content could not be counted, in whole or in part. */
export interface UncountedFile {
  file: string;
  problems: InputProblem[];
}

export interface ReportModel {
  version: 1;
  lang: string;
  period: ReportPeriod;
  asOf: string;
  /** The evaluation start of most branches (the others give theirs in their row). */
  since: string;
  columns: ReportColumn[];
  groups: BranchGroup[];
  total: TotalRow;
  uncounted: UncountedFile[];
  /**
   * 记录问题: the findings about the records themselves (repeats, future dates, unknown group names,
   * stale waivers), by file. They are not requirements: no column, no effect on the rate.
   */
  recordProblems: UncountedFile[];
  meetings: MeetingAttendance[];
  absences: MemberAbsence[];
  summary: { files: number; branches: number; uncountedFiles: number; recordProblems: number };
}
