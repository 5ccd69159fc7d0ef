/**
 * Periods: month `2026-03`, quarter `2026-Q1`, half-year `2026-H1`, year `2026`.
 */
import { PERIOD_PATTERN } from '../schema/branch-log-schema.js';
import { daysInMonth, type IsoDate } from './dates.js';

export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half-year', 'year'];

/** Months per period kind; also orders kinds from fine to coarse. */
const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

export interface Period {
  kind: PeriodKind;
  id: string;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period of `kind` whose first month is `startMonth` (1-based) of `year`. */
function makePeriod(kind: PeriodKind, year: number, startMonth: number): Period {
  const endMonth = startMonth + MONTHS[kind] - 1;
  let id: string;
  switch (kind) {
    case 'month':
      id = `${year}-${pad2(startMonth)}`;
      break;
    case 'quarter':
      id = `${year}-Q${(startMonth + 2) / 3}`;
      break;
    case 'half-year':
      id = `${year}-H${startMonth === 1 ? 1 : 2}`;
      break;
    case 'year':
      id = String(year);
      break;
  }
  return {
    kind,
    id,
    start: `${year}-${pad2(startMonth)}-01`,
    end: `${year}-${pad2(endMonth)}-${pad2(daysInMonth(year, endMonth))}`,
  };
}

/** Parses a period id; undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return undefined;
  if (match[2]) return makePeriod('month', year, Number(match[2]));
  if (match[3]) return makePeriod('quarter', year, (Number(match[3]) - 1) * 3 + 1);
  if (match[4]) return makePeriod('half-year', year, match[4] === '1' ? 1 : 7);
  return makePeriod('year', year, 1);
}

/**
 * Periods by kind and month: rules ask for the period of every activity under every requirement,
 * and the answers repeat. The key is a number (kind and month), so a lookup builds no string. A
 * cached period is frozen, so it can be shared.
 */
const periodCache = new Map<number, Period>();
const MAX_CACHED_PERIODS = 100_000;
const KIND_INDEX: Record<PeriodKind, number> = { month: 0, quarter: 1, 'half-year': 2, year: 3 };

function digit(text: string, at: number): number {
  return text.charCodeAt(at) - 48;
}

export function periodOf(date: IsoDate, kind: PeriodKind): Period {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const key = (year * 12 + month - 1) * 4 + KIND_INDEX[kind];
  let period = periodCache.get(key);
  if (!period) {
    const size = MONTHS[kind];
    period = Object.freeze(makePeriod(kind, year, Math.floor((month - 1) / size) * size + 1));
    if (periodCache.size < MAX_CACHED_PERIODS) periodCache.set(key, period);
  }
  return period;
}

/** True when `kind` is as fine as or finer than `than` (a month is finer than a quarter). */
export function isFinerOrEqual(kind: PeriodKind, than: PeriodKind): boolean {
  return MONTHS[kind] <= MONTHS[than];
}

/**
 * Every period of `kind` that overlaps [from, to], in order. Every branch asks for the same few
 * lists (one per requirement and window), so they are kept, frozen so that they can be shared,
 * by kind, start and end: a lookup builds no key.
 */
export function periodsOverlapping(kind: PeriodKind, from: IsoDate, to: IsoDate): readonly Period[] {
  const byStart = overlapCache[KIND_INDEX[kind]];
  const cached = byStart.get(from)?.get(to);
  if (cached) return cached;
  const periods = Object.freeze(listPeriods(kind, from, to));
  if (cachedLists < MAX_CACHED_LISTS) {
    let byEnd = byStart.get(from);
    if (!byEnd) byStart.set(from, (byEnd = new Map()));
    byEnd.set(to, periods);
    cachedLists++;
  }
  return periods;
}

/** Per kind (KIND_INDEX), start and end. */
const overlapCache: Map<IsoDate, Map<IsoDate, readonly Period[]>>[] = PERIOD_KINDS.map(() => new Map());
let cachedLists = 0;
const MAX_CACHED_LISTS = 10_000;

function listPeriods(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const periods: Period[] = [];
  if (from > to) return periods;
  let current = periodOf(from, kind);
  while (current.start <= to) {
    periods.push(current);
    current = periodOf(nextDay(current.end), kind);
  }
  return periods;
}

/** The sub-periods of `kind` inside `period` (the three months of a quarter). */
export function subPeriods(period: Period, kind: PeriodKind): Period[] {
  return periodsOverlapping(kind, period.start, period.end).filter(
    (p) => p.start >= period.start && p.end <= period.end,
  );
}

function nextDay(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (day < daysInMonth(year, month)) return `${year}-${pad2(month)}-${pad2(day + 1)}`;
  if (month < 12) return `${year}-${pad2(month + 1)}-01`;
  return `${year + 1}-01-01`;
}
