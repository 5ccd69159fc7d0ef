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
  if (inDateOrder(activities)) {
    // Logs are written in date order: the activities of a date are then neighbours, found without a map.
    let start = 0;
    while (start < activities.length) {
      let end = start + 1;
      while (end < activities.length && activities[end].date === activities[start].date) end++;
      if (end - start > 1) markRepeats(activities, start, end);
      start = end;
    }
    return;
  }
  const onDate = new Map<string, Activity | Activity[]>();
  let shared = false;
  for (const activity of activities) {
    const before = onDate.get(activity.date);
    if (before === undefined) onDate.set(activity.date, activity);
    else {
      shared = true;
      if (Array.isArray(before)) before.push(activity);
      else onDate.set(activity.date, [before, activity]);
    }
  }
  if (!shared) return;
  for (const same of onDate.values()) if (Array.isArray(same)) markRepeats(same, 0, same.length);
}

function inDateOrder(activities: Activity[]): boolean {
  for (let index = 1; index < activities.length; index++) if (activities[index].date < activities[index - 1].date) return false;
  return true;
}

/** Marks the repeats among `activities[start, end)`, activities of one date in list order. */
function markRepeats(activities: Activity[], start: number, end: number): void {
  const seen = new Map<string, Activity>();
  for (let index = start; index < end; index++) {
    const activity = activities[index];
    const key = duplicateKey(activity);
    const first = seen.get(key);
    // A repeat's Location is made for the repeat alone.
    if (first) activity.duplicateOf = activityLocation(first);
    else seen.set(key, activity);
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
