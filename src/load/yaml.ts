/**
 * The one interface through which files are parsed: text in, a plain value and node positions out,
 * or the first problem with its position. Branch logs are plain data, so anchors, aliases, tags,
 * merge keys, directives, several documents and duplicate keys are all rejected.
 *
 * Two implementations stand behind it. The reference parser, built on the `yaml` package, handles
 * all of YAML and words every problem. The fast parser (fast-yaml.ts) handles the plain subset that
 * logs are written in and gives up on anything else, which then goes to the reference parser; for
 * every text it accepts it gives the same value and positions (tested on generated and fuzzed input).
 */
import type { Document, Node, Scalar } from 'yaml';
import type { Position } from '../types.js';
import { parseYamlFast } from './fast-yaml.js';
import { LineIndex, escapePointer, type NodePosition, type PositionIndex } from './positions.js';
import { parseDocuments, yaml } from './yaml-library.js';

export const MAX_DEPTH = 32;

export type YamlProblemKind =
  | 'syntax'
  | 'duplicate-key'
  | 'anchor'
  | 'alias'
  | 'tag'
  | 'merge-key'
  | 'complex-key'
  | 'directive'
  | 'multiple-documents'
  | 'too-deep'
  | 'too-complex'
  | 'too-many-values';

export interface YamlProblem {
  kind: YamlProblemKind;
  position: Position;
  /** For `syntax`: the parser's error code, and a hint id when the line shows a typical mistake. */
  code?: string;
  hint?: 'fullwidth-colon' | 'fullwidth-space' | 'fullwidth-dash' | 'tab';
  detail?: string;
}

export type ParseOutcome =
  | { ok: true; value: unknown; positions: PositionIndex }
  | { ok: false; problem: YamlProblem };

/**
 * Parses a file's text. A parser that runs out of stack on some shape of text is a finding of this
 * file, never a crash of the run. `clean`: decoding found none of the characters of `SUSPECT` in it.
 */
export function parseYaml(text: string, clean = false): ParseOutcome {
  try {
    return parseChecked(text, clean);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problem: { kind: 'too-complex', position: { line: 1, column: 1 } } };
    throw error;
  }
}

/**
 * The fast parser first: the nesting estimate, which rejects a text before any parser reads it,
 * runs after it only where it might find something (the fast parser tells), and before the
 * reference parser; the outcome is the same as with the estimate first.
 */
function parseChecked(text: string, clean: boolean): ParseOutcome {
  const stop = { at: 0 };
  const fast = parseYamlFast(text, MAX_DEPTH, stop, clean);
  if (!fast) return parseYamlReference(text, stop.at);
  const tooDeep = fast.shallow ? undefined : findExcessiveNesting(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return { ok: false, problem: { kind: 'too-deep', position: new LineIndex(text).position(tooDeep) } };
  }
  return { ok: true, value: fast.value, positions: fast.positions };
}

/**
 * The reference parser: all of YAML, every problem with its position. `fastStop`: where the fast
 * parser stopped reading the text, when the caller knows.
 */
export function parseYamlReference(text: string, fastStop?: number): ParseOutcome {
  const lines = new LineIndex(text);
  const tooDeep = findExcessiveNesting(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return { ok: false, problem: { kind: 'too-deep', position: lines.position(tooDeep) } };
  }
  const parsed = parseDocuments(text);
  if ('deepAt' in parsed) return problemBefore(text, lines, parsed.deepAt);
  if ('largeAt' in parsed) return tooManyValues(text, lines, fastStop);
  return outcomeOf(text, lines, parsed.documents);
}

/**
 * A text with more values than the `yaml` package is given: what the fast parser makes of it, or
 * where the fast parser stopped (what it cannot read there, or a mistake, is not worded).
 */
function tooManyValues(text: string, lines: LineIndex, fastStop: number | undefined): ParseOutcome {
  const stop = { at: fastStop ?? 0 };
  if (fastStop === undefined) {
    const fast = parseYamlFast(text, MAX_DEPTH, stop);
    if (fast) return { ok: true, value: fast.value, positions: fast.positions };
  }
  return { ok: false, problem: { kind: 'too-many-values', position: lines.position(stop.at) } };
}

