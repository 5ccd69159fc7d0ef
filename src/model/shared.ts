/**
 * Equal strings and lists shared between the records of all files: a model of many logs holds many
 * activities whose type lists mostly repeat. Shared lists are read-only.
 */
const MAX_SHARED = 500_000;
const strings = new Map<string, string>();
const lists = new Map<string, readonly string[]>();

/** An empty list for records that list nothing (frozen: the model never adds to a record's lists). */
export const NO_ITEMS: string[] = Object.freeze([]) as unknown as string[];

export function sharedText<T extends string | undefined>(text: T): T {
  if (text === undefined || typeof text !== 'string') return text;
  const known = strings.get(text);
  if (known !== undefined) return known as T;
  if (strings.size < MAX_SHARED) strings.set(text, text);
  return text;
}

export function sharedList(list: string[]): string[] {
  if (list.length === 0) return NO_ITEMS;
  const key = list.join('\u0000');
  const known = lists.get(key);
  if (known !== undefined) return known as string[];
  const frozen = Object.freeze(list.map((item) => sharedText(item)));
  if (lists.size < MAX_SHARED) lists.set(key, frozen);
  return frozen as string[];
}
