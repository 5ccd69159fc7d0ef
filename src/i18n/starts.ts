/** How the outputs name the evaluation start of the branches that do not share the common one. */
import type { CheckResult, Lang } from '../types.js';
import { message } from './index.js';

/** Branches named in a line: at most this many, then "and N more". */
const NAMED_BRANCHES = 3;

/**
 * The branches whose evaluation start is not the common one, by start: `（二支部自 2025-01-01 起）`.
 * Named by their names where the result knows them.
 */
export function otherStartsText(result: Pick<CheckResult, 'sinceByBranch' | 'branches'>, lang: Lang): string {
  const byStart = new Map<string, string[]>();
  for (const [id, start] of Object.entries(result.sinceByBranch ?? {})) {
    const list = byStart.get(start) ?? [];
    list.push(result.branches && Object.hasOwn(result.branches, id) ? result.branches[id].name : id);
    byStart.set(start, list);
  }
  const sep = lang === 'en' ? ', ' : '、';
  return [...byStart.keys()]
    .sort()
    .map((since) => {
      const names = byStart.get(since)!;
      const shown = names.slice(0, NAMED_BRANCHES).join(sep);
      const more = names.length > NAMED_BRANCHES ? `${lang === 'en' ? ' ' : ''}${message(lang, 'since.more', { n: names.length - NAMED_BRANCHES })}` : '';
      return message(lang, 'since.others', { branches: shown + more, since });
    })
    .join('');
}

