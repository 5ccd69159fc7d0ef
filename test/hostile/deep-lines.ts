/**
 * Texts that nest the `yaml` package's parser one level per line: lines indented further than a
 * key that already has its value, each read as the continuation of the value before it, which then
 * becomes the key of a new mapping inside the last one. A line back at the top closes every level at
 * once. Written here at any length, up to the default size limit (1 MiB).
 */
import { header } from './catalogue.js';

export const SIZE_LIMIT = 1024 * 1024;

/** `head`, then `line(i)` for i = 0, 1, ... (`count` lines, or as many as fit in `bytes`), then `tail`. */
function repeated(head: string, line: (i: number) => string, tail: string, count: number, bytes = Infinity): string {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; i < count; i++) {
    const next = line(i);
    size += Buffer.byteLength(next);
    if (size > bytes) break;
    parts.push(next);
  }
  parts.push(tail);
  return parts.join('');
}

/** `a:` with one entry, then `lines` entries indented further than it, then a top-level key (line 8 is the first deeper one). */
export function overIndentedMap(id: string, lines: number, bytes?: number): string {
  return repeated(`${header(id)}a:\n  k: v\n`, (i) => `    k${i}: v${i}\n`, 'activities: []\n', lines, bytes);
}

/** An activity, then `items` list items indented under its date, then a top-level key (line 8 is the first deeper one). */
export function overIndentedList(id: string, items: number, bytes?: number): string {
  return repeated(`${header(id)}activities:\n  - date: 2026-01-05\n`, (i) => `      - date: 2026-01-0${(i % 9) + 1}\n`, 'staff: []\n', items, bytes);
}
