/**
 * Syntax errors described for a finding in the user's terms: one that `--fix` repairs (which line,
 * what to write instead), and a line indented under a key that already has its value.
 */
import type { YamlProblem } from './yaml.js';
import type { MessageParams } from '../types.js';
import { indentOf, isContent, splitLines } from './lines.js';
import { findSyntaxRepair } from './syntax-repair.js';

export interface SyntaxRepairFinding {
  line: number;
  column: number;
  messageId: string;
  params: MessageParams;
}

const SHOWN = 80;
const SMALL_FILE = 16 * 1024;

export function describeSyntaxRepair(text: string, problem: YamlProblem): SyntaxRepairFinding | undefined {
  if (problem.kind !== 'syntax') return undefined;
  // Two mistakes on neighbouring lines are looked for in a small file only: each try parses it again.
  const found = findSyntaxRepair(text, problem, text.length <= SMALL_FILE);
  if (!found) return undefined;
  const { repair } = found;
  const first = repair.changes[0];
  const before = splitLines(text)[first.index].text;
  const fixed = first.text.length > SHOWN ? `${first.text.slice(0, SHOWN - 1)}…` : first.text;
  return {
    line: repair.line,
    column: (repair.kind === 'indent' || repair.kind === 'tab' ? /^[\s\u3000]*/.exec(before)![0].length : firstDifference(before, first.text)) + 1,
    messageId: `load.yaml.fix.${repair.kind}`,
    params: { line: repair.line, fixed, spaces: indentOf(before), expected: indentOf(first.text) },
  };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** `key: value` (perhaps after list dashes): the key, and the column (0-based) where the value starts. */
const KEY_AND_VALUE = /^( *(?:- +)*)([^\s#'"[\]{},:][^#:]*?|[^\s#'"[\]{},:]): +(?=[^\s#])/;
const SHOWN_KEY = 40;

/**
 * A line indented further than the key above it, when that key has its value on its own line
 * (`k: v`, then `    k0: v0`): YAML reads the deeper line as the continuation of `v`, which then
 * becomes a multi-line key, and the parser reports the value's start. The finding names the deeper
 * line, the one to move. (A repair, when one is certain, is described first.)
 */
export function describeContinuedValue(text: string, problem: YamlProblem): SyntaxRepairFinding | undefined {
  if (problem.kind !== 'syntax' || (problem.code !== 'BLOCK_AS_IMPLICIT_KEY' && problem.code !== 'MULTILINE_IMPLICIT_KEY')) return undefined;
  const lines = splitLines(text);
  const index = problem.position.line - 1;
  const match = KEY_AND_VALUE.exec(lines[index]?.text ?? '');
  if (!match || match[0].length !== problem.position.column - 1) return undefined;
  const keyColumn = match[1].length;
  let next = index + 1;
  while (next < lines.length && !isContent(lines[next].text)) next++;
  if (next >= lines.length || indentOf(lines[next].text) <= keyColumn) return undefined;
  const key = match[2].trimEnd();
  return {
    line: next + 1,
    column: indentOf(lines[next].text) + 1,
    messageId: 'load.yaml.continued-value',
    params: { line: next + 1, keyLine: index + 1, key: key.length > SHOWN_KEY ? `${key.slice(0, SHOWN_KEY - 1)}…` : key },
  };
}
