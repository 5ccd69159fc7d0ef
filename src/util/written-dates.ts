/**
 * Dates written the ways people write them (`2026.2.11`, `2026/3/5`, `2026年2月26日`, `2026-3-5`)
 * and the one way a log spells them (`2026-02-11`). Only a real calendar date is rewritten.
 */

const WRITTEN_DATE = [
  /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
];

/** `2026-02-11` for a date written another way, or undefined when it is not certainly a date. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  for (const pattern of WRITTEN_DATE) {
    const match = pattern.exec(value.trim());
    if (!match) continue;
    const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return iso !== value && isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) ? iso : undefined;
  }
  return undefined;
}

/** A day that exists, in the years a log's dates may have (1900–2999). */
function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
