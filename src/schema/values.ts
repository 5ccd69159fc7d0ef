/**
 * How the schema's messages show a value: its kind, a short preview, the full-width character that
 * made a key, what is wrong with a date.
 */

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const SHORT_TEXT = 40;

/** At most 40 characters of a value, without serialising all of a large mapping or list. */
export function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : preview(value, SHORT_TEXT + 1);
  return text.length > SHORT_TEXT ? `${text.slice(0, SHORT_TEXT - 1)}…` : text;
}

/** JSON text of a value, cut once it is longer than `limit`: one error per key must not cost the whole file. */
function preview(value: unknown, limit: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  const open = Array.isArray(value) ? '[' : '{';
  let text = open;
  for (const [key, item] of Object.entries(value)) {
    if (text.length > open.length) text += ',';
    if (!Array.isArray(value)) text += `${JSON.stringify(key)}:`;
    text += preview(item, limit - text.length);
    if (text.length >= limit) return text;
  }
  return text + (Array.isArray(value) ? ']' : '}');
}

/** Full-width spaces, colons and dashes: typed with a Chinese input method where YAML needs ASCII. */
export const FULLWIDTH_IN_KEY = /[\u3000：－—–]/g;

/**
 * A key that holds a full-width space, colon or dash is a YAML mistake that happened to parse (an
 * indentation of full-width spaces starts a new top-level key): the hint names the character.
 */
export function fullwidthHint(key: string): string {
  if (key.includes('\u3000')) return 'load.hint.fullwidth-space';
  if (key.includes('：')) return 'load.hint.fullwidth-colon';
  if (/^\s*[－—–]/.test(key)) return 'load.hint.fullwidth-dash';
  return '';
}

/**
 * A real date outside the years a log can speak of (0001-01-01), written like a date but not a real
 * one (2026-02-30), or not written like a date.
 */
export function dateMessage(value: unknown): string {
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'schema.dateFormat';
  return !/^(19\d{2}|2\d{3})-/.test(text) && isRealDate(text) ? 'schema.dateOutOfRange' : 'schema.dateNotReal';
}

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && (month !== 2 || day !== 29 || leap);
}

/** A number written as text where a whole number is wanted (`1e20`, `7.5`, `1_000`). */
export const NUMBER_TEXT = /^[+-]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
