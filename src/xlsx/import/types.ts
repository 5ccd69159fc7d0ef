/**
 * Activity types as people write them: the id, the Chinese name, an alias, the name inside a longer
 * label (`三会一课-支委会`), or several in one cell (`主题党日暨党规党纪教育`, `支委会/党员大会`).
 */
import type { ActivityType } from '../../model/activity-types.js';
import { nearest } from '../../util/nearest.js';

/** Words of a label that name no type of their own (`三会一课-支委会`, `主题党日活动`). */
const GENERIC = /^(三会一课|会议|活动|学习|其他|其它|专题|集中|组织|开展|召开|的|及|和|与|之|[-—_·:：()（）\s\d])+$/;

export type TypeParse = { names: string[] } | { error: 'unknown'; part: string; suggestion?: string } | { error: 'empty' };

export class TypeMatcher {
  private readonly byName = new Map<string, ActivityType>();
  /** Every spelling, longest first (so `支部委员会会议` is found before `支部委员会`). */
  private readonly spellings: string[];

  constructor(private readonly types: ActivityType[]) {
    for (const type of types) for (const name of [type.id, type.name, ...type.aliases]) this.byName.set(name.toLowerCase(), type);
    this.spellings = [...this.byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  /** The canonical names of the types in a cell, in the order written. */
  parse(text: string): TypeParse {
    const found: string[] = [];
    const parts = text.split(/[、，,/／+＋;；\n]|暨/).map((p) => p.trim()).filter(Boolean);
    for (const part of parts) {
      const names = this.inPart(part);
      if (names === undefined) {
        const suggestion = nearest(part, this.types.map((t) => t.name));
        return { error: 'unknown', part, ...(suggestion ? { suggestion } : {}) };
      }
      for (const name of names) if (!found.includes(name)) found.push(name);
    }
    return found.length ? { names: found } : { error: 'empty' };
  }

  /** The types named in one part; undefined when something in it names no type. */
  private inPart(part: string): string[] | undefined {
    const exact = this.byName.get(part.toLowerCase());
    if (exact) return [exact.name];
    let rest = part.toLowerCase();
    const hits: { at: number; name: string }[] = [];
    for (const spelling of this.spellings) {
      for (let at = rest.indexOf(spelling); at >= 0; at = rest.indexOf(spelling, at + 1)) {
        hits.push({ at, name: this.byName.get(spelling)!.name });
        rest = rest.slice(0, at) + '\u0000'.repeat(spelling.length) + rest.slice(at + spelling.length);
      }
    }
    if (!hits.length) return undefined;
    const leftover = rest.split('\u0000').filter(Boolean);
    if (leftover.some((piece) => !GENERIC.test(piece))) return undefined;
    return hits.sort((a, b) => a.at - b.at).map((hit) => hit.name);
  }
}
