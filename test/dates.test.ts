/** The native date arithmetic against dayjs (which it replaced), and today's date against Intl. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, todayIn } from '../src/model/dates.js';
import { parsePeriod, periodOf } from '../src/model/period.js';

dayjs.extend(utc);

const date = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('date arithmetic', () => {
  it('is what dayjs in UTC mode computes', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -120, max: 120 }), (a, b, days, months) => {
        expect(addDays(a, days)).toBe(dayjs.utc(a).add(days, 'day').format('YYYY-MM-DD'));
        expect(addMonths(a, months)).toBe(dayjs.utc(a).add(months, 'month').format('YYYY-MM-DD'));
        expect(daysBetween(a, b)).toBe(dayjs.utc(b).diff(dayjs.utc(a), 'day'));
      }),
      { numRuns: 3000, seed: 5 },
    );
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
  });

  it('knows today in Beijing without time-zone data, as Intl does', () => {
    const viaIntl = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1992, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), (now) => {
        expect(todayIn('Asia/Shanghai', now)).toBe(viaIntl(now));
      }),
      { numRuns: 3000, seed: 6 },
    );
    expect(todayIn('Asia/Shanghai', new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });
});

describe('calendar helpers', () => {
  it('count the days of a month as Date.UTC does', () => {
    const viaDate = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let year = 0; year <= 3000; year += 1) for (let month = 0; month <= 13; month++) expect(daysInMonth(year, month)).toBe(viaDate(year, month));
  });

  it('share one frozen period per kind and date, equal to a new one', () => {
    const a = periodOf('2026-05-17', 'quarter');
    expect(periodOf('2026-05-17', 'quarter')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual({ kind: 'quarter', id: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('2024-02-10', 'month')).toEqual(parsePeriod('2024-02'));
  });

  it('put every date of 1900–2999 in the period that contains it, for every kind', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const [year, month] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
        const ids = { month: day.slice(0, 7), quarter: `${year}-Q${Math.ceil(month / 3)}`, 'half-year': `${year}-H${month <= 6 ? 1 : 2}`, year: String(year) };
        for (const [kind, id] of Object.entries(ids)) {
          const period = periodOf(day, kind as keyof typeof ids);
          expect(period).toEqual(parsePeriod(id));
          expect(period.start <= day && day <= period.end).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
