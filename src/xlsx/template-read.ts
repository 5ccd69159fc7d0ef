/**
 * A workbook in the template's layout, read into a v1 log and the position (sheet, row, column) of
 * every value. A value that cannot be converted is passed on as its text, so that the schema reports
 * it at its cell with the same message as in a YAML log.
 */
import type { Position } from '../types.js';
import { BRANCH_SHEET, GROUPS_COLUMN, roleId, sheetLayoutByName, TABLE_SHEETS, type Column, type FieldKind, type SheetLayout } from './layout.js';
import type { Cell, Sheet, Workbook } from './read.js';
import { cellCount, cellDate, cellText, splitList, splitNames } from './values.js';

export interface CellPosition extends Position {
  sheet: string;
}

/** The loader's NodePosition: where an entry's key and value are. */
interface NodePosition {
  key: Position;
  value: Position;
}

export interface TemplateLog {
  value: Record<string, unknown>;
  positions: Map<string, NodePosition>;
  /** Every text cell read, with its position (for the personal-number check). */
  texts: { text: string; position: CellPosition }[];
}

type Json = Record<string, unknown>;

/** Whether the workbook follows the template: a sheet 基本信息 or 活动 (or their English names) with its header. */
export function isTemplateWorkbook(workbook: Workbook): boolean {
  return workbook.sheets.some((sheet) => {
    const found = sheetLayoutByName(sheet.name);
    if (!found) return false;
    if (found.layout.id === 'branch') return true;
    return headerColumns(sheet, found.layout).size > 0;
  });
}

/** The columns of a table sheet by their header labels in row 1 (either language). */
function headerColumns(sheet: Sheet, layout: SheetLayout): Map<number, Column> {
  const out = new Map<number, Column>();
  const header = sheet.rows.find((row) => row.index === 1);
  if (!header) return out;
  header.cells.forEach((cell, index) => {
    const text = cellText(cell).replace(/\s+/g, '').replace(/[*＊]$/, '');
    const column = layout.columns.find((c) => c.label['zh-CN'] === text || c.label.en.replace(/\s+/g, '') === text);
    if (column) out.set(index, column);
  });
  return out;
}

/** A cell's value for a field of the given kind; undefined for an empty cell. */
export function fieldValue(cell: Cell | undefined, kind: FieldKind, date1904: boolean): unknown {
  if (!cell) return undefined;
  const text = cellText(cell, date1904);
  if (text === '') return undefined;
  switch (kind) {
    case 'date': {
      const parsed = cellDate(cell, date1904);
      return 'date' in parsed ? parsed.date : (parsed.written ?? text);
    }
    case 'count':
    case 'year':
      return cellCount(cell) ?? text;
    case 'types': {
      const names = splitNames(text);
      return names.length === 1 ? names[0] : names;
    }
    case 'list':
      return splitList(text);
    case 'dates':
      return splitNames(text).map((item) => {
        const parsed = cellDate({ kind: 'string', value: item }, date1904);
        return 'date' in parsed ? parsed.date : (parsed.written ?? item);
      });
    case 'absentees':
      return parseAbsentees(text);
    case 'role':
      return roleId(text) ?? text;
    case 'period':
      return cell.kind === 'date' ? text.slice(0, 7) : text;
    case 'case-id':
      return cell.kind === 'number' && Number.isInteger(cell.value) ? cell.value : text;
    default:
      return text;
  }
}

/** `赵某（出差）、钱某` → [{ name: 赵某, reason: 出差 }, { name: 钱某 }]. */
export function parseAbsentees(text: string): { name: string; reason?: string }[] {
  const out: { name: string; reason?: string }[] = [];
  for (const m of text.matchAll(/([^、，,;；\n(（]+?)\s*(?:[(（]([^)）]*)[)）])?\s*(?:[、，,;；\n]|$)/g)) {
    const name = m[1].trim();
    if (!name) continue;
    const reason = m[2]?.trim();
    out.push(reason ? { name, reason } : { name });
  }
  return out;
}

function setPath(target: Json, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Json;
  node[parts[parts.length - 1]] = value;
}