/**
 * The parser went too deep on the line of `offset`, which only a mistake repeated line after line
 * does: the first problem of the text before that line is the one reported (that text parses within
 * the bound), as it would be without the lines that follow; else the nesting, on that line.
 */
function problemBefore(text: string, lines: LineIndex, offset: number): ParseOutcome {
  const cut = lines.lineStart(offset);
  if (cut > 0) {
    const before = text.slice(0, cut);
    const parsed = parseDocuments(before);
    if ('documents' in parsed) {
      const outcome = outcomeOf(before, lines, parsed.documents);
      if (!outcome.ok) return outcome;
    }
  }
  return { ok: false, problem: { kind: 'too-deep', position: lines.position(cut) } };
}

/** The value and positions of the first document, or its first problem. */
function outcomeOf(text: string, lines: LineIndex, list: Document.Parsed[]): ParseOutcome {
  if (list.length === 0) return { ok: true, value: null, positions: new Map() };
  const first = list[0];
  const error = first.errors[0];
  if (error) {
    const position = lines.position(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') return { ok: false, problem: { kind: 'duplicate-key', position } };
    return {
      ok: false,
      problem: { kind: 'syntax', position, code: error.code, hint: hintFor(text, position.line) },
    };
  }
  const directive = directiveOffset(text, first.range[0]);
  if (directive !== undefined) {
    return { ok: false, problem: { kind: 'directive', position: lines.position(directive) } };
  }
  if (list.length > 1) {
    const second = list[1];
    return {
      ok: false,
      problem: { kind: 'multiple-documents', position: lines.position(second.range[0]), detail: String(list.length) },
    };
  }
  const positions = new Map<string, NodePosition>();
  const composer = new Composer(text, lines, positions);
  try {
    const value = composer.compose(first.contents as Node | null, '', 0, undefined);
    return { ok: true, value, positions };
  } catch (problem) {
    if (problem instanceof ComposeProblem) return { ok: false, problem: problem.problem };
    throw problem;
  }
}

class ComposeProblem extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.kind);
  }
}

class Composer {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly positions: Map<string, NodePosition>,
  ) {}

  /** The anchor or tag that precedes a node's content (the node's range starts after it). */
  private markerBefore(marker: string, offset: number | undefined): number | undefined {
    if (offset === undefined) return undefined;
    let found = this.text.lastIndexOf(marker, offset);
    if (found < 0) return offset;
    while (found > 0 && this.text[found - 1] === marker) found--; // `!!binary` starts at the first `!`
    return found;
  }

  private fail(kind: YamlProblemKind, offset: number | undefined): never {
    throw new ComposeProblem({ kind, position: this.lines.position(offset ?? 0) });
  }

  compose(node: Node | null, pointer: string, depth: number, keyOffset: number | undefined): unknown {
    const { isAlias, isMap, isScalar, isSeq } = yaml();
    if (node === null || node === undefined) {
      return null;
    }
    if (depth > MAX_DEPTH) this.fail('too-deep', node.range?.[0]);
    if (isAlias(node)) this.fail('alias', node.range?.[0]);
    if (node.anchor) this.fail('anchor', this.markerBefore('&', node.range?.[0]));
    if (node.tag) this.fail('tag', this.markerBefore('!', node.range?.[0]));
    const start = node.range?.[0] ?? 0;
    if (pointer !== '' && !this.positions.has(pointer)) {
      const value = this.lines.position(start);
      this.positions.set(pointer, { key: keyOffset === undefined ? value : this.lines.position(keyOffset), value });
    }
    if (isScalar(node)) return scalarText(node, { asKey: false });
    if (isSeq(node)) {
      return node.items.map((item, index) =>
        this.compose(item as Node | null, `${pointer}/${index}`, depth + 1, undefined),
      );
    }
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      const names = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key && isAlias(key)) this.fail('alias', key.range?.[0]);
        if (key && key.anchor) this.fail('anchor', this.markerBefore('&', key.range?.[0]));
        if (key && key.tag) this.fail('tag', this.markerBefore('!', key.range?.[0]));
        if (!isScalar(key)) this.fail('complex-key', key?.range?.[0] ?? start);
        const name = String(scalarText(key, { asKey: true }));
        if (name === '<<') this.fail('merge-key', key.range?.[0]);
        if (names.has(name)) this.fail('duplicate-key', key.range?.[0]);
        names.add(name);
        const childPointer = `${pointer}/${escapePointer(name)}`;
        const keyStart = key.range?.[0] ?? start;
        const child = pair.value as Node | null;
        if (child === null || child === undefined) {
          const position = this.lines.position(keyStart);
          this.positions.set(childPointer, { key: position, value: position });
        }
        const value = this.compose(child, childPointer, depth + 1, keyStart);
        // defineProperty, so that a `__proto__` key is data and never an object's prototype.
        Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    return null;
  }
}

