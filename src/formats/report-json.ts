/** `report --format json`: the report model, exactly. */
import type { ReportModel } from '../report/model.js';

export function formatReportJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