export function readTemplateWorkbook(workbook: Workbook): TemplateLog {
  const value: Json = { version: 1 };
  const positions = new Map<string, NodePosition>();
  const texts: TemplateLog['texts'] = [];
  const put = (pointer: string, position: CellPosition) => {
    if (!positions.has(pointer)) positions.set(pointer, { key: position, value: position });
  };
  const note = (cell: Cell | undefined, position: CellPosition) => {
    if (cell?.kind === 'string') texts.push({ text: cell.value as string, position });
  };
  for (const sheet of workbook.sheets) {
    const found = sheetLayoutByName(sheet.name);
    if (!found) continue;
    if (found.layout.id === 'branch') readBranchSheet(sheet, workbook.date1904, value, put, note);
    else readTableSheet(sheet, found.layout, workbook.date1904, value, put, note);
  }
  return { value, positions, texts };
}

type Put = (pointer: string, position: CellPosition) => void;
type Note = (cell: Cell | undefined, position: CellPosition) => void;

function readBranchSheet(sheet: Sheet, date1904: boolean, log: Json, put: Put, note: Note): void {
  const branch: Json = {};
  const at = (row: number, column: number): CellPosition => ({ sheet: sheet.name, line: row, column });
  const groups: string[] = [];
  for (const row of sheet.rows) {
    const label = cellText(row.cells[1]).replace(/\s+/g, '').replace(/[*＊]$/, '');
    const column = BRANCH_SHEET.columns.find((c) => c.label['zh-CN'] === label || c.label.en.replace(/\s+/g, '') === label);
    if (column) {
      // The header as a whole (a missing field, a missing activity) is shown at the first field's value.
      put('/version', at(row.index, 2));
      put('/branch', at(row.index, 2));
      note(row.cells[2], at(row.index, 2));
      const v = fieldValue(row.cells[2], column.kind, date1904);
      if (v !== undefined && !(column.key in branch)) {
        branch[column.key] = column.key === 'id' || column.key === 'name' ? String(v) : v;
        put(`/branch/${column.key}`, at(row.index, 2));
      }
    }
    // One group a row; several in one cell (第一党小组、第二党小组), as people also write them, are split.
    const cell = row.index > 1 ? cellText(row.cells[GROUPS_COLUMN]) : '';
    if (cell) note(row.cells[GROUPS_COLUMN], at(row.index, GROUPS_COLUMN));
    for (const group of cell.split(/[、，,；;\n]/).map((part) => part.trim()).filter(Boolean)) {
      put(`/branch/groups/${groups.length}`, at(row.index, GROUPS_COLUMN));
      if (!groups.length) put('/branch/groups', at(row.index, GROUPS_COLUMN));
      groups.push(group);
    }
  }
  if (groups.length) branch.groups = groups;
  put('/version', at(1, 1));
  put('/branch', at(1, 1));
  log.branch = branch;
}

function readTableSheet(sheet: Sheet, layout: SheetLayout, date1904: boolean, log: Json, put: Put, note: Note): void {
  const columns = headerColumns(sheet, layout);
  if (!columns.size) return;
  const items: Json[] = [];
  const key = layout.id;
  for (const row of sheet.rows) {
    if (row.index < 2) continue;
    const item: Json = {};
    const cells: [string, CellPosition][] = [];
    for (const [index, column] of columns) {
      const position: CellPosition = { sheet: sheet.name, line: row.index, column: index };
      note(row.cells[index], position);
      const v = fieldValue(row.cells[index], column.kind, date1904);
      if (v === undefined) continue;
      setPath(item, column.key, v);
      cells.push([column.key, position]);
    }
    if (!cells.length) continue;
    const base = `/${key}/${items.length}`;
    put(base, { sheet: sheet.name, line: row.index, column: 1 });
    for (const [field, position] of cells) {
      const pointer = `${base}/${field.replace(/\./g, '/')}`;
      if (field.includes('.')) put(pointer.slice(0, pointer.lastIndexOf('/')), position);
      put(pointer, position);
      const v = pointer.split('/').slice(3).reduce<unknown>((node, part) => (node as Json)[part], item);
      if (Array.isArray(v)) v.forEach((_, i) => put(`${pointer}/${i}`, position));
    }
    items.push(item);
  }
  if (items.length) log[key] = items;
}

export const TEMPLATE_SHEETS = [BRANCH_SHEET, ...TABLE_SHEETS];
