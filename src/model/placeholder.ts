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

/** The longest placeholder, in characters. */
const LONGEST = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
/** Characters the comparison may drop: blanks, brackets and punctuation (EDGES), inner blanks. */
const DROPPABLE = /[\s\u3000（(【[「）)】\]」。.，,;；！!?？]/;

/** The answers for texts seen before: the same names and words come back record after record. */
const known = new Map<string, boolean>();
const KNOWN_LIMIT = 50_000;

/** Whether a text records nothing (undefined, blank, or a placeholder such as 无 or N/A). */
export function isPlaceholder(text: string | undefined): boolean {
  if (text === undefined) return true;
  let answer = known.get(text);
  if (answer === undefined) {
    answer = !longerThanAnyPlaceholder(text) && comparedAsPlaceholder(text);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(text, answer);
  }
  return answer;
}

/** Whether more characters than any placeholder has would be left after dropping all it may drop. */
function longerThanAnyPlaceholder(text: string): boolean {
  let kept = 0;
  for (let i = 0; i < text.length; i++) if (!DROPPABLE.test(text[i]) && ++kept > LONGEST) return true;
  return false;
}

function comparedAsPlaceholder(text: string): boolean {
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
