/**
 * A mapping that YAML read as text: every key of a block written `key：value` or `key:value` makes
 * the block one long string, which parses. When the schema wants a mapping there and repairing
 * the characters of the block's lines gives one, the repair is certain.
 */
import { parseYaml } from '../load/yaml.js';
import { positionOf } from '../load/positions.js';
import type { SchemaValidator } from '../schema/validate.js';
import { indentOf, isContent, joinLines, splitLines } from '../load/lines.js';
import { characterRepairs, type SyntaxRepair } from '../load/syntax-repair.js';

const SHAPE_MESSAGES = new Set(['schema.mappingExample', 'schema.type', 'schema.rootNotMapping']);

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function repairShapes(text: string, validator: SchemaValidator): { text: string; repairs: SyntaxRepair[] } {
  const parsed = parseYaml(text);
  if (!parsed.ok) return { text, repairs: [] };
  for (const issue of validator.check(parsed.value)) {
    if (!SHAPE_MESSAGES.has(issue.messageId) || typeof valueAt(parsed.value, issue.pointer) !== 'string') continue;
    const lines = splitLines(text);
    const start = issue.pointer === '' ? 0 : positionOf(parsed.positions, issue.pointer, 'value').line - 1;
    const owner = issue.pointer === '' ? -1 : indentOf(lines[positionOf(parsed.positions, issue.pointer, 'key').line - 1].text);
    const repairs: SyntaxRepair[] = [];
    for (let i = start; i < lines.length; i++) {
      if (i > start && isContent(lines[i].text) && indentOf(lines[i].text) <= owner) break;
      const repair = isContent(lines[i].text) ? characterRepairs(lines, i)[0] : undefined;
      if (repair) repairs.push(repair);
    }
    if (!repairs.length) continue;
    const copy = lines.map((line) => ({ ...line }));
    for (const repair of repairs) for (const change of repair.changes) copy[change.index].text = change.text;
    const next = joinLines(copy);
    const outcome = parseYaml(next);
    const value = outcome.ok ? valueAt(outcome.value, issue.pointer) : undefined;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { text: next, repairs };
  }
  return { text, repairs: [] };
}
