/** What the record-quality rules share: the records they read, and how a message names one. */
import type { TypeRegistry } from '../model/activity-types.js';
import type { Activity, Branch, EvaluationWindow } from '../model/model.js';
import type { Localized } from '../types.js';
import { activitiesByType, inWindow } from './scope.js';
import { memoized } from '../model/branch-memo.js';

/**
 * The records a record-quality rule reads: dated inside the window, of `type` when given, and not
 * a repeat (a repeated record is `duplicate-activity`'s, and is judged once, at the first).
 */
export function records(branch: Branch, window: EvaluationWindow, type?: string): Activity[] {
  if (type === undefined) return recordsIn(branch, window);
  // Only the type's own activities are looked at.
  return (activitiesByType(branch).get(type) ?? []).filter((activity) => isRecord(activity, window));
}

/** Each branch's records in a window, worked out once (several rules read them). */
function recordsIn(branch: Branch, window: EvaluationWindow): Activity[] {
  return memoized(branch, window, () => branch.activities.filter((activity) => isRecord(activity, window)));
}

function isRecord(activity: Activity, window: EvaluationWindow): boolean {
  return !activity.duplicateOf && inWindow(activity.date, window);
}

/** The activity's types by name (支委会、党员大会), in the output language. */
export function typesLabel(activity: Activity, types: TypeRegistry): Localized {
  return joined(activity.types.length, (index) => types.label(activity.types[index]), ' and ');
}

/** Localised labels joined as a list: 主持人、记录人、决议 / host, recorder, resolution. */
export function labelList(labels: readonly Localized[]): Localized {
  return joined(labels.length, (index) => labels[index], ', ');
}

/**
 * `count` labels joined by 、 in Chinese and `enSeparator` in English. A loop, not map and join:
 * the lists come in several kinds of array (an empty one among them), and each new kind made the
 * optimized rules that inline this start over.
 */
function joined(count: number, labelAt: (index: number) => Localized, enSeparator: string): Localized {
  let zhText = '';
  let en = '';
  for (let index = 0; index < count; index++) {
    const label = labelAt(index);
    zhText += index ? `、${label['zh-CN']}` : label['zh-CN'];
    en += index ? `${enSeparator}${label.en}` : label.en;
  }
  return { 'zh-CN': zhText, en };
}
