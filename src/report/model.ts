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
export type MarkState = 'done' | 'late' | 'waived' | 'missing' | 'pending' | 'not-applicable' | 'not-counted';

export const MARK_STATES: readonly MarkState[] = ['done', 'late', 'waived', 'missing', 'pending', 'not-applicable', 'not-counted'];

/** Counts of marks (of Party-group units for per-group requirements) by state. */
export interface Tally {
  done: number;
  late: number;
  waived: number;
  missing: number;
  pending: number;
  notApplicable: number;
  notCounted: number;
  /** done + late + waived. */
  met: number;
  /** met + missing: the denominator of the completion rate. */
  counted: number;
  /** met / counted, or null when nothing counted. */
  rate: number | null;
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
  /** One of the branch's files could not be evaluated (its unmet periods are not counted). */
  incomplete: boolean;
  files: string[];
  /** In column order. */
  cells: ReportCell[];
  tally: Tally;
}

export interface TotalRow {
  /** Per column, in column order. */
  cells: Tally[];
  tally: Tally;
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
  since: string;
  columns: ReportColumn[];
  groups: BranchGroup[];
  total: TotalRow;
  uncounted: UncountedFile[];
  summary: { files: number; branches: number; uncountedFiles: number };
}
