/**
 * Activities left out for a schema problem (a typo in the type, a day that does not exist), and
 * what they would have counted for: a cadence that is unmet only for want of such an activity says
 * so and points at it, instead of a bare "未开展" far from the line that explains it.
 */
import type { Location } from '../types.js';
import { nearest } from '../util/nearest.js';
import type { TypeRegistry } from './activity-types.js';
import type { IsoDate } from './dates.js';

export interface ExcludedActivity {
  /** The activity (its `- ` item). */
  location: Location;
  /** Just after the last schema finding about it: a finding placed here is listed after those. */
  after: Location;
  /** The first day of the month its date names, when the year and month are real. */
  month?: IsoDate;
  /** Its types as meant: known names resolved, unknown ones by the nearest known name. */
  types: string[];
  group?: string;
}

type Json = Record<string, unknown>;

/** What an activity with a schema problem would have counted for; undefined when nothing can be told. */
export function excludedActivity(item: unknown, location: Location, lastProblem: Location, types: TypeRegistry): ExcludedActivity | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const { date, type, group } = item as Json;
  const match = typeof date === 'string' ? /^((?:19|2\d)\d{2})-(0[1-9]|1[0-2])/.exec(date) : null;
  const names = (Array.isArray(type) ? type : [type]).filter((name): name is string => typeof name === 'string');
  const ids = names
    .map((name) => types.resolve(name) ?? types.resolve(nearest(name, types.allNames()) ?? ''))
    .filter((known) => known !== undefined)
    .map((known) => known.id);
  if (!match || ids.length === 0) return undefined;
  return {
    location,
    after: { ...lastProblem, column: lastProblem.column + 1 },
    month: `${match[1]}-${match[2]}-01`,
    types: [...new Set(ids)],
    ...(typeof group === 'string' ? { group } : {}),
  };
}
