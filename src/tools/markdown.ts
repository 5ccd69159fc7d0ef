/** Markdown helpers of the generators: table rows and blocks between a pair of markers. */

/** A table cell: no line breaks, and a `|` that cannot end the cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function tableRow(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * Replaces what lies between `start` and `end` (the markers stay); undefined when the markers are
 * missing, repeated or out of order.
 */
export function replaceBetween(text: string, start: string, end: string, body: string): string | undefined {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from || text.indexOf(start, from + 1) >= 0 || text.indexOf(end, to + 1) >= 0) return undefined;
  return `${text.slice(0, from + start.length)}\n${body.trimEnd()}\n${text.slice(to)}`;
}
