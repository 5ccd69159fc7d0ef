/**
 * The fast YAML parser against the reference parser: wherever the fast parser accepts a text, its
 * value and positions must be the reference parser's, and the reference parser must accept the text
 * too. Checked on the whole generated corpus, on mutations of it, and on generated documents built
 * from YAML's tricky corners. (No test here asserts a time.)
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlFast, resolvePlainScalar } from '../src/load/fast-yaml.js';
import type { PositionIndex } from '../src/load/positions.js';
import { findExcessiveNesting, MAX_DEPTH, parseYaml, parseYamlReference } from '../src/load/yaml.js';
// @ts-expect-error -- an untyped .mjs module
import { prng } from '../bench/corpus.mjs';
import { corpusFiles } from './corpus.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20260701);

function sorted(positions: PositionIndex) {
  return [...positions.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Undefined when the two agree; otherwise what differs, for the failure message. */
function disagreement(text: string): string | undefined {
  const reference = parseYamlReference(text);
  const combined = parseYaml(text);
  if (!isDeepStrictEqual(stripPositions(combined), stripPositions(reference))) {
    return `parseYaml ${JSON.stringify(stripPositions(combined))} but reference ${JSON.stringify(stripPositions(reference))}`;
  }
  const fast = parseYamlFast(text, MAX_DEPTH);
  const tooDeep = findExcessiveNesting(text, MAX_DEPTH) !== undefined;
  if (fast?.shallow && tooDeep) return 'the fast parser found the text shallow, but the nesting scan does not';
  if (tooDeep || !fast) return undefined;
  if (!reference.ok) return `fast parser accepted a text the reference rejects: ${JSON.stringify(reference.problem)}`;
  if (!isDeepStrictEqual(fast.value, reference.value)) {
    return `values differ: ${JSON.stringify(fast.value)} vs ${JSON.stringify(reference.value)}`;
  }
  const mine = sorted(fast.positions);
  const theirs = sorted(reference.positions);
  if (!isDeepStrictEqual(mine, theirs)) return `positions differ: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`;
  for (const [pointer] of theirs) {
    if (!isDeepStrictEqual(fast.positions.get(pointer), reference.positions.get(pointer))) return `lookup of ${pointer} differs`;
  }
  return undefined;
}

function stripPositions(outcome: ReturnType<typeof parseYaml>) {
  return outcome.ok ? { ok: true, value: outcome.value } : outcome;
}

function expectAgreement(text: string): void {
  const problem = disagreement(text);
  if (problem) expect.fail(`${problem}\n--- input ---\n${JSON.stringify(text)}`);
}

describe('fast YAML parser: the generated corpus', () => {
  // 250 branches: every plant, 24 split logs, make-ups, waivers, full meeting records and a schema
  // mistake are among them.
  const files = corpusFiles(250);

  it('parses every corpus file itself, with the reference value and positions', { timeout: 300_000 }, () => {
    let accepted = 0;
    for (const file of files) {
      expectAgreement(file.text);
      if (parseYamlFast(file.text, MAX_DEPTH)) accepted++;
    }
    expect(accepted).toBe(files.length);
  });

  it('agrees on mutated corpus files (characters and lines inserted, removed, re-indented)', { timeout: 300_000 }, () => {
    const rnd = prng(SEED);
    const alphabet = [' ', ' ', '\n', ':', ': ', '-', '- ', '#', ' #', '[', ']', '{', '}', ',', "'", '"', '&a ', '*a', '!x ', '|', '>', '%', '@', '`', '?', '~', '\t', '\r', '\r\n', '0', '1', '.', 'e', 'x', 'o', '中', '\u3000', '：', '\\', '<<: ', '__proto__: ', '---\n', '...\n', '\ufeff', '\u2028'];
    // Corpus files carry full meeting records now (twice the bytes): RUNS / 8 mutations take what RUNS / 4 took.
    const runs = Math.max(200, Math.floor(RUNS / 8));
    for (let run = 0; run < runs; run++) {
      const source = files[rnd.int(0, files.length - 1)].text;
      let text = source;
      for (let edits = rnd.int(1, 3); edits > 0; edits--) text = mutate(text, rnd, alphabet);
      expectAgreement(text);
    }
  });
});

