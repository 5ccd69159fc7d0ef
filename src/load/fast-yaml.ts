/**
 * A fast parser for the plain-data subset of YAML that branch logs are written in: block mappings
 * and sequences, one-line flow collections, one-line quoted and plain scalars, comments, LF or CRLF.
 *
 * It gives the same value and positions as the reference parser (`parseYamlReference`, built on the
 * `yaml` package) for every text it accepts, and gives up (returns undefined) on anything else:
 * errors, anchors, tags, directives, document markers, block scalars, multi-line scalars, tabs,
 * duplicate or non-text keys. The reference parser then decides, so that every problem is reported
 * by one implementation, with one wording and one position. Most logs parse here about twenty times
 * faster than with the reference parser; the differential tests hold the two together.
 */
import type { Position } from '../types.js';
import type { NodePosition, PositionIndex } from './positions.js';
import { escapePointer } from './positions.js';
import { SUSPECT } from './decode.js';

export interface FastParse {
  value: unknown;
  positions: PositionIndex;
  /**
   * Whether the nesting scan (`findExcessiveNesting` with the same limit) certainly finds nothing
   * in this text, so that it need not run: the text nests no deeper than half the limit, and it has
   * no bracket or quote where the scan would take it for structure (in a plain scalar, a key, a
   * comment line that starts in column 1, or a single-quoted block scalar with a doubled quote).
   */
  shallow: boolean;
}

/** Thrown (never escapes this module) when the text leaves the supported subset. */
const UNSUPPORTED = { unsupported: true };

/**
 * Characters the subset excludes wherever they are: tabs, other control characters, a BOM inside
 * the text, the Unicode line separators, a CR that does not start a CRLF, and lone surrogates.
 * `SUSPECT` is a quick test (a character class only) that lets almost every text through; a text
 * known `clean` (decoding found none of its characters) skips it.
 */
const EXCLUDED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function outsideSubset(text: string, clean: boolean): boolean {
  if (text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text)) return true;
  return !clean && SUSPECT.test(text) && EXCLUDED.test(text);
}

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** YAML's indicator characters: a plain scalar cannot start with one (but see `-?:`). */
const INDICATORS = ',[]{}#&*!|>\'"%@`';
/** How a plain scalar may start, by ASCII character: never with an indicator (1), with `-`, `?` or `:` before a safe character only (2). */
const PLAIN_START = new Uint8Array(128);
for (const c of INDICATORS) PLAIN_START[c.charCodeAt(0)] = 1;
for (const c of '-?:') PLAIN_START[c.charCodeAt(0)] = 2;
const FLOW_INDICATORS = new Set([COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]);

/** Where a plain scalar stands: in block context it ends with its line, in a flow collection also at an indicator. */
type ScalarContext = 'block' | 'flow';

/** A longer implicit key is an error for the reference parser (its limit is 1024). */
const MAX_KEY_LENGTH = 1000;
/**
 * The keys of a branch log, by length: a key found here is this very (interned) string, so the
 * parser neither copies it out of the text nor makes the engine look it up in the string table.
 */
const KNOWN_KEYS: (string[] | undefined)[] = [];
for (const key of [
  'version', 'branch', 'id', 'name', 'parent', 'established', 'dissolved', 'members', 'groups', 'secretary', 'termStart',
  'features', 'year', 'feature', 'highlight', 'staff', 'total', 'archived', 'activities', 'date', 'type', 'title',
  'firstTopic', 'attendance', 'expected', 'present', 'leave', 'absent', 'assignments', 'electives', 'group', 'lecturer',
  'lecturerRole', 'makeUpFor', 'place', 'host', 'recorder', 'agenda', 'resolution', 'absentees', 'reason', 'kind',
  'votes', 'for', 'against', 'abstain', 'guests', 'evidence', 'planned', 'cases', 'trigger', 'followUps', 'waivers',
  'rule', 'period', 'approvedBy',
]) {
  (KNOWN_KEYS[knownKeySlot(key.length, key.charCodeAt(0))] ??= []).push(key);
}

/** Where the known keys of this length and first character are listed. */
function knownKeySlot(length: number, first: number): number {
  return length * 128 + first;
}

/** The known key spelled at `text[start, end)`, if there is one. */
function knownKey(codes: Uint16Array, start: number, end: number): string | undefined {
  const first = codes[start];
  const length = end - start;
  if (first >= 128 || length > 16) return undefined;
  const candidates = KNOWN_KEYS[knownKeySlot(length, first)];
  if (candidates === undefined) return undefined;
  for (const known of candidates) {
    let k = 1;
    while (k < length && codes[start + k] === known.charCodeAt(k)) k++;
    if (k === length) return known;
  }
  return undefined;
}

