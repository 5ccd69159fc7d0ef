/** Activities that repeat an earlier one of the same branch. */
import { activityLocation, type Activity } from './model.js';

/** Sorted type ids as one string, by shared type list. */
const sortedTypeKeys = new WeakMap<readonly string[], string>();

/**
 * Marks an activity that repeats an earlier one's date, types, title, group and make-up period.
 * A repeat shares its date, so only activities of a date held more than once need a key, and those
 * one date at a time: a branch of a million activities never holds a million keys at once.
 */
export function markDuplicates(activities: Activity[]): void {
  // How many activities each date has, then each date's activities (by index, in order) in one array.
  const counts = new Map<string, number>();
  for (const activity of activities) counts.set(activity.date, (counts.get(activity.date) ?? 0) + 1);
  if (counts.size === activities.length) return;
  const starts = new Map<string, number>();
  let next = 0;
  for (const [date, count] of counts) {
    starts.set(date, next);
    next += count;
  }
  const byDate = new Int32Array(activities.length);
  const filled = new Map<string, number>();
  for (let index = 0; index < activities.length; index++) {
    const date = activities[index].date;
    const at = filled.get(date) ?? starts.get(date)!;
    byDate[at] = index;
    filled.set(date, at + 1);
  }
  for (const [date, count] of counts) {
    if (count === 1) continue;
    const start = starts.get(date)!;
    const seen = new Map<string, Activity>();
    for (let at = start; at < start + count; at++) {
      const activity = activities[byDate[at]];
      const key = duplicateKey(activity);
      const first = seen.get(key);
      if (first) activity.duplicateOf = activityLocation(first);
      else seen.set(key, activity);
    }
  }
}

/** What two activities of the same date share when one repeats the other. */
function duplicateKey(activity: Activity): string {
  let types = sortedTypeKeys.get(activity.types);
  if (types === undefined) {
    types = JSON.stringify([...activity.types].sort());
    if (Object.isFrozen(activity.types)) sortedTypeKeys.set(activity.types, types);
  }
  const title = activity.title ?? '';
  const group = activity.group ?? '';
  // The parts joined by NUL, or (when a part holds one) the JSON of them: equal keys, equal parts.
  return title.includes('\u0000') || group.includes('\u0000')
    ? JSON.stringify([types, title, group, activity.makeUpFor?.id ?? ''])
    : `${types}\u0000${title}\u0000${group}\u0000${activity.makeUpFor?.id ?? ''}`;
}
