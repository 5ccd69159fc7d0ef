/**
 * Detection and masking of personal numbers: resident ID numbers (valid check digit), mainland
 * mobile numbers and bank card numbers (Luhn). Used by the `no-personal-data` rule, and on every
 * text the tool prints, so that no output ever repeats such a number in full.
 */
export type PersonalKind = 'id-number' | 'mobile' | 'bank-card';

export interface PersonalMatch {
  kind: PersonalKind;
  /** Offset in the text and length of the match (separators included). */
  index: number;
  length: number;
  masked: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function mask(digits: string, keepStart: number, keepEnd: number): string {
  return digits.slice(0, keepStart) + '*'.repeat(digits.length - keepStart - keepEnd) + digits.slice(-keepEnd);
}

/**
 * What may stand between the digits of one number as people write them: spaces (also tabs,
 * no-break, thin and full-width ones), dashes and hyphens of every width, dots, middle dots,
 * underscores (as in file names), zero-width characters and combining marks (an underlined digit).
 * A percent-encoded character (`%20` in a URL) counts as one separator, never as digits.
 */
function isSeparator(code: number): boolean {
  if (code < 0x80) return code === 0x20 || code === 0x2d || code === 0x2e || code === 0x5f || code === 0x09;
  return (
    code === 0xa0 ||
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    code === 0x2043 ||
    code === 0x2e3a ||
    code === 0x2e3b ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff3f ||
    code === 0xad ||
    code === 0xb7 ||
    (code >= 0x2000 && code <= 0x2015) ||
    code === 0x2024 ||
    code === 0x2027 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x2212 ||
    code === 0x3000 ||
    code === 0x30fb ||
    code === 0xfeff ||
    code === 0xff0d ||
    code === 0xff0e ||
    code === 0xff65
  );
}

/**
 * Separators that cannot be seen: zero-width characters, the soft hyphen and combining marks. They
 * part no group of digits (`1\u200b3\u200b8...` is written as one group, as it is seen).
 */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    code === 0xfeff
  );
}

/** At most this many separators between two digits of one number. */
const MAX_SEPARATORS = 3;

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function digitAt(text: string, i: number): string | undefined {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return text[i];
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  return undefined;
}

/** The length of a separator at `i` (a percent-encoded one is 3), or 0. */
function separatorAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 0x25) return isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) ? 3 : 0;
  return isSeparator(code) ? 1 : 0;
}

/** A group: digits written together, at [start, end) in the text. */
interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * Runs of digit groups: groups of digits (and a final X of an ID number) with at most
 * MAX_SEPARATORS separators between them; a run ends at any other character. Only runs of 11 digits
 * or more are given (every personal number has that many).
 */
function* digitRuns(text: string): Generator<Group[]> {
  let run: Group[] = [];
  let count = 0;
  let separators = 0;
  const end = function* () {
    if (count >= 11) yield run;
    run = [];
    count = 0;
    separators = 0;
  };
  for (let i = 0; i < text.length; ) {
    const digit = digitAt(text, i);
    const last = run[run.length - 1];
    if (digit !== undefined || ((text[i] === 'X' || text[i] === 'x') && last?.end === i && !/[0-9A-Za-z]/.test(text[i + 1] ?? ''))) {
      if (last && last.end === i) {
        last.digits += digit ?? 'X';
        last.end = i + 1;
      } else run.push({ start: i, end: i + 1, digits: digit ?? 'X' });
      count++;
      separators = 0;
      i++;
      continue;
    }
    if (last && last.end === i && isInvisible(text.charCodeAt(i))) {
      last.end = i + 1;
      i++;
      continue;
    }
    const separator = run.length > 0 ? separatorAt(text, i) : 0;
    if (separator > 0 && separators < MAX_SEPARATORS) {
      separators++;
      i += separator;
      continue;
    }
    yield* end();
    i += separator > 0 ? separator : text[i] === '%' && separatorAt(text, i) === 3 ? 3 : 1;
  }
  yield* end();
}

/** A digit, ASCII or full-width: where a run of digits and separators starts. */
const DIGIT = /[0-9\uff10-\uff19]/g;

/**
 * Whether the text has 11 digits (full-width ones too) with nothing but separators between them:
 * every personal number does, and most texts do not. No copy: it runs on every file. The regular
 * expression finds where each run starts (most characters come after no digit at all and need no
 * look), and the run is followed from there.
 */
export function mayHoldPersonalNumber(text: string): boolean {
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    const end = runEnd(text, DIGIT.lastIndex - 1);
    if (end < 0) return true;
    DIGIT.lastIndex = end;
  }
  return false;
}

