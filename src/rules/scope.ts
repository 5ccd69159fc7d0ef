/** Which records the content rules look at: those dated inside the evaluation window. */
import type { Activity, Branch, EvaluationWindow } from '../model/model.js';
import { periodOf, periodsOverlapping, type Period, type PeriodKind } from '../model/period.js';
import { periodState } from '../model/model.js';
import { memoized } from '../model/branch-memo.js';

export function inWindow(date: string, window: EvaluationWindow): boolean {
  return date >= window.since && date <= window.asOf;
}

/**
 * A branch's activities by type, made once per branch: every requirement looks only at its own
 * type's activities, instead of every requirement scanning every activity.
 */
export function activitiesByType(branch: Branch): Map<string, Activity[]> {
  return memoized(branch, activitiesByType, () => {
    const byType = new Map<string, Activity[]>();
    // Indexed loops: this runs once per branch, mostly before it is optimized, where every step of
    // a for-of loop allocates.
    const { activities } = branch;
    for (let i = 0; i < activities.length; i++) {
      const activity = activities[i];
      for (let j = 0; j < activity.types.length; j++) {
        const list = byType.get(activity.types[j]);
        if (list) list.push(activity);
        else byType.set(activity.types[j], [activity]);
      }
    }
    return byType;
  });
}

/** Activities of a type dated inside the window (repeats included: each record is checked). */
export function activitiesOfType(branch: Branch, type: string, window: EvaluationWindow): Activity[] {
  return (activitiesByType(branch).get(type) ?? []).filter((a) => inWindow(a.date, window));
}

export function monthOf(date: string): string {
  return periodOf(date, 'month').id;
}

/** The periods of a kind that are evaluated for a branch (ended, inside the window). */
export function evaluatedPeriods(branch: Branch, kind: PeriodKind, window: EvaluationWindow): Period[] {
  return periodsOverlapping(kind, window.since, window.asOf).filter(
    (period) => periodState(branch, period, window) === 'evaluated',
  );
}

/** The current period of a kind and every later one that ends by `until` (what `dangjian due` looks at). */
export function duePeriods(kind: PeriodKind, window: EvaluationWindow, until: string): Period[] {
  return periodsOverlapping(kind, window.asOf, until).filter((p, i) => i === 0 || p.end <= until);
}
