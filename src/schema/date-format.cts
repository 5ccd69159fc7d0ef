/**
 * The schema's `date` format (RFC 3339 full-date, YYYY-MM-DD, a real calendar day), with the
 * verdicts of ajv-formats' `date` but read by character codes: the validator calls it for every
 * date of every log, and the regular expression and its match array cost more than the check.
 * CommonJS, so that the built validator (dist/schema/) can require it next to itself.
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `index` (0–9), or -1 when the character there is not an ASCII digit. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** The number written by the ASCII digits at `from`..`to` (exclusive), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = digit(text, i);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function date(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]);
}