function mutate(text: string, rnd: { int(a: number, b: number): number; pick<T>(list: T[]): T; chance(p: number): boolean }, alphabet: string[]): string {
  const lines = text.split('\n');
  const at = rnd.int(0, lines.length - 1);
  switch (rnd.int(0, 5)) {
    case 0: {
      const position = rnd.int(0, text.length);
      return text.slice(0, position) + rnd.pick(alphabet) + text.slice(position);
    }
    case 1: {
      const position = rnd.int(0, Math.max(0, text.length - 1));
      return text.slice(0, position) + text.slice(position + rnd.int(1, 3));
    }
    case 2:
      lines.splice(at, 0, lines[rnd.int(0, lines.length - 1)]);
      return lines.join('\n');
    case 3:
      lines.splice(at, 1);
      return lines.join('\n');
    case 4:
      lines[at] = rnd.chance(0.5) ? ` ${lines[at]}` : lines[at].replace(/^ {1,2}/, '');
      return lines.join('\n');
    default: {
      const position = rnd.int(0, Math.max(0, text.length - 1));
      return text.slice(0, position) + rnd.pick(alphabet) + text.slice(position + 1);
    }
  }
}

/* ----- generated documents ----- */

type Doc = { scalar: string } | { map: [string, Doc][]; flow: boolean } | { seq: Doc[]; flow: boolean; compact: boolean };

const KEYS = ['a', 'b', 'date', 'type', 'title', '__proto__', 'constructor', 'toString', '<<', '1', '01', 'null', 'True', '~', 'a b', 'a/b', 'a~b', '~1', '中文', '-x', '?x', ':x', 'x:y', 'x#y', 'x #y', 'a[1]', '"q"', "'s'", 'k  ', '0x1', '.5', 'e', 'yes', '&k', '*k', '!k', '? k', '- k', 'k\u3000'];
const SCALARS = ['x', '值', '1', '-0', '+7', '007', '0o17', '0o8', '0x1F', '0xg', '1e3', '1E-2', '1.', '.5', '.', '+', '-', '.inf', '-.Inf', '.NaN', '.nan', 'nan', '12345678901234567890', '9007199254740993', '1e400', '2026-02-30', '2026-Q1', '10:30', 'null', 'Null', '~', 'True', 'false', 'FALSE', 'yes', "'q''s'", "''", '""', '"dq"', '"a\\"b"', '"a\\tb"', "'a # b'", 'a #b', 'a#b', 'x: y', 'x:', ':x', '-x', '- x', '?x', '? x', '[a, b]', '[a, b, ]', '[a,,b]', '{a: 1}', '{a: 1, }', '{a}', '{a: }', '{a:1}', '[a: 1]', '[]', '{}', '[ ]', '&a x', '*a', '!t x', '!!str x', '|', '>', '|-', '%x', '@x', '`x', ',x', 'a, b', 'b]', 'a\u3000', '\u3000a', 'a：b', '"unterminated', "'unterminated", '[unterminated', 'a  b', 'a ', '#c', 'https://x.cn/a?b=c#d', 'C:\\a\\b', '"中\\u4e2d"'];

