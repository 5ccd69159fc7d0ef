/** `due --format json`: the due model, exactly. */
import type { DueModel } from '../report/due.js';

export function formatDueJson(model: DueModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
