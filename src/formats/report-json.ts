/** `report --format json`: the report model, exactly. */
import type { ReportModel } from '../report/model.js';
import { prettyJsonParts } from './json-parts.js';

/** The model as JSON, in parts (a branch at a time, never one string: 1,000 branches make 49 MB). */
export function formatReportJson(model: ReportModel): Iterable<string> {
  return prettyJsonParts(model);
}
