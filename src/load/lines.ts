/** A text as lines that keep their line endings, so that an edited text differs only where it was edited. */
export interface Line {
  text: string;
  eol: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** The indentation (leading spaces) of a line. */
export function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}

/** A line that holds YAML content: not blank, not only a comment. */
export function isContent(text: string): boolean {
  return /\S/.test(text) && !/^\s*#/.test(text);
}
