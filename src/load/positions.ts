/** Positions of the nodes of a parsed file, keyed by JSON pointer ("/activities/3/date"). */
import type { Position } from '../types.js';

export interface NodePosition {
  /** Where the entry starts: the key of a mapping entry, or the item of a sequence. */
  key: Position;
  /** Where the value starts (the same as `key` for a sequence item). */
  value: Position;
}

/**
 * The position of every node but the root, by JSON pointer. A `Map` is one; the fast parser's index
 * looks positions up lazily instead of building a pointer for every node.
 */
export interface PositionIndex {
  get(pointer: string): NodePosition | undefined;
  has(pointer: string): boolean;
  /** Every pointer and its position, in document order. */
  entries(): IterableIterator<[string, NodePosition]>;
  /** One side of `get(pointer)`, where an index can answer without building the pair. */
  position?(pointer: string, which: 'key' | 'value'): Position | undefined;
}

/** Finds the position of a JSON pointer, walking up to the nearest ancestor that has one. */
export function positionOf(index: PositionIndex, pointer: string, which: 'key' | 'value' = 'key'): Position {
  let path = pointer;
  for (;;) {
    if (index.position) {
      const found = index.position(path, which);
      if (found) return found;
    } else {
      const found = index.get(path);
      if (found) return found[which];
    }
    if (path === '') return { line: 1, column: 1 };
    path = path.slice(0, path.lastIndexOf('/'));
  }
}

/** Maps character offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.starts[this.position(offset).line - 1];
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

export function escapePointer(segment: string): string {
  if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
