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

const ID_PATTERN = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/g;
const CARD_PATTERN = /(?<![0-9])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9])/g;
/** With or without the country code (+86, 0086 or 86 in front). */
const MOBILE_PATTERN = /(?<![0-9])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d(?:[ -]?\d{4}){2})(?![0-9])/g;

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
/**
 * Whether the text, with spaces and dashes removed, has 11 digits in a row (full-width ones too):
 * every personal number does, and most texts do not. (One pattern over the text rather than a copy
 * of it without spaces and dashes: it runs on every file.)
 */
const ELEVEN_DIGITS = /[\d\uff10-\uff19](?:[ \-\u3000\uff0d]*[\d\uff10-\uff19]){10}/;

export function mayHoldPersonalNumber(text: string): boolean {
  return ELEVEN_DIGITS.test(text);
}

/**
 * Full-width digits, hyphens and spaces (typed with a Chinese input method) as ASCII ones. Each is
 * one UTF-16 unit either way, so offsets in the result are offsets in the original text.
 */
function asciiDigits(text: string): string {
  return /[\uff10-\uff19\uff0d\u3000]/.test(text)
    ? text.replace(/[\uff10-\uff19\uff0d\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    : text;
}

/** Every personal number in a text, without overlaps, in order of position. */
export function findPersonalNumbers(original: string): PersonalMatch[] {
  if (!mayHoldPersonalNumber(original)) return [];
  const text = asciiDigits(original);
  const found: PersonalMatch[] = [];
  const taken = (index: number, length: number) =>
    found.some((m) => index < m.index + m.length && m.index < index + length);
  for (const match of text.matchAll(ID_PATTERN)) {
    if (isValidIdNumber(match[0])) {
      found.push({ kind: 'id-number', index: match.index!, length: match[0].length, masked: mask(match[0].toUpperCase(), 4, 4) });
    }
  }
  for (const match of text.matchAll(CARD_PATTERN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 16 && digits.length <= 19 && passesLuhn(digits) && !taken(match.index!, match[0].length)) {
      found.push({ kind: 'bank-card', index: match.index!, length: match[0].length, masked: mask(digits, 4, 4) });
    }
  }
  for (const match of text.matchAll(MOBILE_PATTERN)) {
    const digits = match[1].replace(/[ -]/g, '');
    if (!taken(match.index!, match[0].length)) {
      found.push({ kind: 'mobile', index: match.index!, length: match[0].length, masked: mask(digits, 3, 4) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text with every personal number replaced by its masked form. */
export function maskPersonalData(text: string): string {
  const matches = findPersonalNumbers(text);
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
