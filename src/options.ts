/**
 * Command-line values: parsing and validation. A bad value is a UsageError (a line on stderr, and
 * one more for each problem it lists; exit status 2), never a stack trace.
 */
import { isCalendarDate } from './model/dates.js';
import { parsePeriod, type Period } from './model/period.js';
import type { Lang, MessageParams, SeveritySetting } from './types.js';

export class UsageError extends Error {
  constructor(
    readonly messageId: string,
    readonly params: MessageParams = {},
    /** Lines printed under the message, one problem each (every problem of a configuration). */
    readonly lines?: Record<Lang, string[]>,
  ) {
    super(messageId);
  }
}

export function parseDateOption(option: string, value: string): string {
  if (isCalendarDate(value)) return value;
  // A real month and day in a year outside 1900–2999 (2000 is a leap year: 02-29 counts as real).
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(`2000${value.slice(4)}`)) throw new UsageError('usage.dateYear', { option, value });
  throw new UsageError('usage.badDate', { option, value });
}

export function parsePeriodOption(option: string, value: string): Period {
  const period = parsePeriod(value);
  if (!period) throw new UsageError('usage.badPeriod', { option, value });
  return period;
}

export function parseLang(value: string): Lang {
  if (value !== 'zh-CN' && value !== 'en') throw new UsageError('usage.badLang', { value });
  return value;
}

export function parseCount(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError('usage.badCount', { option, value });
  return Number(value);
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError('usage.badChoice', { option, value, choices: choices.join(', ') });
  }
  return value as T;
}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** `--rule ID:SEVERITY`. */
export function parseRuleOption(value: string): { id: string; severity: SeveritySetting } {
  const index = value.lastIndexOf(':');
  const id = value.slice(0, index);
  const severity = value.slice(index + 1) as SeveritySetting;
  if (index <= 0 || !SEVERITIES.includes(severity)) throw new UsageError('usage.badRule', { value });
  return { id, severity };
}
