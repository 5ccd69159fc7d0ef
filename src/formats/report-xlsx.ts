import type { ReportModel } from '../report/model.js';
export async function formatReportXlsx(model: ReportModel, options: { version: string }): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify([model.period, options]));
}
