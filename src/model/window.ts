/**
 * The evaluation start of each branch. A run has an as-of date and, when `--since` or the
 * configuration's `since` gives one, a start for every branch; otherwise each branch starts on
 * 1 January of the year of its earliest dated activity, never earlier than 1 January of the year
 * before the as-of year (so that a check in January still judges the year just ended) and never
 * later than 1 January of the as-of year (a branch with nothing logged yet).
 */
import type { IsoDate } from './dates.js';
import type { Branch, EvaluationWindow } from './model.js';

/** What a run knows before it has read a file: the as-of date and, when given, the start. */
export interface RunWindow {
  asOf: IsoDate;
  /** `--since` or the configuration's `since`; absent: each branch's own start. */
  since?: IsoDate;
}

/** The start of a branch that gives none of its own: 1 January of the as-of year. */
export function yearStartOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-01-01`;
}

/** The earliest start a branch can have without `since`: 1 January of the year before the as-of year. */
export function earliestStart(asOf: IsoDate): IsoDate {
  return `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, '0')}-01-01`;
}

/** The evaluation start of a branch (see above). */
export function branchStart(branch: Branch, run: RunWindow): IsoDate {
  if (run.since !== undefined) return run.since;
  let earliest: IsoDate | undefined;
  for (const activity of branch.activities) if (earliest === undefined || activity.date < earliest) earliest = activity.date;
  const latest = yearStartOf(run.asOf);
  if (earliest === undefined) return latest;
  const start = yearStartOf(earliest);
  const floor = earliestStart(run.asOf);
  return start < floor ? floor : start > latest ? latest : start;
}

export function branchWindow(branch: Branch, run: RunWindow): EvaluationWindow {
  return { asOf: run.asOf, since: branchStart(branch, run) };
}

/** How outputs state the start: the one most branches use, and the branches that differ from it. */
export interface StartSummary {
  since: IsoDate;
  /** Branch id → start, for the branches whose start is not `since`; absent when none differs. */
  sinceByBranch?: Record<string, IsoDate>;
}

/**
 * The start most branches use (the earlier on a tie), and the others by branch id (sorted). With
 * no branch, the run's start, else 1 January of the as-of year. `unlisted`: more branches, not
 * named, counted by start.
 */
export function summarizeStarts(starts: ReadonlyMap<string, IsoDate>, run: RunWindow, unlisted: ReadonlyMap<IsoDate, number> = new Map()): StartSummary {
  const counts = new Map<IsoDate, number>(unlisted);
  for (const start of starts.values()) counts.set(start, (counts.get(start) ?? 0) + 1);
  let since = run.since ?? yearStartOf(run.asOf);
  let best = 0;
  for (const [start, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (count > best) [since, best] = [start, count];
  }
  const differ = [...starts.keys()].filter((id) => starts.get(id) !== since).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return differ.length ? { since, sinceByBranch: Object.fromEntries(differ.map((id) => [id, starts.get(id)!])) } : { since };
}
