/** A syntax error that `--fix` repairs, described for a finding: which line, what to write instead. */
import type { YamlProblem } from './yaml.js';
import type { MessageParams } from '../types.js';
import { indentOf, splitLines } from './lines.js';
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
