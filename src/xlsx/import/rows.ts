/**
 * One row of a 台账 of any layout, read into an activity: each cell by its column's field, with a
 * problem for each cell that cannot be read (the row is then rejected, never half-copied).
 */
import { findPersonalNumbers } from '../../privacy.js';
import type { Cell } from '../read.js';
import { parseAbsentees } from '../template-read.js';
import { roleId } from '../layout.js';
import { cellCount, cellDate, cellText, splitList } from '../values.js';
import type { HeaderColumn, ImportField } from './headers.js';
import type { TypeMatcher } from './types.js';
import { listText } from '../../i18n/index.js';
import type { MessageParams } from '../../types.js';

export interface CellProblem {
  col: number;
  messageId: string;
  params?: MessageParams;
}

export interface RowResult {
  activity: Record<string, unknown>;
  /** The column each field of the activity came from (`attendance.present` → 12). */
  fields: Map<string, number>;
  problems: CellProblem[];
}

export interface RowContext {
  date1904: boolean;
  year?: number;
  types: TypeMatcher;
}

const LIST_FIELDS: ImportField[] = ['agenda', 'assignments', 'electives', 'evidence'];
const TEXT_FIELDS: ImportField[] = ['title', 'group', 'place', 'host', 'recorder', 'resolution', 'lecturer', 'firstTopic', 'makeUpFor'];
const COUNT_FIELDS: Partial<Record<ImportField, string>> = { expected: 'attendance.expected', present: 'attendance.present', leave: 'attendance.leave', absent: 'attendance.absent', guests: 'guests' };

/** `参会：张三、李四；请假：王五（出差）；缺席：赵六` → counts and the absentees with their reasons. */
export function parseRoster(text: string): { present?: number; leave?: number; absent?: number; expected?: number; absentees: { name: string; reason?: string }[] } {
  const out: ReturnType<typeof parseRoster> = { absentees: [] };
  const sections = text.split(/[；;\n]|。/).map((s) => s.trim()).filter(Boolean);
  for (const section of sections) {
    const m = /^(参会|参加|出席|实到|到会|请假|缺席|应到)(?:人员|人数)?\s*[:：]?\s*(.*)$/.exec(section);
    if (!m) continue;
    const body = m[2].trim();
    const number = /^(\d+)\s*人?$/.exec(body)?.[1];
    const people = number ? [] : parseAbsentees(body);
    const count = number ? Number(number) : people.length;
    if (m[1] === '应到') out.expected = count;
    else if (m[1] === '请假') {
      out.leave = count;
      out.absentees.push(...people.map((p) => ({ name: p.name, reason: p.reason ?? '请假' })));
    } else if (m[1] === '缺席') {
      out.absent = count;
      out.absentees.push(...people);
    } else out.present = count;
  }
  return out;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

export function readRow(cells: (Cell | undefined)[], columns: HeaderColumn[], context: RowContext): RowResult {
  const result: RowResult = { activity: {}, fields: new Map(), problems: [] };
  const set = (key: string, value: unknown, col: number, soft = false) => {
    // A roster gives counts only where no column of their own does.
    if (soft && result.fields.has(key)) return;
    setPath(result.activity, key, value);
    result.fields.set(key, col);
  };
  const fail = (col: number, messageId: string, params?: MessageParams) => result.problems.push({ col, messageId, ...(params ? { params } : {}) });
  // Rosters last, so that counts of their own columns win.
  const ordered = [...columns.filter((c) => c.field !== 'roster'), ...columns.filter((c) => c.field === 'roster')];
  for (const column of ordered) {
    const cell = cells[column.col];
    const text = cellText(cell, context.date1904);
    if (!cell || text === '') continue;
    if (cell.kind === 'error') {
      fail(column.col, 'import.cell.formulaError', { value: text });
      continue;
    }
    const personal = findPersonalNumbers(text);
    if (personal.length) {
      fail(column.col, 'import.cell.personal', { masked: listText(personal.map((p) => p.masked)) });
      continue;
    }
    if (column.field) readField(column.field, cell, text, column.col, context, set, fail);
  }
  if (!result.fields.has('date') && !result.problems.some((p) => p.messageId.startsWith('import.cell.date'))) fail(columns.find((c) => c.field === 'date')?.col ?? 1, 'import.cell.noDate');
  if (!result.fields.has('type') && !result.problems.some((p) => p.messageId.startsWith('import.cell.type'))) fail(columns.find((c) => c.field === 'type')?.col ?? 1, 'import.cell.noType');
  return result;
}

type Set = (key: string, value: unknown, col: number, soft?: boolean) => void;
type Fail = (col: number, messageId: string, params?: MessageParams) => void;

function readField(field: ImportField, cell: Cell, text: string, col: number, context: RowContext, set: Set, fail: Fail): void {
  if (field === 'date' || field === 'planned') {
    const parsed = cellDate(cell, context.date1904, context.year);
    if ('date' in parsed) set(field, parsed.date, col);
    else fail(col, `import.cell.date.${parsed.error}`, { value: text });
  } else if (field === 'type') {
    const parsed = context.types.parse(text);
    if ('names' in parsed) set('type', parsed.names.length === 1 ? parsed.names[0] : parsed.names, col);
    else if (parsed.error === 'unknown') fail(col, parsed.suggestion ? 'import.cell.type.suggest' : 'import.cell.type', { value: parsed.part, suggestion: parsed.suggestion ?? '' });
  } else if (COUNT_FIELDS[field]) {
    const count = cellCount(cell);
    if (count === undefined) fail(col, 'import.cell.count', { value: text });
    else set(COUNT_FIELDS[field]!, count, col);
  } else if (LIST_FIELDS.includes(field)) {
    set(field, splitList(text), col);
  } else if (TEXT_FIELDS.includes(field)) {
    set(field, field === 'makeUpFor' && cell.kind === 'date' ? text.slice(0, 7) : text, col);
  } else if (field === 'lecturerRole') {
    const role = roleId(text);
    if (role) set(field, role, col);
    else fail(col, 'import.cell.role', { value: text });
  } else if (field === 'absentees') {
    set('absentees', parseAbsentees(text), col);
  } else if (field === 'roster') {
    readRoster(text, col, set);
  }
}

function readRoster(text: string, col: number, set: Set): void {
  const roster = parseRoster(text);
  const { present, leave, absent } = roster;
  if (present !== undefined) set('attendance.present', present, col, true);
  if (leave !== undefined) set('attendance.leave', leave, col, true);
  if (absent !== undefined) set('attendance.absent', absent, col, true);
  const expected = roster.expected ?? (present !== undefined ? present + (leave ?? 0) + (absent ?? 0) : undefined);
  if (expected !== undefined) set('attendance.expected', expected, col, true);
  if (roster.absentees.length) set('absentees', roster.absentees, col, true);
}