/** A mapping's keys are compared one by one up to this many; a larger mapping keeps them in a set. */
const MAX_LISTED_KEYS = 64;

/**
 * V8 keeps a substring of 13 characters or more as a view into the whole file text; a copy lets the
 * text be freed once the file is processed, even while the model keeps some of its strings.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * The positions of a parse, as offsets in the text, in one array: each collection is a block
 * `[kind, count, entries...]`, a mapping's entry `[keyStart, keyEnd, valueOffset, child]`, a
 * sequence's `[offset, child]`; `child` is where the nested collection's block starts, -1 for none
 * (a scalar, or an empty collection, which has no entries to find). A key is found by its text.
 */
const MAPPING = 1;
const SEQUENCE = 0;
const MAP_STRIDE = 4;
const SEQ_STRIDE = 2;

/**
 * The positions of a fast parse, looked up lazily by walking the collections along the pointer:
 * building a map of every pointer costs more than all the lookups a check makes. Offsets become
 * lines and columns by the offsets where lines start.
 */
export class TreePositionIndex implements PositionIndex {
  constructor(
    private readonly tree: Int32Array,
    private readonly root: number,
    private readonly lineStarts: Int32Array,
    private readonly text: string,
  ) {}

  get(pointer: string): NodePosition | undefined {
    const entry = this.find(pointer);
    if (entry < 0) return undefined;
    const { tree } = this;
    if (!this.foundInMapping) return { key: this.at(tree[entry]), value: this.at(tree[entry]) };
    return { key: this.at(tree[entry]), value: this.at(tree[entry + 2]) };
  }

  position(pointer: string, which: 'key' | 'value'): Position | undefined {
    const entry = this.find(pointer);
    if (entry < 0) return undefined;
    return this.at(this.tree[this.foundInMapping && which === 'value' ? entry + 2 : entry]);
  }

