/** `--format json`: exactly one JSON object, the output contract. */
import type { CheckResult } from '../types.js';

export function formatJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
