/** `due --format json`: the due model, exactly. */
import type { DueModel } from '../report/due.js';
import { prettyJsonParts } from './json-parts.js';

/** The model as JSON, in parts (an item at a time, never one string: 60,000 items make 42 MB). */
export function formatDueJson(model: DueModel): Iterable<string> {
  return prettyJsonParts(model);
}