  /** The line and column of an offset. */
  private at(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  /** Whether the entry that `find` found is a mapping's (else a sequence item): no pair made for every lookup. */
  private foundInMapping = false;

  /** Where the pointer's entry starts in the tree, or -1. */
  private find(pointer: string): number {
    if (pointer.length === 0 || pointer.charCodeAt(0) !== 0x2f) return -1;
    const { tree } = this;
    let block = this.root;
    let start = 1;
    for (;;) {
      if (block < 0) return -1;
      let end = pointer.indexOf('/', start);
      if (end < 0) end = pointer.length;
      const mapping = tree[block] === MAPPING;
      const entry = mapping ? this.keyEntry(block, pointer, start, end) : itemEntry(tree, block, pointer, start, end);
      if (entry < 0) return -1;
      if (end === pointer.length) {
        this.foundInMapping = mapping;
        return entry;
      }
      block = tree[entry + (mapping ? MAP_STRIDE - 1 : SEQ_STRIDE - 1)];
      start = end + 1;
    }
  }

  /**
   * The entry of the mapping at `block` whose key `pointer[start, end)` names, or -1; only the
   * canonical spelling of a segment matches (as in a map of pointers).
   */
  private keyEntry(block: number, pointer: string, start: number, end: number): number {
    const { tree, text } = this;
    let name = pointer;
    let nameStart = start;
    const tilde = pointer.indexOf('~', start);
    if (tilde >= 0 && tilde < end) {
      const segment = pointer.slice(start, end);
      name = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      if (escapePointer(name) !== segment) return -1;
      nameStart = 0;
    }
    const length = name === pointer ? end - start : name.length;
    const last = block + 2 + tree[block + 1] * MAP_STRIDE;
    for (let entry = block + 2; entry < last; entry += MAP_STRIDE) {
      const keyStart = tree[entry];
      if (tree[entry + 1] - keyStart === length && sameChars(text, keyStart, name, nameStart, length)) return entry;
    }
    return -1;
  }

  has(pointer: string): boolean {
    return this.get(pointer) !== undefined;
  }

  /** Every pointer and its position, in document order (for tests and diagnostics). */
  *entries(): IterableIterator<[string, NodePosition]> {
    const { tree, text } = this;
    const at = (offset: number) => this.at(offset);
    function* walk(block: number, prefix: string): Generator<[string, NodePosition]> {
      const count = tree[block + 1];
      if (tree[block] === MAPPING) {
        for (let index = 0, entry = block + 2; index < count; index++, entry += MAP_STRIDE) {
          const pointer = `${prefix}/${escapePointer(text.slice(tree[entry], tree[entry + 1]))}`;
          yield [pointer, { key: at(tree[entry]), value: at(tree[entry + 2]) }];
          if (tree[entry + 3] >= 0) yield* walk(tree[entry + 3], pointer);
        }
      } else {
        for (let index = 0, entry = block + 2; index < count; index++, entry += SEQ_STRIDE) {
          const pointer = `${prefix}/${index}`;
          const position = at(tree[entry]);
          yield [pointer, { key: position, value: { ...position } }];
          if (tree[entry + 1] >= 0) yield* walk(tree[entry + 1], pointer);
        }
      }
    }
    if (this.root >= 0) yield* walk(this.root, '');
  }
}

/** Whether `a[aStart, aStart + length)` and `b[bStart, bStart + length)` are the same characters. */
function sameChars(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

/** The entry of the sequence at `block` that `pointer[start, end)` gives the index of, or -1. */
function itemEntry(tree: Int32Array, block: number, pointer: string, start: number, end: number): number {
  const length = end - start;
  // A canonical array index: digits without a leading zero.
  if (length === 0 || length > 9 || (length > 1 && pointer.charCodeAt(start) === 0x30)) return -1;
  let index = 0;
  for (let i = start; i < end; i++) {
    const digit = pointer.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index < tree[block + 1] ? block + 2 + index * SEQ_STRIDE : -1;
}

/**
 * Where a parse writes positions: the entries of the collections being read, one above the other;
 * a collection, once read, is moved off them as a block of the tree (see `TreePositionIndex`).
 * One for every parse; the room a huge text needed is not kept for the texts after it.
 */
class TreeBuilder {
  private open: Int32Array = new Int32Array(1024);
  openTop = 0;
  private tree: Int32Array = new Int32Array(16 * 1024);
  private treeTop = 0;

  reset(): void {
    if (this.open.length > 64 * 1024) this.open = new Int32Array(1024);
    if (this.tree.length > 1024 * 1024) this.tree = new Int32Array(16 * 1024);
    this.openTop = 0;
    this.treeTop = 0;
  }

  push(value: number): void {
    if (this.openTop === this.open.length) this.open = grown(this.open, this.openTop + 1);
    this.open[this.openTop++] = value;
  }

  /** The entries pushed since `from`, as a block of the tree: where it starts (-1 for no entries). */
  close(kind: number, from: number): number {
    const size = this.openTop - from;
    if (size === 0) return -1;
    const block = this.treeTop;
    if (block + 2 + size > this.tree.length) this.tree = grown(this.tree, block + 2 + size);
    const { tree, open } = this;
    tree[block] = kind;
    tree[block + 1] = size / (kind === MAPPING ? MAP_STRIDE : SEQ_STRIDE);
    // A loop: a collection has few entries, and a subarray to copy them from costs more.
    for (let i = 0; i < size; i++) tree[block + 2 + i] = open[from + i];
    this.treeTop = block + 2 + size;
    this.openTop = from;
    return block;
  }

  /** The tree of the parse, of its exact size. */
  finish(): Int32Array {
    return this.tree.slice(0, this.treeTop);
  }
}

function grown(array: Int32Array, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

const treeBuilder = new TreeBuilder();

/**
 * The value of a plain scalar under the YAML 1.2 core schema, exactly as the reference parser
 * resolves it; an integer too large for a JavaScript number stays the text it was written as.
 */
export function resolvePlainScalar(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) {
    // Digits first: a whole number, or text (a date, a time) as soon as a character follows the
    // leading digits that no number has there (only `.`, `e`, `E`, and `o` or `x` after a 0).
    let i = 1;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === text.length) return wholeNumber(text, parseInt(text, 10));
    const after = text.charCodeAt(i);
    if (after !== 0x2e && after !== 0x65 && after !== 0x45 && after !== 0x6f && after !== 0x78) return text;
  }
  // Most scalars are text: anything that starts like no null, boolean or number.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) {
    return text;
  }
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  // One test for every numeric form, so that dates and other text fail fast.
  if (!NUMBER.test(text)) return text;
  let value: number;
  if (DECIMAL.test(text)) value = parseInt(text, 10);
  else if (text.charCodeAt(1) === 0x6f) value = parseInt(text.substring(2), 8);
  else if (text.charCodeAt(1) === 0x78) value = parseInt(text.substring(2), 16);
  else if (/[nN]/.test(text)) value = text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  else value = parseFloat(text);
  return wholeNumber(text, value);
}

/** The number a scalar resolves to; an integer too large for a JavaScript number stays its text. */
function wholeNumber(text: string, value: number): number | string {
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? text : value;
}

/**
 * The union of the core schema's number patterns (int, octal, hex, infinity and NaN, exponent,
 * float), each written exactly as the reference parser's schema writes it.
 */
const NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const DECIMAL = /^[-+]?[0-9]+$/;

/**
 * A character that means nothing in a flow scalar or key: past `:` and no bracket or brace (letters,
 * and every character past ASCII). False past the end of the text (NaN).
 */
function ordinaryInFlow(c: number): boolean {
  return c > COLON && (c > CLOSE_BRACE || (c < OPEN_BRACE && c !== OPEN_BRACKET && c !== CLOSE_BRACKET));
}

/** Whether `text[start, end)` holds a bracket, a brace or a quote. */
function holdsBracketOrQuote(codes: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = codes[i];
    if (c === OPEN_BRACKET || c === OPEN_BRACE || c === QUOTE || c === DOUBLE_QUOTE) return true;
  }
  return false;
}

