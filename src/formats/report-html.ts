import type { ReportModel } from '../report/model.js';
export function formatReportHtml(model: ReportModel, options: { version: string }): string {
  return JSON.stringify([model.period, options]);
}
