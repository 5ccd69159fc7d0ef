/**
 * Files dense with values, up to the default size limit (1 MiB): flow collections nested 31 deep,
 * hundreds of thousands of empty lists, and a file at the limit of values the `yaml` package is
 * given. Each is a few hundred bytes of code here rather than a committed megabyte.
 */
import { MAX_PARSED_VALUES } from '../../src/load/yaml-library.js';
import { header } from './catalogue.js';
import { SIZE_LIMIT } from './deep-lines.js';

/** `head`, then as many of `line(i)` as fit (in bytes, or under `fits`), then `tail`; and how many. */
function filled(head: string, line: (i: number) => string, tail: string, fits?: (count: number) => boolean): { text: string; count: number } {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const next = line(i);
    size += Buffer.byteLength(next);
    if (size > SIZE_LIMIT || (fits && !fits(i + 1))) return { text: parts.join('') + tail, count: i };
    parts.push(next);
  }
}

export const lists = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
export const maps = (depth: number) => Array.from({ length: depth }, (_, i) => `{k${i}: `).join('') + '1' + '}'.repeat(depth);

/** Top-level keys x0, x1, ... each holding `value`, up to 1 MiB (the keys start on line 6). */
export function keysOf(id: string, value: string): { text: string; count: number } {
  return filled(header(id), (i) => `x${i}: ${value}\n`, '');
}

/** `activities: [item, item, ...]` on one line (line 6), up to 1 MiB, then `tail`. */
export function oneLineActivities(id: string, item: string, tail = ''): { text: string; count: number } {
  return filled(`${header(id)}activities: [`, () => `${item}, `, `]\n${tail}`);
}

/**
 * Keys x0, x1, ... of 31-deep flow lists, as many as the `yaml` package is given (MAX_PARSED_VALUES:
 * each line counts 1 for its break, 1 for its colon and 2 for each of its 31 brackets), then an
 * anchor: the one mistake, found by that package at the end.
 */
export function atParserLimit(id: string): { text: string; count: number } {
  const headerValues = 10; // five lines, five colons
  const tailValues = 2; // a line, a colon
  return filled(header(id), (i) => `x${i}: ${lists(31)}\n`, 'z: &a 1\n', (count) => headerValues + count * 64 + tailValues <= MAX_PARSED_VALUES);
}
