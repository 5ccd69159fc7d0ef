/** `due --format json`: the due model, exactly. */
import type { DueModel } from '../report/due.js';

/** Where the items go in the model's JSON (a key of the top level, two spaces in). */
const ITEMS = '\n  "items": []';

/**
 * The model as `JSON.stringify(model, null, 2)` writes it, and a line break, in parts: the items one
 * at a time, so that the JSON of 60,000 items is never one string (nor copied whole when written).
 */
export function* formatDueJson(model: DueModel): Generator<string> {
  if (model.items.length === 0) {
    yield `${JSON.stringify(model, null, 2)}\n`;
    return;
  }
  const frame = JSON.stringify({ ...model, items: [] }, null, 2);
  const at = frame.indexOf(ITEMS);
  yield `${frame.slice(0, at)}\n  "items": [`;
  for (let index = 0; index < model.items.length; index++) {
    yield `${index ? ',' : ''}\n    ${JSON.stringify(model.items[index], null, 2).replaceAll('\n', '\n    ')}`;
  }
  yield `\n  ]${frame.slice(at + ITEMS.length)}\n`;
}
