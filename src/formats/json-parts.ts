/**
 * `JSON.stringify(value, null, 2)` and a line break, in parts: a large output (60,000 findings as
 * SARIF) is never one string, nor copied whole when it is written. Objects and short arrays are
 * taken apart; a long array's elements come a block at a time. The text is the same, byte for byte
 * (test/output-chunks.test.ts compares them).
 */

/** Arrays longer than this are written a block of elements at a time (shorter ones are taken apart). */
const SHORT_ARRAY = 16;
/** About how many characters one block of a long array's elements makes. */
const BLOCK_CHARS = 1 << 16;
const MAX_BLOCK = 4096;

export function* prettyJsonParts(value: unknown): Generator<string> {
  yield* parts(value, '');
  yield '\n';
}

/** The parts joined: what `JSON.stringify(value, null, 2)` and a line break give. */
export function prettyJson(value: unknown): string {
  return [...prettyJsonParts(value)].join('');
}

function* parts(value: unknown, indent: string): Generator<string> {
  if (Array.isArray(value) && value.length > SHORT_ARRAY) {
    yield* longArray(value, indent);
    return;
  }
  if (Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    yield '[';
    for (let index = 0; index < value.length; index++) {
      yield `${index ? ',' : ''}\n${inner}`;
      yield* element(value[index], inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (isTakenApart(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      // As JSON.stringify: a key whose value it cannot write is left out.
      if (isLeftOut(item, inner)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* parts(item, inner);
      first = false;
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  yield stringified(value, indent) ?? 'null';
}

/**
 * A long array, a block of elements per part: each block is written by JSON.stringify (which
 * writes null for what it cannot write in an array, as the whole text would), less its brackets.
 * Blocks are sized from the last one's length, so that a part stays near BLOCK_CHARS whether the
 * elements are findings or whole branches.
 */
function* longArray(value: unknown[], indent: string): Generator<string> {
  // Nested as deep as the array is, a block comes out of JSON.stringify indented as it belongs:
  // "[\n  [\n ... [" then "\n<inner>e1,\n<inner>e2", then "\n<indent>]" and the closing brackets.
  const depth = indent.length / 2;
  const opening = depth * (depth + 3) + 1;
  const closing = (depth + 1) * (depth + 2);
  let size = 16;
  yield '[';
  for (let start = 0; start < value.length; ) {
    const end = Math.min(value.length, start + size);
    let nested: unknown = value.slice(start, end);
    for (let level = 0; level < depth; level++) nested = [nested];
    const block = JSON.stringify(nested, null, 2);
    yield `${start ? ',' : ''}${block.slice(opening, block.length - closing)}`;
    size = Math.max(1, Math.min(MAX_BLOCK, Math.round(((end - start) * BLOCK_CHARS) / block.length)));
    start = end;
  }
  yield `\n${indent}]`;
}

function* element(value: unknown, indent: string): Generator<string> {
  if (isLeftOut(value, indent)) yield 'null';
  else yield* parts(value, indent);
}

/** What JSON.stringify cannot write: undefined, a function, a symbol (or what a toJSON makes of it). */
function isLeftOut(value: unknown, indent: string): boolean {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return true;
  const toJSON = value !== null && typeof value === 'object' ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' && stringified(value, indent) === undefined;
}

/** A plain object with keys, taken apart key by key (one with toJSON is written as JSON.stringify writes it). */
function isTakenApart(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && Object.keys(value).length > 0;
}

/** One value as JSON.stringify writes it at this indent; undefined for what it leaves out. */
function stringified(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // Line breaks inside strings are escaped, so every line break is one of the layout's.
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