/** Mostly ordinary keys and scalars, with a tricky one now and then, so that many documents parse. */
const keyArbitrary = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z中][a-zA-Z0-9_中-]{0,6}$/), weight: 20 },
  { arbitrary: fc.constantFrom(...KEYS), weight: 1 },
);
const scalarArbitrary = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z中0-9][a-z0-9 中.-]{0,8}[a-z0-9中]$/), weight: 6 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.constantFrom('2026-01-05', '2026-Q1', '一月支委会', '学习《条例》', 'E0123', 'true', 'null', '1.5'), weight: 2 },
  { arbitrary: fc.constantFrom(...SCALARS), weight: 2 },
  { arbitrary: fc.stringMatching(/^[a-z0-9 :#\-.'"[\]{},&*!|>%@`?~中]{1,6}$/), weight: 1 },
);

const docArbitrary: fc.Arbitrary<Doc> = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.record({ scalar: scalarArbitrary }), weight: 3 },
    { arbitrary: fc.record({ map: fc.array(fc.tuple(keyArbitrary, tie('doc')), { minLength: 1, maxLength: 5 }), flow: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ seq: fc.array(tie('doc'), { minLength: 1, maxLength: 4 }), flow: fc.boolean(), compact: fc.boolean() }), weight: 2 },
  ),
})).doc;

/** A document whose root is a block mapping, as a log's is (other roots are generated too, rarely). */
const rootArbitrary: fc.Arbitrary<Doc> = fc.oneof(
  { arbitrary: fc.record({ map: fc.array(fc.tuple(keyArbitrary, docArbitrary), { minLength: 1, maxLength: 6 }), flow: fc.constant(false) }), weight: 9 },
  { arbitrary: docArbitrary, weight: 1 },
);

interface Style {
  step: number;
  crlf: boolean;
  comments: boolean;
  blank: boolean;
  trailing: boolean;
}

function renderFlow(doc: Doc): string {
  if ('scalar' in doc) return doc.scalar;
  if ('map' in doc) return `{ ${doc.map.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(', ')} }`;
  return `[${doc.seq.map(renderFlow).join(', ')}]`;
}

function renderValue(doc: Doc, indent: number, style: Style, out: string[], head: string): void {
  if ('scalar' in doc || doc.flow) {
    out.push(`${head} ${renderFlow(doc)}${style.trailing ? '  ' : ''}${style.comments ? ' # c' : ''}`);
    return;
  }
  out.push(`${head}${style.comments ? ' # c' : ''}`);
  if ('map' in doc) renderMap(doc.map, indent + style.step, style, out);
  else renderSeq(doc.seq, doc.compact ? indent : indent + style.step, style, out);
}

function renderMap(entries: [string, Doc][], indent: number, style: Style, out: string[]): void {
  for (const [key, value] of entries) {
    if (style.blank) out.push('');
    if (style.comments) out.push(`${' '.repeat(indent + 1)}# ${key}`);
    renderValue(value, indent, style, out, `${' '.repeat(indent)}${key}:`);
  }
}

function renderSeq(items: Doc[], indent: number, style: Style, out: string[]): void {
  for (const item of items) {
    const pad = ' '.repeat(indent);
    if ('map' in item && !item.flow) {
      const [[firstKey, firstValue], ...rest] = item.map;
      renderValue(firstValue, indent + 2, style, out, `${pad}- ${firstKey}:`);
      renderMap(rest, indent + 2, style, out);
    } else if ('seq' in item && !item.flow) {
      out.push(`${pad}-`);
      renderSeq(item.seq, indent + style.step, style, out);
    } else {
      out.push(`${pad}- ${renderFlow(item)}`);
    }
  }
}

function renderDocument(doc: Doc, style: Style): string {
  const out: string[] = [];
  if ('map' in doc && !doc.flow) renderMap(doc.map, 0, style, out);
  else if ('seq' in doc && !doc.flow) renderSeq(doc.seq, 0, style, out);
  else out.push(renderFlow(doc));
  return `${out.join(style.crlf ? '\r\n' : '\n')}\n`;
}

const styleArbitrary = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  crlf: fc.boolean(),
  comments: fc.boolean(),
  blank: fc.boolean(),
  trailing: fc.boolean(),
});

