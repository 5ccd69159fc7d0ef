/** Positions as text: `12:3`, or `活动!12:3` inside a workbook (sheet, row, column). */

export function where(position: { sheet?: string; line: number; column: number }): string {
  return position.sheet !== undefined ? `${position.sheet}!${position.line}:${position.column}` : `${position.line}:${position.column}`;
}

/** A record's place for a message: `logs/a.yaml:12`, or `台账.xlsx:活动!12` in a workbook. */
export function lineRef(location: { file: string; sheet?: string; line: number }): string {
  return location.sheet !== undefined ? `${location.file}:${location.sheet}!${location.line}` : `${location.file}:${location.line}`;
}
