/** The model the rules work on: branches merged across files, with their activities, cases and waivers. */
import type { Location, Localized } from '../types.js';
import type { IsoDate } from './dates.js';
import type { ExcludedActivity } from './excluded.js';
import type { Period } from './period.js';

/**
 * One activity record. Where it is written is kept as three fields rather than a Location object:
 * a branch may hold a million activities, and an object per record is 48 bytes more each (see
 * `activityLocation`).
 */
export interface Activity {
  /** The file (as displayed), line and column where the record starts. */
  file: string;
  line: number;
  column: number;
  /** The worksheet, for a record in a workbook. */
  sheet?: string;
  date: IsoDate;
  /** Normalised type ids (a Chinese name or alias becomes its id). */
  types: string[];
  title?: string;
  group?: string;
  firstTopic?: string;
  assignments?: string[];
  attendance?: Attendance;
  lecturer?: string;
  lecturerRole?: string;
  host?: string;
  recorder?: string;
  agenda?: string[];
  resolution?: string;
  absentees?: Absentee[];
  /** 列席: never counted in attendance. */
  guests?: number;
  votes?: Votes;
  evidence?: string[];
  place?: string;
  /** 补开: the period this activity was held for. */
  makeUpFor?: Period;
  /** Set when the activity repeats an earlier one; a repeat never counts twice. */
  duplicateOf?: Location;
}

/** Where an activity is written. */
export function activityLocation(activity: Activity): Location {
  const { file, line, column, sheet } = activity;
  return sheet === undefined ? { file, line, column } : { file, line, column, sheet };
}

/** 应到、实到、请假、缺席. */
export interface Attendance {
  expected?: number;
  present?: number;
  leave?: number;
  absent?: number;
}

export interface Absentee {
  name: string;
  reason?: string;
  kind?: 'leave' | 'absent';
}

/** 表决: for, against, abstain. */
export interface Votes {
  for: number;
  against?: number;
  abstain?: number;
}

export interface Case {
  location: Location;
  id: string;
  date: IsoDate;
  followUps: IsoDate[];
}

export interface Waiver {
  location: Location;
  rule: string;
  period: Period;
  reason: string;
  approvedBy: string;
}

export interface YearEntry<T> {
  location: Location;
  year: number;
  value: T;
}

export interface BranchHeader {
  id: string;
  name: string;
  parent?: string;
  established?: IsoDate;
  dissolved?: IsoDate;
  members: number;
  groups: string[];
  secretary?: string;
  termStart?: IsoDate;
}

export interface Branch {
  header: BranchHeader;
  /** The `branch:` key of the first file (in path order) that declares the branch. */
  location: Location;
  /** Where each header field was first given, for findings about it. */
  headerLocations: Partial<Record<keyof BranchHeader, Location>>;
  files: string[];
  activities: Activity[];
  cases: Case[];
  waivers: Waiver[];
  features: YearEntry<{ feature?: string; highlight?: string }>[];
  staff: YearEntry<{ total: number; archived: number }>[];
  /** Activities left out for a schema problem, with what they would have counted for. */
  excluded: ExcludedActivity[];
  /**
   * True when one of the branch's files could not be evaluated: then no period-based rule runs for
   * the branch, so that a broken file never invents missing activities.
   */
  incomplete: boolean;
}

/** The evaluation window: what "as of" means and where evaluation starts. */
export interface EvaluationWindow {
  asOf: IsoDate;
  since: IsoDate;
}

export type PeriodState = 'evaluated' | 'pending' | 'not-applicable' | 'future';

/** Whether a period is required of a branch, as of the window's date. */
export function periodState(branch: Branch, period: Period, window: EvaluationWindow): PeriodState {
  const { established, dissolved } = branch.header;
  if (period.start < window.since) return 'not-applicable';
  if (established && period.start < established) return 'not-applicable';
  if (dissolved && period.end >= dissolved) return 'not-applicable';
  if (period.end < window.asOf) return 'evaluated';
  if (period.start <= window.asOf) return 'pending';
  return 'future';
}

export type { Localized };
