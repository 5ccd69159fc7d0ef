/** The shape of a message catalogue: the same keys in every output language, checked by the compiler. */
import type { Lang } from '../types.js';

export type Catalogue<K extends string> = Record<Lang, Record<K, string>>;

/** A catalogue whose English table must have exactly the keys of the Chinese one. */
export function defineCatalogue<const K extends string>(tables: { 'zh-CN': Record<K, string>; en: Record<NoInfer<K>, string> }): Catalogue<K> {
  return tables;
}