function setProperty(target: Record<string, unknown>, name: string, value: unknown): void {
  // defineProperty, so that a `__proto__` key is data and never an object's prototype.
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

/**
 * A stack whose array only grows: its top is kept apart, so that taking entries off never shrinks
 * the array (V8 gives back the room of an array cut to less than half, and pushing grows it again).
 */
class Stack<T> {
  private readonly array: T[] = [];
  top = 0;

  push(value: T): void {
    this.array[this.top++] = value;
  }

  at(index: number): T {
    return this.array[index];
  }

  /** The entries from `from` to the top, as an array of its own, off the stack. */
  take(from: number): T[] {
    const taken = this.array.slice(from, this.top);
    this.top = from;
    return taken;
  }
}

/**
 * Where each line starts, as a parse finds them (the positions are offsets, turned into lines and
 * columns on lookup): one buffer for every parse, of which each takes an exact copy.
 */
let lineBuffer = new Int32Array(4096);

/**
 * The text's UTF-16 code units, followed by NULs (which the subset excludes from the text itself):
 * the parser reads characters from here, as loads from a typed array are quicker than `charCodeAt`
 * (a third less time to parse a log); what it reads past the end is a NUL, which means nothing to
 * it. One buffer for every parse; one that a huge text needed is not kept for the texts after it.
 */
let codeBuffer = new Uint16Array(64 * 1024);
let codeBytes = Buffer.from(codeBuffer.buffer);
const CODE_PADDING = 4;
/** A text within the default size limit has no more code units than its file has bytes. */
const KEPT_CODES = 1024 * 1024 + CODE_PADDING;

function codesOf(text: string): Uint16Array {
  const needed = text.length + CODE_PADDING;
  if (codeBuffer.length < needed || codeBuffer.length > Math.max(needed, KEPT_CODES)) {
    codeBuffer = new Uint16Array(Math.max(needed, 64 * 1024));
    codeBytes = Buffer.from(codeBuffer.buffer);
  }
  codeBytes.write(text, 0, 'utf16le');
  codeBuffer.fill(0, text.length, needed);
  return codeBuffer;
}

class FastParser {
  private pos = 0;
  private lineStart = 0;
  private lines = 1;
  private readonly length: number;
  private readonly codes: Uint16Array;
  /**
   * The items of the sequences being read, one above the other: a sequence takes its own off the
   * top when it ends, as an array of its exact size (a hostile file of a million empty lists would
   * otherwise hold a million arrays grown for more items than they ever get).
   */
  private readonly items = new Stack<unknown>();
  /** The keys of the mappings being read, one above the other (to find a key given twice). */
  private readonly names = new Stack<string>();
  /** The deepest level checked, and whether a bracket or quote stood where the nesting scan misreads it (`FastParse.shallow`). */
  private deepest = 0;
  private misread = false;
  /**
   * What the reading of a value leaves besides the value (kept here rather than in an object made
   * for every value): where the block of the collection read starts in the tree, -1 for a scalar;
   * after a block collection, the indentation of the next content line, or -1 at the end of the
   * text; and after a key, where it ends.
   */
  private childRead = -1;
  private keyEnd = 0;
  private nextIndent = -1;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.length = text.length;
    this.codes = codesOf(text);
    lineBuffer[0] = 0;
    treeBuilder.reset();
  }

  /** Where reading has got to (where it stopped, once it gave up). */
  get offset(): number {
    return this.pos;
  }

  parse(): FastParse {
    const indent = this.skipToContent();
    if (indent !== 0 || this.atSequenceItem()) throw UNSUPPORTED;
    const value = this.blockMap(0, 0);
    if (this.nextIndent !== -1) throw UNSUPPORTED;
    const shallow = !this.misread && 2 * this.deepest + 2 <= this.maxDepth;
    const lineStarts = lineBuffer.slice(0, this.lines);
    // A huge file's buffer is not kept for the files after it.
    if (lineBuffer.length > 65536) lineBuffer = new Int32Array(4096);
    return { value, positions: new TreePositionIndex(treeBuilder.finish(), this.childRead, lineStarts, this.text), shallow };
  }

  private newLine(start: number): void {
    if (this.lines === lineBuffer.length) {
      const grown = new Int32Array(lineBuffer.length * 2);
      grown.set(lineBuffer);
      lineBuffer = grown;
    }
    lineBuffer[this.lines++] = start;
  }

  private code(at: number): number {
    return this.codes[at];
  }

  private isLineEnd(at: number): boolean {
    const c = this.codes[at];
    return at >= this.length || c === LF || c === CR;
  }

  private atSequenceItem(): boolean {
    return this.code(this.pos) === DASH && (this.code(this.pos + 1) === SPACE || this.isLineEnd(this.pos + 1));
  }

  private checkDepth(depth: number): void {
    if (depth > this.deepest) {
      if (depth > this.maxDepth) throw UNSUPPORTED;
      this.deepest = depth;
    }
  }

  /** From a line end or line start: past blank and comment lines to the next content; its indentation. */
  private skipToContent(): number {
    const { codes, length } = this;
    let pos = this.pos;
    for (;;) {
      if (pos < length && codes[pos] === LF) {
        pos++;
        this.lineStart = pos;
        this.newLine(pos);
      } else if (pos < length && codes[pos] === CR) {
        pos += 2;
        this.lineStart = pos;
        this.newLine(pos);
      }
      let i = pos;
      while (codes[i] === SPACE) i++;
      if (i >= length) {
        this.pos = i;
        return -1;
      }
      const c = codes[i];
      if (c === LF || c === CR) {
        pos = i;
        continue;
      }
      if (c === HASH) {
        const start = i;
        while (i < length && codes[i] !== LF && codes[i] !== CR) i++;
        // The nesting scan reads a comment in column 1 as content (but the one that starts the text).
        if (start === this.lineStart && start > 0 && !this.misread) this.misread = holdsBracketOrQuote(codes, start, i);
        pos = i;
        continue;
      }
      const indent = i - this.lineStart;
      // Directives and document markers belong to the reference parser.
      if (indent === 0 && (c === 0x25 || ((c === DASH || c === 0x2e) && codes[i + 1] === c && codes[i + 2] === c))) {
        throw UNSUPPORTED;
      }
      this.pos = i;
      return indent;
    }
  }

  /** After a value: spaces, perhaps a comment, then the end of the line. */
  private endLine(): void {
    const { codes, length } = this;
    let pos = this.pos;
    while (codes[pos] === SPACE) pos++;
    if (pos < length && codes[pos] === HASH) {
      if (codes[pos - 1] !== SPACE) throw UNSUPPORTED;
      while (pos < length && codes[pos] !== LF && codes[pos] !== CR) pos++;
    }
    if (!this.isLineEnd(pos)) throw UNSUPPORTED;
    this.pos = pos;
  }

  private skipInlineSpaces(): void {
    while (this.codes[this.pos] === SPACE) this.pos++;
    if (this.isLineEnd(this.pos)) throw UNSUPPORTED;
  }

  /** A plain scalar may start with `-`, `?` or `:` only when a safe character follows. */
  private plainStart(at: number, context: ScalarContext): void {
    const c = this.code(at);
    const start = c < 128 ? PLAIN_START[c] : 0;
    if (start === 1) throw UNSUPPORTED;
    if (start === 2) {
      const next = this.code(at + 1);
      if (next === SPACE || this.isLineEnd(at + 1) || (context === 'flow' && FLOW_INDICATORS.has(next))) throw UNSUPPORTED;
    }
  }

  /** A block mapping whose first key starts at the current position, in column `indent`. */
  private blockMap(indent: number, depth: number): Record<string, unknown> {
    this.checkDepth(depth);
    const result: Record<string, unknown> = {};
    const { names } = this;
    const namesFrom = names.top;
    const from = treeBuilder.openTop;
    let keys: Set<string> | undefined;
    for (;;) {
      const keyOffset = this.pos;
      const name = this.blockKey();
      const { keyEnd } = this;
      keys = this.checkNewKey(namesFrom, name, keys);
      this.checkDepth(depth + 1);
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      let value: unknown = null;
      let child = -1;
      let valueOffset = this.pos;
      let next: number;
      if (this.isLineEnd(this.pos) || c === HASH) {
        // The value, if any, is on the following lines; an empty value is null, positioned here.
        this.endLine();
        next = this.skipToContent();
        if (next > indent || (next === indent && this.atSequenceItem())) {
          valueOffset = this.pos;
          value = this.atSequenceItem() ? this.blockSequence(next, depth + 1) : this.blockMap(next, depth + 1);
          child = this.childRead;
          next = this.nextIndent;
        }
      } else {
        value = this.inlineValue(depth + 1);
        child = this.childRead;
        this.endLine();
        next = this.skipToContent();
      }
      setProperty(result, name, value);
      names.push(name);
      treeBuilder.push(keyOffset);
      treeBuilder.push(keyEnd);
      treeBuilder.push(valueOffset);
      treeBuilder.push(child);
      if (next === indent) {
        if (this.atSequenceItem()) throw UNSUPPORTED;
        continue;
      }
      if (next > indent) throw UNSUPPORTED;
      this.childRead = treeBuilder.close(MAPPING, from);
      names.top = namesFrom;
      this.nextIndent = next;
      return result;
    }
  }

  /** A plain key and its `: `; leaves the position after the colon. */
  private blockKey(): string {
    const { codes, length } = this;
    const start = this.pos;
    this.plainStart(start, 'block');
    let i = start;
    for (; ; i++) {
      if (i >= length) throw UNSUPPORTED;
      const c = codes[i];
      // Letters and every character past ASCII: only `[` and `{` among them need a look.
      if (c > COLON) {
        if ((c | 0x20) === OPEN_BRACE) this.misread = true;
        continue;
      }
      if (c === COLON) {
        const next = codes[i + 1];
        if (next === SPACE || next === LF || next === CR || i + 1 >= length) break;
      } else if (c === LF || c === CR || (c === HASH && codes[i - 1] === SPACE)) {
        throw UNSUPPORTED;
      } else if (c === QUOTE || c === DOUBLE_QUOTE) {
        this.misread = true;
      }
    }
    return this.keyBefore(start, i);
  }

  /**
   * The key from `start` to its colon at `colon`, less trailing spaces; leaves the position after
   * the colon. Only text keys, and never the merge key.
   */
  private keyBefore(start: number, colon: number): string {
    if (colon - start > MAX_KEY_LENGTH) throw UNSUPPORTED;
    let end = colon;
    while (this.codes[end - 1] === SPACE) end--;
    this.pos = colon + 1;
    this.keyEnd = end;
    const known = knownKey(this.codes, start, end);
    if (known !== undefined) return known;
    const name = this.text.slice(start, end);
    if (typeof resolvePlainScalar(name) !== 'string' || name === '<<') throw UNSUPPORTED;
    return name;
  }

  /**
   * A key given twice goes to the reference parser, which reports it. `from` is where the mapping's
   * keys start on the stack of names; `keys`, the set of its keys once it has many (returned, perhaps new).
   */
  private checkNewKey(from: number, name: string, keys: Set<string> | undefined): Set<string> | undefined {
    if (keys) {
      if (keys.has(name)) throw UNSUPPORTED;
      return keys.add(name);
    }
    // A linear search is fastest for the few keys of a log's mappings; a set, for a huge one.
    const { names } = this;
    for (let i = from; i < names.top; i++) if (names.at(i) === name) throw UNSUPPORTED;
    if (names.top - from < MAX_LISTED_KEYS) return undefined;
    const all = new Set<string>([name]);
    for (let i = from; i < names.top; i++) all.add(names.at(i));
    return all;
  }

  /** A block sequence whose first `- ` is at the current position, in column `indent`. */
  private blockSequence(indent: number, depth: number): unknown[] {
    this.checkDepth(depth);
    const { items } = this;
    const itemsFrom = items.top;
    const from = treeBuilder.openTop;
    for (;;) {
      // at "- "
      if (this.code(this.pos + 1) !== SPACE) throw UNSUPPORTED;
      this.pos += 2;
      while (this.code(this.pos) === SPACE) this.pos++;
      this.checkDepth(depth + 1);
      const c = this.code(this.pos);
      if (this.isLineEnd(this.pos) || c === HASH || this.atSequenceItem()) throw UNSUPPORTED;
      const offset = this.pos;
      let next: number;
      if (c !== OPEN_BRACKET && c !== OPEN_BRACE && c !== QUOTE && c !== DOUBLE_QUOTE && this.lineHasKey()) {
        items.push(this.blockMap(this.pos - this.lineStart, depth + 1));
        next = this.nextIndent;
      } else {
        items.push(this.inlineValue(depth + 1));
        this.endLine();
        next = this.skipToContent();
      }
      treeBuilder.push(offset);
      treeBuilder.push(this.childRead);
      if (next === indent && this.atSequenceItem()) continue;
      if (next > indent) throw UNSUPPORTED;
      this.childRead = treeBuilder.close(SEQUENCE, from);
      this.nextIndent = next;
      return items.take(itemsFrom);
    }
  }

  /** Whether the rest of the line holds a `key: ` (a mapping starts in a sequence item). */
  private lineHasKey(): boolean {
    const { codes, length } = this;
    for (let i = this.pos; i < length; i++) {
      const c = codes[i];
      if (c === LF || c === CR) return false;
      if (c === HASH && codes[i - 1] === SPACE) return false;
      if (c === COLON) {
        const next = codes[i + 1];
        if (next === SPACE || next === LF || next === CR || i + 1 >= length) return true;
      }
    }
    return false;
  }

  /**
   * A flow collection, a quoted or a plain scalar: a value that ends on its own line (`block`), or
   * an item of a flow collection (`flow`), whose plain scalars end at `,`, `]` or `}`.
   */
  private inlineValue(depth: number, context: ScalarContext = 'block'): unknown {
    const c = this.code(this.pos);
    if (c === OPEN_BRACKET) return this.flowSequence(depth);
    if (c === OPEN_BRACE) return this.flowMap(depth);
    this.childRead = -1;
    if (c === DOUBLE_QUOTE || c === QUOTE) return this.quoted(context);
    return context === 'flow' ? this.flowPlain() : this.blockPlain();
  }

  /** A one-line plain scalar in block context. */
  private blockPlain(): unknown {
    const { codes, length } = this;
    const start = this.pos;
    this.plainStart(start, 'block');
    let end = start;
    let i = start;
    for (; i < length; i++) {
      const c = codes[i];
      // Letters and every character past ASCII: only `[` and `{` among them need a look.
      if (c > COLON) {
        if ((c | 0x20) === OPEN_BRACE) this.misread = true;
        end = i + 1;
        continue;
      }
      if (c === LF || c === CR) break;
      if (c === COLON) {
        const next = codes[i + 1];
        if (next === SPACE || next === LF || next === CR || i + 1 >= length) throw UNSUPPORTED;
      } else if (c === HASH && codes[i - 1] === SPACE) {
        break;
      } else if (c === QUOTE || c === DOUBLE_QUOTE) {
        this.misread = true;
      }
      if (c !== SPACE) end = i + 1;
    }
    this.pos = end;
    return this.plainValue(start, end);
  }

  /** The value of the plain scalar at `[start, end)`. */
  private plainValue(start: number, end: number): unknown {
    // Most numbers of a log are a few digits: read in place, without a string made for them.
    const digits = this.digitsValue(start, end);
    if (digits >= 0) return digits;
    const value = resolvePlainScalar(this.text.slice(start, end));
    return typeof value === 'string' ? detached(value) : value;
  }

  /** The whole number that `[start, end)` spells with 1 to 15 digits and nothing else (as the core schema reads it), else -1. */
  private digitsValue(start: number, end: number): number {
    if (end <= start || end - start > 15) return -1;
    const { codes } = this;
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = codes[i] - 0x30;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * A one-line quoted scalar, without escapes in double quotes. (The nesting scan misreads a doubled
   * single quote in block context: it takes the first quote for the end.)
   */
  private quoted(context: ScalarContext): string {
    const { text, codes, length } = this;
    const quote = codes[this.pos];
    const start = this.pos + 1;
    let i = start;
    let doubled = false;
    for (;;) {
      if (i >= length) throw UNSUPPORTED;
      const c = codes[i];
      if (c === LF || c === CR || (c === BACKSLASH && quote === DOUBLE_QUOTE)) throw UNSUPPORTED;
      if (c === quote) {
        if (quote === QUOTE && codes[i + 1] === QUOTE) {
          doubled = true;
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    this.pos = i + 1;
    const raw = text.slice(start, i);
    if (!doubled) return detached(raw);
    if (context === 'block') this.misread = true;
    return raw.replace(/''/g, "'");
  }

  private flowSequence(depth: number): unknown[] {
    const { items } = this;
    const itemsFrom = items.top;
    const from = treeBuilder.openTop;
    for (let more = this.flowOpen(depth, CLOSE_BRACKET); more; more = this.flowNext(CLOSE_BRACKET)) {
      this.checkDepth(depth + 1);
      const offset = this.pos;
      items.push(this.inlineValue(depth + 1, 'flow'));
      treeBuilder.push(offset);
      treeBuilder.push(this.childRead);
    }
    this.childRead = treeBuilder.close(SEQUENCE, from);
    return items.take(itemsFrom);
  }

  private flowMap(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const { names } = this;
    const namesFrom = names.top;
    const from = treeBuilder.openTop;
    let keys: Set<string> | undefined;
    for (let more = this.flowOpen(depth, CLOSE_BRACE); more; more = this.flowNext(CLOSE_BRACE)) {
      const keyOffset = this.pos;
      const name = this.flowKey();
      const { keyEnd } = this;
      keys = this.checkNewKey(namesFrom, name, keys);
      this.skipInlineSpaces();
      const valueStart = this.code(this.pos);
      if (valueStart === COMMA || valueStart === CLOSE_BRACE) throw UNSUPPORTED;
      this.checkDepth(depth + 1);
      const valueOffset = this.pos;
      setProperty(result, name, this.inlineValue(depth + 1, 'flow'));
      names.push(name);
      treeBuilder.push(keyOffset);
      treeBuilder.push(keyEnd);
      treeBuilder.push(valueOffset);
      treeBuilder.push(this.childRead);
    }
    this.childRead = treeBuilder.close(MAPPING, from);
    names.top = namesFrom;
    return result;
  }

  /**
   * A flow sequence or mapping is read from its opening bracket to `close` with these two: past the
   * bracket, and past the comma after an item (one trailing comma allowed, as in YAML; an empty item
   * is not); each says whether an item follows, or leaves the position past `close`.
   */
  private flowOpen(depth: number, close: number): boolean {
    this.checkDepth(depth);
    this.pos++;
    this.skipInlineSpaces();
    if (this.code(this.pos) !== close) return true;
    this.pos++;
    return false;
  }

  private flowNext(close: number): boolean {
    this.skipInlineSpaces();
    const c = this.code(this.pos);
    if (c === COMMA) {
      this.pos++;
      this.skipInlineSpaces();
      const after = this.code(this.pos);
      if (after === COMMA) throw UNSUPPORTED;
      if (after !== close) return true;
    } else if (c !== close) {
      throw UNSUPPORTED;
    }
    this.pos++;
    return false;
  }

  /** A plain key in a flow mapping, up to its `: `. */
  private flowKey(): string {
    const { codes } = this;
    const start = this.pos;
    this.plainStart(start, 'flow');
    let i = start;
    for (; ; i++) {
      const c = codes[i];
      if (ordinaryInFlow(c)) continue;
      if (this.isLineEnd(i)) throw UNSUPPORTED;
      if (c === COLON) {
        if (codes[i + 1] !== SPACE) throw UNSUPPORTED;
        break;
      }
      if (FLOW_INDICATORS.has(c) || (c === HASH && codes[i - 1] === SPACE)) throw UNSUPPORTED;
      if (c === QUOTE || c === DOUBLE_QUOTE) this.misread = true;
    }
    return this.keyBefore(start, i);
  }

  /** A plain scalar inside a flow collection, up to `,`, `]` or `}`. */
  private flowPlain(): unknown {
    const { codes } = this;
    const start = this.pos;
    this.plainStart(start, 'flow');
    let end = start;
    let i = start;
    for (; ; i++) {
      const c = codes[i];
      if (ordinaryInFlow(c)) {
        end = i + 1;
        continue;
      }
      if (this.isLineEnd(i)) throw UNSUPPORTED;
      if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE) break;
      if (c === OPEN_BRACKET || c === OPEN_BRACE || (c === HASH && codes[i - 1] === SPACE)) throw UNSUPPORTED;
      if (c === COLON) {
        const next = codes[i + 1];
        if (next === SPACE || this.isLineEnd(i + 1) || FLOW_INDICATORS.has(next)) throw UNSUPPORTED;
      }
      if (c === QUOTE || c === DOUBLE_QUOTE) this.misread = true;
      if (c !== SPACE) end = i + 1;
    }
    this.pos = end;
    return this.plainValue(start, end);
  }
}

/**
 * The value and positions of `text`, or undefined when it is outside the supported subset (the
 * reference parser then gives the answer, or the problem); `stop.at` is then the offset where the
 * subset ends. The caller checks the nesting estimate first, as the reference parser does.
 * `clean`: the text is known to hold none of the characters `SUSPECT` finds.
 */
export function parseYamlFast(text: string, maxDepth: number, stop?: { at: number }, clean = false): FastParse | undefined {
  if (outsideSubset(text, clean)) {
    if (stop) stop.at = Math.min(...[text.search(/\r(?!\n)/), text.search(EXCLUDED)].filter((at) => at >= 0));
    return undefined;
  }
  const parser = new FastParser(text, maxDepth);
  try {
    return parser.parse();
  } catch (error) {
    if (error !== UNSUPPORTED) throw error;
    if (stop) stop.at = parser.offset;
    return undefined;
  }
}
