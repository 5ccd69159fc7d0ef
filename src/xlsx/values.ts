/** Cell values as a log needs them: dates, whole numbers, text and lists. */
import type { Cell } from './read.js';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function iso(year: number, month: number, day: number): string | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (year < 1900 || year > 2999 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An Excel serial number to `YYYY-MM-DD` (the time of day is dropped). */
export function serialToDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial);
  // Excel's 1900 system counts a 29 February 1900 that never was: serials below 60 are one day off.
  const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const d = new Date(epoch + days * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function dateToSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - EPOCH_1900) / DAY_MS;
}

/** Full-width digits and punctuation to their ASCII forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A date read from a cell, or why not. `written`: an impossible date in a spelling that is read
 * (`2026年2月30日`) as YYYY-MM-DD, so that the log says what any log says of it (not a real date).
 */
export type DateParse = { date: string } | { error: 'invalid' | 'no-year' | 'not-a-date'; written?: string };

/**
 * A date typed as text: `2026-03-05`, `2026/3/5`, `2026.3.5`, `2026年3月5日`, or `3月5日` (and
 * `3/5`, `3.5` are not accepted: too ambiguous) with the year given; a time after it is dropped.
 */
export function parseTextDate(text: string, year?: number): DateParse {
  const t = halfWidth(text).trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[\sT]+\d{1,2}[:：时]\d{1,2}.*|\s*[(（]?[周星期礼拜][一二三四五六日天][)）]?)?$/.exec(t);
  if (m) return wrap(iso(Number(m[1]), Number(m[2]), Number(m[3])), spelled(m[1], m[2], m[3]));
  m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s+\d{1,2}[:：时]\d{1,2}.*)?$/.exec(t);
  if (m) return year ? wrap(iso(year, Number(m[1]), Number(m[2])), spelled(String(year), m[1], m[2])) : { error: 'no-year' };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return wrap(iso(Number(m[1]), Number(m[2]), Number(m[3])), spelled(m[1], m[2], m[3]));
  return { error: 'not-a-date' };
}

function wrap(date: string | undefined, written?: string): DateParse {
  return date ? { date } : { error: 'invalid', ...(written ? { written } : {}) };
}

/** Year, month and day as written, in the form YYYY-MM-DD (for a date that does not exist). */
function spelled(year: string, month: string, day: string): string | undefined {
  return year.length === 4 ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : undefined;
}

/** A cell as a date: a date cell, a serial number, or text in one of the spellings. */
export function cellDate(cell: Cell, date1904: boolean, year?: number): DateParse {
  if (cell.kind === 'date' || cell.kind === 'number') {
    const date = serialToDate(cell.value as number, date1904);
    return date ? { date } : { error: 'invalid' };
  }
  if (cell.kind === 'string') return parseTextDate(cell.value as string, year);
  return { error: 'not-a-date' };
}

/** A cell as display text (numbers without a trailing `.0`, dates as dates). */
export function cellText(cell: Cell | undefined, date1904 = false): string {
  if (!cell) return '';
  if (cell.kind === 'date') return serialToDate(cell.value as number, date1904) ?? String(cell.value);
  if (cell.kind === 'number') return String(cell.value);
  if (cell.kind === 'bool') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value).trim();
}

/** A whole number ≥ 0 from a number cell or text such as `27` or `27人`. */
export function cellCount(cell: Cell): number | undefined {
  if (cell.kind === 'number') return Number.isInteger(cell.value) && (cell.value as number) >= 0 ? (cell.value as number) : undefined;
  if (cell.kind !== 'string') return undefined;
  const m = /^(\d{1,7})\s*(?:人|名|个)?$/.exec(halfWidth(cell.value as string).trim());
  return m ? Number(m[1]) : undefined;
}

/** A list typed in one cell: items on separate lines, or separated by `；` / `;`. */
export function splitList(text: string): string[] {
  return text.split(/\r?\n|[；;]/).map((s) => s.trim()).filter(Boolean);
}

/** Several short names in one cell: separated by `、`, `，`, `,`, `/`, `+` or `暨`, or lines. */
export function splitNames(text: string): string[] {
  return text.split(/[、，,/／+＋暨\n;；]/).map((s) => s.trim()).filter(Boolean);
}
