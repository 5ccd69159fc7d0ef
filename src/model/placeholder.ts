/**
 * Placeholders are not content: a required text written as 无, 暂无, 略, 见附件 alone, `-`, `/`,
 * `N/A`, `TBD` or left blank records nothing. Every rule that requires a text asks this one
 * predicate, so that they all agree on what counts.
 */

/** Placeholders, compared after trimming, dropping closing punctuation and brackets, and lower-casing. */
const PLACEHOLDERS = new Set([
  '',
  '无',
  '暂无',
  '没有',
  '略',
  '同上',
  '见附件',
  '详见附件',
  '-',
  '--',
  '—',
  '——',
  '－',
  '/',
  '／',
  '\\',
  '.',
  '...',
  '…',
  '……',
  'n/a',
  'na',
  'none',
  'nil',
  'null',
  'tbd',
  'todo',
  'x',
]);

/** Blanks (ASCII and full-width), and punctuation or brackets around a placeholder (（无）, 无。). */
const EDGES = /^[\s\u3000（(【[「]+|[\s\u3000）)】\]」。.，,;；！!?？]+$/g;

/** Whether a text records nothing (undefined, blank, or a placeholder such as 无 or N/A). */
export function isPlaceholder(text: string | undefined): boolean {
  if (text === undefined) return true;
  const core = text.replace(EDGES, '').toLowerCase();
  return PLACEHOLDERS.has(core) || PLACEHOLDERS.has(core.replace(/[\s\u3000]+/g, ''));
}

/** Whether a text is given and is not a placeholder. */
export function hasContent(text: string | undefined): text is string {
  return !isPlaceholder(text);
}

/** Whether a list holds at least one item that is not a placeholder. */
export function listHasContent(items: readonly string[] | undefined): boolean {
  return items !== undefined && items.some(hasContent);
}
