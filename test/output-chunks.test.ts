/**
 * Large outputs are written a chunk at a time, and due's JSON an item at a time: the bytes are those
 * of the whole text, whatever falls on a chunk's edge.
 */
import { describe, expect, it } from 'vitest';
import { formatDueJson } from '../src/formats/due-json.js';
import { prettyJson } from '../src/formats/json-parts.js';
import type { DueModel } from '../src/report/due.js';
import { isLargeOutput, outputChunks } from '../src/write-file.js';

const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((chunk) => Buffer.from(chunk)));

describe('output chunks', () => {
  it('never splits a surrogate pair, and gives the bytes of the whole text', () => {
    const MB = 1 << 20;
    // An emoji (two UTF-16 code units) across the first chunk's edge, Chinese on both sides.
    const text = `${'党'.repeat(MB - 1)}😀${'支部'.repeat(1000)}`;
    const chunks = [...outputChunks(text)];
    expect(chunks.length).toBe(2);
    expect(joined(chunks).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(Buffer.from(chunks[0]).toString('utf8').endsWith('党')).toBe(true);
  });

  it('keeps a surrogate pair whole when its halves come in two parts', () => {
    const parts = ['x'.repeat((1 << 16) - 1) + '\ud83d', '\ude00', '党'];
    expect(joined(outputChunks(parts)).toString('utf8')).toBe(`${'x'.repeat((1 << 16) - 1)}😀党`);
  });

  it('writes parts one after another, and small texts and bytes as they are', () => {
    expect(joined(outputChunks(['a', '', '党', 'b'])).toString('utf8')).toBe('a党b');
    expect(isLargeOutput('short')).toBe(false);
    expect(isLargeOutput(new Uint8Array(3))).toBe(false);
    expect(isLargeOutput(['short'])).toBe(true);
  });
});

describe('due --format json in parts', () => {
  const model = (items: unknown[]): DueModel =>
    ({
      version: 1,
      lang: 'zh-CN',
      asOf: '2026-03-10',
      since: '2026-01-01',
      within: 30,
      until: '2026-04-09',
      items,
      uncounted: [{ file: 'a.yaml', problems: 1 }],
      summary: { files: 1, branches: 1, items: items.length, overdue: 0 },
    }) as unknown as DueModel;
  const item = (n: number) => ({ branch: `b${n}`, title: `第${n}项 "引号" \\ 反斜杠\n换行`, progress: { count: n, required: 2 }, overdue: n % 2 === 0, tags: [] });

  for (const count of [0, 1, 3]) {
    it(`is JSON.stringify of the model with ${count} items, byte for byte`, () => {
      const parts = [...formatDueJson(model(Array.from({ length: count }, (_, i) => item(i))))];
      expect(parts.join('')).toBe(`${JSON.stringify(model(Array.from({ length: count }, (_, i) => item(i))), null, 2)}\n`);
    });
  }
});

describe('JSON in parts', () => {
  const values: [string, unknown][] = [
    ['scalars', [1, -0, 1.5e300, NaN, Infinity, 'a"b\\c\n', null, true]],
    ['left out and nulled as JSON.stringify does', { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: 1 }],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['a long array of objects', { items: Array.from({ length: 40 }, (_, i) => ({ i, nested: { list: [i, [i]], text: `第${i}项` } })) }],
    ['toJSON', { when: { toJSON: () => '2026-01-01' }, gone: { toJSON: () => undefined } }],
    ['a top-level scalar', '党支部'],
    ['a long top-level array with what JSON.stringify nulls', Array.from({ length: 50 }, (_, i) => [undefined, () => i, Symbol('s'), { toJSON: () => i }, { toJSON: () => undefined }, i][i % 6])],
    ['long arrays inside long arrays', { a: Array.from({ length: 30 }, (_, i) => ({ inner: Array.from({ length: 20 + i }, (_, j) => [j, `${i}.${j}`]) })) }],
    // Elements from a few bytes to a megabyte: blocks grow and shrink with them.
    ['elements of very different sizes', { list: Array.from({ length: 3000 }, (_, i) => (i % 1000 === 999 ? 'x'.repeat(1 << 20) : { i, text: '党'.repeat(i % 7) })) }],
  ];
  for (const [name, value] of values) {
    it(`is JSON.stringify(value, null, 2): ${name}`, () => {
      expect(prettyJson(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    });
  }
});

describe('bytes among the parts', () => {
  it('are written in their place, after what was gathered before them', () => {
    expect(joined(outputChunks(['a', Buffer.from('党'), 'b', new Uint8Array([0x63])])).toString('utf8')).toBe('a党bc');
  });
});
