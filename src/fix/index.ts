/**
 * `dangjian check --fix`: the mistakes that are mechanical and certain, repaired in the text itself.
 * Syntax first (see syntax.ts), then what the schema names with a certain repair (a date written
 * another way, a type one letter off a single known name, a field written by its Chinese name).
 * Every repair replaces a few characters at a known place; comments, order and the rest of the
 * text stay byte for byte. A text that is already valid is never changed.
 */
import { parseYaml } from '../load/yaml.js';
import { positionOf } from '../load/positions.js';
import type { SchemaValidator } from '../schema/validate.js';
import { repairShapes } from './shape.js';
import { repairSyntax, type SyntaxFixKind } from '../load/syntax-repair.js';

export type FixKind = SyntaxFixKind | 'date' | 'type' | 'field-name';

export interface AppliedFix {
  kind: FixKind;
  /** The 1-based line, in the text as it was when the fix was made. */
  line: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  kind: FixKind;
  line: number;
}

const ROUNDS = 8;

/** The text with every certain repair made, and the repairs, in the order they were made. */
export function fixText(text: string, validator: SchemaValidator): { text: string; fixes: AppliedFix[] } {
  const fixes: AppliedFix[] = [];
  let current = text;
  for (let round = 0; round < ROUNDS; round++) {
    const syntax = repairSyntax(current);
    for (const repair of syntax.repairs) fixes.push({ kind: repair.kind, line: repair.line });
    current = syntax.text;
    const shapes = repairShapes(current, validator);
    for (const repair of shapes.repairs) fixes.push({ kind: repair.kind, line: repair.line });
    current = shapes.text;
    const edits = schemaEdits(current, validator);
    if (!edits.length && !shapes.repairs.length) break;
    current = applyEdits(current, edits);
    for (const edit of edits) fixes.push({ kind: edit.kind, line: edit.line });
  }
  return { text: current, fixes };
}

const KIND_OF: Record<string, FixKind> = {
  'schema.dateFixable': 'date',
  'schema.unknownTypeFixable': 'type',
  'schema.chineseField': 'field-name',
};

/** Offsets of line starts, for turning a parser's line and column into a place in the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The edits for the schema problems that carry a certain repair, at most one per place. */
function schemaEdits(text: string, validator: SchemaValidator): Edit[] {
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  const starts = lineStarts(text);
  const edits: Edit[] = [];
  for (const issue of validator.check(parsed.value)) {
    const kind = KIND_OF[issue.messageId];
    if (!issue.fix || !kind || !parsed.positions.has(issue.pointer)) continue;
    const { line, column } = positionOf(parsed.positions, issue.pointer, issue.at);
    const start = starts[line - 1] + column - 1;
    const edit = scalarEdit(text, start, issue.fix.from, issue.fix.to);
    if (edit) edits.push({ ...edit, kind, line });
  }
  return nonOverlapping(edits);
}

/** Replaces a plain or quoted scalar that reads `from` at `start`; quotes are kept. */
function scalarEdit(text: string, start: number, from: string, to: string): { start: number; end: number; text: string } | undefined {
  const quote = text[start];
  if ((quote === '"' || quote === "'") && text.startsWith(from, start + 1) && text[start + 1 + from.length] === quote) {
    return { start: start + 1, end: start + 1 + from.length, text: to };
  }
  if (!text.startsWith(from, start)) return undefined;
  const after = text[start + from.length];
  // A plain scalar ends at the end of the line, a comment, a colon or a flow indicator.
  if (after !== undefined && !/[\s:,\]}#]/.test(after)) return undefined;
  return { start, end: start + from.length, text: to };
}

function nonOverlapping(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const kept: Edit[] = [];
  for (const edit of sorted) if (!kept.length || kept[kept.length - 1].end <= edit.start) kept.push(edit);
  return kept;
}

/** Applies edits from the end, so that each one's offsets still hold. */
function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

