/** What is due for a rule that checks ended periods: what its own check would flag if the period ended today. */
import { addDays } from '../model/dates.js';
import { periodState } from '../model/model.js';
import type { Branch } from '../model/model.js';
import type { DueContext, DueEntry } from './rule.js';
import { duePeriods } from './scope.js';

/**
 * A due hook for a yearly content requirement: due in a current (or coming) period when the
 * rule's own check, run as if the period had ended with only what has been done so far, flags it.
 */
export function projectedDue<M extends string>(context: DueContext): DueEntry<M>[] {
  const { branch, window, until } = context;
  const kind = context.meta.period;
  if (branch.incomplete || !kind) return [];
  const sofar: Branch = { ...branch, activities: branch.activities.filter((a) => a.date <= window.asOf) };
  const entries: DueEntry<M>[] = [];
  for (const period of duePeriods(kind, window, until)) {
    const state = periodState(branch, period, window);
    if (state !== 'pending' && state !== 'future') continue;
    const flagged = context.check(sofar, { since: window.since, asOf: addDays(period.end, 1) });
    if (!flagged.some((finding) => finding.period === period.id)) continue;
    entries.push({ kind: 'content', key: period.id, period: period.id, deadline: period.end });
  }
  return entries;
}
