/** What the record-quality rules share: the records they read, and how a message names one. */
import type { TypeRegistry } from '../model/activity-types.js';
import type { Activity, Branch, EvaluationWindow } from '../model/model.js';
import type { Localized } from '../types.js';
import { inWindow } from './scope.js';
import { memoized } from '../model/branch-memo.js';

/**
 * The records a record-quality rule reads: dated inside the window, of one of `types` when given,
 * and not a repeat (a repeated record is `duplicate-activity`'s, and is judged once, at the first).
 */
export function records(branch: Branch, window: EvaluationWindow, types?: readonly string[]): Activity[] {
  const all = recordsIn(branch, window);
  return types === undefined ? all : all.filter((a) => a.types.some((t) => types.includes(t)));
}

/** Each branch's records in a window, worked out once (five rules read them). */
function recordsIn(branch: Branch, window: EvaluationWindow): Activity[] {
  return memoized(branch, window, () => branch.activities.filter((a) => !a.duplicateOf && inWindow(a.date, window)));
}

/** The activity's types by name (支委会、党员大会), in the output language. */
export function typesLabel(activity: Activity, types: TypeRegistry): Localized {
  const labels = activity.types.map((id) => types.label(id));
  return {
    'zh-CN': labels.map((l) => l['zh-CN']).join('、'),
    en: labels.map((l) => l.en).join(' and '),
  };
}

/** Localised labels joined as a list: 主持人、记录人、决议 / host, recorder, resolution. */
export function labelList(labels: Localized[]): Localized {
  return { 'zh-CN': labels.map((l) => l['zh-CN']).join('、'), en: labels.map((l) => l.en).join(', ') };
}