/** Share of generated documents each parser accepted, to show the property is not vacuous. */
const accepted = { total: 0, fast: 0, reference: 0 };

describe('fast YAML parser: generated documents', () => {
  it('agrees with the reference parser wherever it accepts a document', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(rootArbitrary, styleArbitrary, (doc, style) => {
        const text = renderDocument(doc, style);
        accepted.total++;
        if (parseYamlFast(text, MAX_DEPTH)) accepted.fast++;
        if (parseYamlReference(text).ok) accepted.reference++;
        return disagreement(text) === undefined;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most generated documents are ordinary: the fast parser must take a good share of them.
    expect(accepted.fast).toBeGreaterThan(accepted.total * 0.15);
    expect(accepted.reference).toBeGreaterThan(accepted.fast);
  });

  it('agrees on arbitrary short texts over YAML\'s significant characters', { timeout: 300_000 }, () => {
    const piece = fc.constantFrom('a', 'b', ': ', ':', ' ', '  ', '\n', '\r\n', '- ', '-', '#', ' #', '[', ']', '{', '}', ', ', "'", '"', '1', '0x1', '.', '~', 'null', '中', '&x', '*x', '!x', '|', '>', '?', '%', '---', '...', '\t', '__proto__', '<<');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => disagreement(pieces.join('')) === undefined),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });

  it('resolves plain scalars as the core schema does', () => {
    for (const text of SCALARS.filter((s) => !/^["'[{&*!|>%@`,#]/.test(s) && !/: |:$| #/.test(s) && s.trim() === s && s !== '-' && s !== '- x' && s !== '? x')) {
      const reference = parseYamlReference(`k: ${text}\n`);
      if (reference.ok) expect(resolvePlainScalar(text), text).toStrictEqual((reference.value as Record<string, unknown>).k);
    }
  });

  it('resolves scalars that start with a digit as the core schema does (numbers, dates, times)', () => {
    const piece = fc.constantFrom('0', '1', '7', '9', '.', 'e', 'E', '-', '+', 'o', 'x', 'f', ':', '_', 'a', '中');
    fc.assert(
      fc.property(fc.constantFrom('0', '1', '2', '9'), fc.array(piece, { maxLength: 12 }), (first, rest) => {
        const text = first + rest.join('');
        const reference = parseYamlReference(`k: ${text}\n`);
        return !reference.ok || isDeepStrictEqual(resolvePlainScalar(text), (reference.value as Record<string, unknown>).k);
      }),
      { numRuns: RUNS, seed: SEED + 3 },
    );
  });

  it('keeps the examples that matter: prototypes, long numbers, positions of empty values', () => {
    const fast = parseYamlFast('__proto__: {polluted: 1}\nid: 110101199003077777\nempty:\nlist:\n- x\n', MAX_DEPTH)!;
    expect(Object.getPrototypeOf(fast.value)).toBe(Object.prototype);
    expect((fast.value as Record<string, unknown>).id).toBe('110101199003077777');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fast.positions.get('/empty')).toEqual({ key: { line: 3, column: 1 }, value: { line: 3, column: 7 } });
    expect(fast.positions.get('/list/0')).toEqual({ key: { line: 5, column: 3 }, value: { line: 5, column: 3 } });
    expect(fast.positions.get('/list/00')).toBeUndefined();
    expect(fast.positions.get('')).toBeUndefined();
    for (const text of ['a: &x 1\n', 'a: *x\n', 'a: !t 1\n', '<<: {}\n', 'a: 1\na: 2\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n']) {
      expect(parseYamlFast(text, MAX_DEPTH), text).toBeUndefined();
      expect(parseYaml(text).ok, text).toBe(false);
    }
  });
});

/* ----- the nesting estimate ----- */

/** The nesting scan as first written (one-character strings), kept to check the faster one. */
function findExcessiveNestingAsWritten(text: string, limit: number): number | undefined {
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let indent = 0;
    while (i < n && text[i] === ' ') {
      i++;
      indent++;
    }
    const lineStart = i;
    let dashes = 0;
    while (i + 1 < n && text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
      dashes++;
      i += 2;
      while (i < n && text[i] === ' ') i++;
    }
    const lineHasContent = i < n && text[i] !== '\n' && text[i] !== '#' && text[i] !== '\r';
    if (lineHasContent && flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + dashes > limit) return lineStart;
    }
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      const previous = text[i - 1];
      if ((c === '"' || c === "'") && (flow > 0 || previous === ' ' || previous === '[' || previous === '{')) {
        quote = c;
      } else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + dashes + flow > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
    }
    i++;
  }
  return undefined;
}

