/**
 * Completion rates: (done + late + waived) / (done + late + waived + missing). Pending,
 * not-applicable and not-counted marks are shown but never count either way.
 */
import type { AttendanceTally, MarkState, Tally } from './model.js';

const FIELD: Record<MarkState, keyof Omit<Tally, 'met' | 'counted' | 'rate'>> = {
  done: 'done',
  late: 'late',
  waived: 'waived',
  missing: 'missing',
  problem: 'problem',
  pending: 'pending',
  'not-applicable': 'notApplicable',
  'not-counted': 'notCounted',
};

export function emptyTally(): Tally {
  return { done: 0, late: 0, waived: 0, missing: 0, problem: 0, pending: 0, notApplicable: 0, notCounted: 0, met: 0, counted: 0, rate: null };
}

/** A tally of the given unit states. */
export function tallyOf(states: Iterable<MarkState>): Tally {
  const tally = emptyTally();
  for (const state of states) tally[FIELD[state]]++;
  return finish(tally);
}

export function sumTallies(tallies: Iterable<Tally>): Tally {
  const sum = emptyTally();
  for (const tally of tallies) {
    for (const field of Object.values(FIELD)) sum[field] += tally[field];
  }
  return finish(sum);
}

function finish(tally: Tally): Tally {
  tally.met = tally.done + tally.late + tally.waived;
  tally.counted = tally.met + tally.missing + tally.problem;
  tally.rate = tally.counted === 0 ? null : permille(tally) / 1000;
  return tally;
}

/** The rate in tenths of a percent, rounded half up (2/3 is 66.7%), as every output shows it. */
function permille(tally: Pick<Tally, 'met' | 'counted'>): number {
  return ratioPermille(tally.met, tally.counted);
}

/** part / whole in tenths of a percent, rounded half up. */
export function ratioPermille(part: number, whole: number): number {
  return Math.floor((part * 2000 + whole) / (2 * whole));
}

/** A rate in tenths of a percent as text: 66.7%. */
export function permilleText(value: number): string {
  return `${Math.floor(value / 10)}.${value % 10}%`;
}

/** The rate as a percentage with one decimal (66.7%); undefined when nothing counted. */
export function percentText(tally: Tally): string | undefined {
  if (tally.counted === 0) return undefined;
  return permilleText(permille(tally));
}

/** 出勤率 of attendance totals. */
export function attendanceTally(expected: number, present: number, meetings: number): AttendanceTally {
  return { meetings, expected, present, rate: expected === 0 ? null : ratioPermille(present, expected) / 1000 };
}

export function sumAttendance(tallies: Iterable<AttendanceTally>): AttendanceTally {
  let expected = 0;
  let present = 0;
  let meetings = 0;
  for (const tally of tallies) {
    expected += tally.expected;
    present += tally.present;
    meetings += tally.meetings;
  }
  return attendanceTally(expected, present, meetings);
}

/** 出勤率 as text (92.5%); undefined without meetings. */
export function attendanceText(tally: AttendanceTally): string | undefined {
  return tally.expected === 0 ? undefined : permilleText(ratioPermille(tally.present, tally.expected));
}

/**
 * The rate in a cell three characters wide (a column's subtotal in the terminal table): a whole
 * percent, rounded half up (2/3 is 67); undefined when nothing counted.
 */
export function shortPercentText(tally: Tally): string | undefined {
  if (tally.counted === 0) return undefined;
  return String(Math.floor((tally.met * 200 + tally.counted) / (2 * tally.counted)));
}
