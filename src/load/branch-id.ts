/**
 * A log's branch id read from its text without parsing it: for a file that cannot be parsed, and to
 * group or order files before they are read in full.
 */

/**
 * Best effort for a file that could not be parsed: the `id:` under `branch:`, so that the branch is
 * known to be incomplete and no missing periods are invented for it.
 */
export function guessBranchId(text: string): string | undefined {
  return guessBranchField(text, /^[ \t]+id:[ \t]*["']?([^\s"'#]{1,64})/);
}

/** The branch's name as written under `branch:`, for a file that cannot be parsed (display only). */
export function guessBranchName(text: string): string | undefined {
  return guessBranchField(text, /^[ \t]+name:[ \t]*["']?([^"'#\r\n]{1,200}?)["']?[ \t]*(?:#.*)?$/);
}

/** The first match of `field` among the indented lines under `branch:`. */
function guessBranchField(text: string, field: RegExp): string | undefined {
  // Line by line, one at a time (the id is usually within the first few): a regular expression for
  // "indented lines, then id:" backtracks exponentially on a hostile file (many lines of spaces
  // under branch:).
  let inBranch = false;
  for (let start = 0; start < text.length; ) {
    const lineEnd = nextLineBreak(text, start);
    const line = text.slice(start, lineEnd);
    start = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    if (!inBranch) {
      inBranch = /^branch:[ \t]*(?:#.*)?$/.test(line);
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^[ \t]/.test(line)) return undefined;
    const match = field.exec(line);
    if (match) return match[1].trim() || undefined;
  }
  return undefined;
}

/** The index of the first CR or LF at or after `from` (the text's length when there is none). */
function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}