describe('nesting scan', () => {
  it('is the scan as first written, on the corpus and on generated texts', () => {
    for (const file of corpusFiles(50)) {
      for (const limit of [3, 4, 5, 32]) expect(findExcessiveNesting(file.text, limit)).toBe(findExcessiveNestingAsWritten(file.text, limit));
    }
    const piece = fc.constantFrom(' ', '  ', '\n', '\r\n', '- ', '-\n', '#', ' #', '\t#', '[', ']', '{', '}', "'", '"', ' "', '\\', 'a', ': ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        return [1, 2, 3, 5, 32].every((limit) => findExcessiveNesting(text, limit) === findExcessiveNestingAsWritten(text, limit));
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  it('is left out only where it cannot find anything: brackets and quotes it misreads, nesting near the limit', () => {
    const lines = (count: number, line: (i: number) => string) => `${Array.from({ length: count }, (_, i) => line(i)).join('\n')}\n`;
    const shapes = [
      (n: number) => lines(n, (i) => `${' '.repeat(i)}k${i}:`).replace(/:\n$/, ': 1\n'),
      (n: number) => `a:\n${lines(n, (i) => `${' '.repeat(2 * i + 2)}- k${i}:`).replace(/:\n$/, ': 1\n')}`,
      (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`,
      (n: number) => lines(n, (i) => `t${i}: x [`),
      (n: number) => lines(n, (i) => `t${i}: x {y`),
      (n: number) => lines(n, (i) => `t${i}[: 1`),
      (n: number) => lines(n, (i) => `t${i}: a 'b [`),
      (n: number) => lines(n, (i) => `t${i}: 'a''[b'`),
      (n: number) => lines(n, (i) => `t${i}: [a'b, [c]]`),
      (n: number) => lines(n, (i) => `t${i}: {k"y: [c]}`),
      (n: number) => `a: 1\n${lines(n, (i) => `#{ ${i}`)}b: 2\n`,
      (n: number) => `a: 1\n${lines(n, (i) => `# '${i}`)}b: [[[[1]]]]\n`,
      (n: number) => lines(n, (i) => `${' '.repeat(i)}k${i}: [x, {y: "[z"}]`.replace(/^(\s*k\d+): .*$/, i < n - 1 ? '$1:' : '$&')),
    ];
    let accepted = 0;
    for (const shape of shapes) {
      for (let n = 1; n <= 40; n++) {
        const text = shape(n);
        expect(disagreement(text), text).toBeUndefined();
        if (parseYamlFast(text, MAX_DEPTH) && findExcessiveNesting(text, MAX_DEPTH) !== undefined) accepted++;
      }
    }
    // The fast parser reads many of these texts that the scan rejects: the property is not vacuous.
    expect(accepted).toBeGreaterThan(40);
  });

  it('rejects deep nesting before either parser runs', () => {
    const deep = `a: ${'['.repeat(40)}${']'.repeat(40)}\n`;
    expect(parseYaml(deep)).toMatchObject({ ok: false, problem: { kind: 'too-deep' } });
    const hidden = `title: x${'['.repeat(40)}\n`;
    expect(parseYaml(hidden)).toEqual(parseYamlReference(hidden));
  });
});
