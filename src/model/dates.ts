/**
 * Calendar dates as `YYYY-MM-DD` strings. Dates are compared as strings and computed in UTC so that
 * the machine's time zone can never shift a day.
 */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a date may have: those of periods (and JavaScript's Date reads years below 100 as 19xx). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** True for a real calendar date written as YYYY-MM-DD in 1900–2999 (2026-02-30 is false). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999, and months outside 1–12 roll over: keep its answers.
  if (year < 100 || month < 1 || month > 12 || !Number.isInteger(year) || !Number.isInteger(month)) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Date arithmetic on UTC midnights, with the same results as dayjs in UTC mode (tested against
// it), without loading a date library on every start.
const DAY = 86_400_000;

function utcTime(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function isoDate(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDate(utcTime(date) + days * DAY);
}

/** Months later (or earlier); a day the target month lacks becomes its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const start = new Date(utcTime(date));
  const index = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.trunc((utcTime(to) - utcTime(from)) / DAY);
}

/**
 * Zones with one UTC offset since 1992 (China has kept UTC+8 without daylight saving since 1991):
 * today's date there needs no time-zone data, which costs more to load than a whole check of a file.
 */
const FIXED_OFFSET_MINUTES: Record<string, number> = { 'Asia/Shanghai': 480, 'Asia/Chongqing': 480, PRC: 480, UTC: 0, 'Etc/UTC': 0 };
const FIXED_SINCE = Date.UTC(1992, 0, 1);

/** Today's date in an IANA time zone, independent of the machine's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const offset = Object.hasOwn(FIXED_OFFSET_MINUTES, timeZone) ? FIXED_OFFSET_MINUTES[timeZone] : undefined;
  if (offset !== undefined && now.getTime() >= FIXED_SINCE) return isoDate(now.getTime() + offset * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