/** Directives are the lines starting with `%` before the document (comments may precede them). */
function directiveOffset(text: string, documentStart: number): number | undefined {
  const match = /(?:^|\n)%/.exec(text.slice(0, documentStart));
  return match ? match.index + match[0].length - 1 : undefined;
}

/**
 * A scalar's value as the file spells it when a JavaScript value would change it: long digit strings
 * (ID and card numbers) must never go through a number, and a key is always its text (`1.0` stays
 * `1.0`, and `2026` and "2026" are the same key, hence a duplicate).
 */
function scalarText(node: Scalar, { asKey }: { asKey: boolean }): unknown {
  const { value, source } = node as Scalar & { source?: string };
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && source !== undefined) {
    return source;
  }
  if (asKey && typeof value !== 'string') return value === null ? '' : (source ?? String(value));
  return value;
}

const FULLWIDTH_COLON = /^\s*[-\s]*[^\s:：#'"][^:：#]*：/;

function hintFor(text: string, line: number): YamlProblem['hint'] {
  const lines = text.split(/\r\n|\r|\n/);
  // The parser often notices a mistake one line late, so look at the reported line and the one before.
  for (const candidate of [lines[line - 1], lines[line - 2]]) {
    if (candidate === undefined) continue;
    if (/^[ \t]*\u3000/.test(candidate) || /^[ \t-]*[^\s:][^:]*:\u3000/.test(candidate)) return 'fullwidth-space';
    if (/^\s*[－—–]\s/.test(candidate)) return 'fullwidth-dash';
    if (FULLWIDTH_COLON.test(candidate)) return 'fullwidth-colon';
    if (/^ *\t/.test(candidate)) return 'tab';
  }
  return undefined;
}

/**
 * A cheap scan for nesting (flow brackets plus block indentation levels and sequence dashes), so that
 * a hostile file is rejected before the parser recurses into it. Returns the offset where the nesting
 * first goes beyond `limit`, or undefined. It over-estimates rather than under. (Character codes
 * rather than one-character strings: this runs over every file.)
 */
export function findExcessiveNesting(text: string, limit: number): number | undefined {
  const SPACE = 0x20;
  const LF = 0x0a;
  const CR = 0x0d;
  const TAB = 0x09;
  const HASH = 0x23;
  const DASH = 0x2d;
  const QUOTE = 0x27;
  const DOUBLE_QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const OPEN_BRACKET = 0x5b;
  const OPEN_BRACE = 0x7b;
  const CLOSE_BRACKET = 0x5d;
  const CLOSE_BRACE = 0x7d;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let indent = 0;
    while (i < n && text.charCodeAt(i) === SPACE) {
      i++;
      indent++;
    }
    const lineStart = i;
    let dashes = 0;
    while (i + 1 < n && text.charCodeAt(i) === DASH && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === LF)) {
      dashes++;
      i += 2;
      while (i < n && text.charCodeAt(i) === SPACE) i++;
    }
    const first = text.charCodeAt(i);
    const lineHasContent = i < n && first !== LF && first !== HASH && first !== CR;
    if (lineHasContent && flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + dashes > limit) return lineStart;
    }
    let quote = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === BACKSLASH && quote === DOUBLE_QUOTE) i++;
        continue;
      }
      if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) {
        while (i < n && text.charCodeAt(i) !== LF) i++;
        break;
      }
      if (c === DOUBLE_QUOTE || c === QUOTE) {
        const previous = text.charCodeAt(i - 1);
        if (flow > 0 || previous === SPACE || previous === OPEN_BRACKET || previous === OPEN_BRACE) {
          quote = c;
          continue;
        }
      }
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        flow++;
        if (indents.length + dashes + flow > limit) return i;
      } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && flow > 0) {
        flow--;
      }
    }
    i++;
  }
  return undefined;
}