/** From the digit at `start`: -1 when 11 digits come with only separators between them, else where the run ends. */
function runEnd(text: string, start: number): number {
  let count = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) {
      if (++count >= 11) return -1;
    } else if (code === 0x25) {
      if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) i += 2;
      else return i + 1;
    } else if (!isSeparator(code)) return i + 1;
  }
  return text.length;
}

const MOBILE = /^1[3-9]\d{9}$/;
const ID_DATE = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9X]$/;

/** The personal number the groups make together (as they are written), if any. */
function numberOf(groups: Group[]): { kind: PersonalKind; masked: string } | undefined {
  const digits = groups.map((g) => g.digits).join('');
  const sizes = groups.map((g) => g.digits.length);
  if (digits.includes('X') && !/^\d{17}X$/.test(digits)) return undefined;
  if (digits.length === 18 && ID_DATE.test(digits) && isValidIdNumber(digits)) return { kind: 'id-number', masked: mask(digits, 4, 4) };
  if (digits.length >= 16 && digits.length <= 19 && cardShape(sizes) && passesLuhn(digits)) return { kind: 'bank-card', masked: mask(digits, 4, 4) };
  if (MOBILE.test(digits) && mobileShape(sizes)) return { kind: 'mobile', masked: mask(digits, 3, 4) };
  // With the country code written on: 8613800138000, 0086 13800138000.
  const local = /^(?:0086|86)(1[3-9]\d{9})$/.exec(digits);
  if (local && mobileShape([sizes[0] - (digits.length - 11), ...sizes.slice(1)].filter((size) => size > 0))) {
    return { kind: 'mobile', masked: mask(local[1], 3, 4) };
  }
  return undefined;
}

/** Card numbers are written whole, in fours (the last group shorter), or 6 and the rest. */
function cardShape(sizes: number[]): boolean {
  return sizes.length === 1 || sizes.slice(0, -1).every((size) => size === 4) || (sizes.length === 2 && sizes[0] === 6);
}

/** Mobile numbers: whole, 3-4-4, 4-3-4, 3-8 or 7-4. */
function mobileShape(sizes: number[]): boolean {
  return ['11', '3,4,4', '4,3,4', '3,8', '7,4'].includes(sizes.join(','));
}

/** The country code before a mobile number (86, 0086, +86), as groups of the run. */
function countryCode(run: Group[], first: number): number {
  const before = run[first - 1];
  if (!before || (before.digits !== '86' && before.digits !== '0086')) return -1;
  return before.start;
}

/** Every personal number in a text, without overlaps, in order of position. */
export function findPersonalNumbers(text: string): PersonalMatch[] {
  if (!mayHoldPersonalNumber(text)) return [];
  const found: PersonalMatch[] = [];
  for (const run of digitRuns(text)) {
    for (let first = 0; first < run.length; ) {
      let matched = 0;
      let total = 0;
      // The longest number that starts with this group (an ID before a card before a mobile).
      for (let last = first; last < run.length && (total += run[last].digits.length) <= 19; last++) {
        const number = total >= 11 ? numberOf(run.slice(first, last + 1)) : undefined;
        if (number) matched = last + 1;
      }
      if (!matched) {
        first++;
        continue;
      }
      const groups = run.slice(first, matched);
      const number = numberOf(groups)!;
      // A contiguous 86 or 0086 in front of a mobile number, or a group of its own before it.
      let start = groups[0].start;
      if (number.kind === 'mobile') {
        const code = countryCode(run, first);
        if (code >= 0) start = code;
        if (text[start - 1] === '+') start--;
      }
      found.push({ kind: number.kind, index: start, length: groups[groups.length - 1].end - start, masked: number.masked });
      first = matched;
    }
  }
  return found;
}

/**
 * The text with every personal number replaced by its masked form. A value of several lines (a
 * literal block in YAML, a cell with line breaks) may part a number at a line end: a line break
 * counts as a separator here, where a text is masked as a whole (the line breaks stay).
 */
export function maskPersonalData(text: string): string {
  const matches = findPersonalNumbers(text.includes('\n') ? text.replace(/[\r\n]/g, ' ') : text);
  if (matches.length === 0) return text;
  let result = '';
  let last = 0;
  for (const m of matches) {
    result += text.slice(last, m.index) + m.masked;
    last = m.index + m.length;
  }
  return result + text.slice(last);
}

/**
 * Text from the input as it may be printed: personal numbers masked, and control characters (a
 * file name with a line break, an escape sequence written in a quoted YAML value) shown as escapes
 * so that they can neither break a line-based format nor drive the user's terminal.
 */
export function outputText(text: string): string {
  const masked = maskPersonalData(text);
  return /[\x00-\x1f\x7f-\x9f]/.test(masked) ? masked.replace(/[\x00-\x1f\x7f-\x9f]/g, escapeControl) : masked;
}

function escapeControl(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[char] ?? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
