/**
 * A unified diff of a fixed file (`--fix-dry-run`), as `git diff` and `patch` read it. Every fix
 * replaces text within lines and keeps their number, so lines are compared one to one.
 */
import { splitLines } from '../load/lines.js';

const CONTEXT = 3;

export function unifiedDiff(display: string, before: string, after: string): string {
  if (before === after) return '';
  const a = lineTexts(before);
  const b = lineTexts(after);
  if (a.length !== b.length) return wholeFile(display, a, b);
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push(i);
  let out = `--- a/${display}\n+++ b/${display}\n`;
  for (let h = 0; h < changed.length; ) {
    const from = Math.max(0, changed[h] - CONTEXT);
    let last = changed[h];
    while (h + 1 < changed.length && changed[h + 1] - last <= 2 * CONTEXT) last = changed[++h];
    h++;
    const to = Math.min(a.length - 1, last + CONTEXT);
    // Removed lines first, then added ones, per run of changed lines.
    const lines: string[] = [];
    for (let i = from; i <= to; ) {
      if (a[i] === b[i]) {
        lines.push(` ${a[i]}`);
        i++;
        continue;
      }
      let j = i;
      while (j <= to && a[j] !== b[j]) j++;
      for (let k = i; k < j; k++) lines.push(`-${a[k]}`);
      for (let k = i; k < j; k++) lines.push(`+${b[k]}`);
      i = j;
    }
    const count = to - from + 1;
    out += `@@ -${from + 1},${count} +${from + 1},${count} @@\n${lines.join('\n')}\n`;
  }
  return out;
}

/** The lines of a text; a final line break ends the last line rather than starting an empty one. */
function lineTexts(text: string): string[] {
  const lines = splitLines(text).map((line) => line.text);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function wholeFile(display: string, a: string[], b: string[]): string {
  return `--- a/${display}\n+++ b/${display}\n@@ -1,${a.length} +1,${b.length} @@\n${a.map((l) => `-${l}`).concat(b.map((l) => `+${l}`)).join('\n')}\n`;
}
