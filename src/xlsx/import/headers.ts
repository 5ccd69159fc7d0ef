/**
 * Finding the header of a 台账 of any layout: the row (among the first 12) whose cells carry the
 * most of the names people use, a second header row below it (人数 over 应到/实到), merged cells,
 * and a title row above it that may name the branch and the year.
 */
import type { Range, Sheet } from '../read.js';
import { cellText } from '../values.js';

/** The fields an import can fill, plus the columns it reads but does not copy. */
export type ImportField =
  | 'date' | 'type' | 'title' | 'group' | 'place' | 'host' | 'recorder' | 'agenda' | 'resolution'
  | 'expected' | 'present' | 'leave' | 'absent' | 'guests' | 'lecturer' | 'lecturerRole' | 'firstTopic'
  | 'assignments' | 'electives' | 'roster' | 'absentees' | 'makeUpFor' | 'planned' | 'evidence' | 'note' | 'index';

/** The names people give each column, most specific first within each field. */
export const HEADER_NAMES: [ImportField, string[]][] = [
  ['absentees', ['缺席人员', '缺席人员及原因', '请假及缺席人员', '缺席名单', 'absentees']],
  ['roster', ['参会人员', '参加人员', '出席人员', '参会情况', '出席情况', '参会名单', 'roster']],
  ['firstTopic', ['第一议题', 'firsttopic']],
  ['lecturerRole', ['授课人身份', '讲课人身份', 'lecturerrole']],
  ['date', ['日期', '活动日期', '会议日期', '时间', '活动时间', '会议时间', '开展时间', '召开时间', 'date']],
  ['type', ['类型', '活动类型', '会议类型', '活动形式', '形式', '类别', 'type']],
  ['title', ['名称', '主题', '活动名称', '活动主题', '会议名称', '会议主题', '标题', '内容', '活动内容', '会议内容', 'title']],
  ['group', ['党小组', '所属党小组', 'partygroup', 'group']],
  ['place', ['地点', '活动地点', '会议地点', 'place']],
  ['host', ['主持人', 'host']],
  ['recorder', ['记录人', 'recorder']],
  ['agenda', ['议题', '会议议题', 'agenda']],
  ['resolution', ['决议', '会议决议', '决定事项', 'resolution']],
  ['expected', ['应到', '应到人数', '应参会人数', 'expected']],
  ['present', ['实到', '实到人数', '参会人数', '出席人数', 'present']],
  ['leave', ['请假', '请假人数', 'onleave', 'leave']],
  ['absent', ['缺席', '缺席人数', 'absent']],
  ['guests', ['列席', '列席人数', 'guests']],
  ['lecturer', ['授课人', '讲课人', '主讲人', 'lecturer']],
  ['assignments', ['规定作业', '规定动作', 'assignments']],
  ['electives', ['自选', '自选动作', '自选菜单', '自选作业', 'electives']],
  ['makeUpFor', ['补开周期', 'makeupfor']],
  ['planned', ['计划日期', 'planned']],
  ['evidence', ['佐证材料', 'evidence']],
  ['note', ['备注', '说明', 'notes', 'note']],
  ['index', ['序号', '编号', 'no', 'no.']],
];

const LOOKUP = new Map<string, ImportField>(HEADER_NAMES.flatMap(([field, names]) => names.map((name) => [name, field] as [string, ImportField])));

/** A header cell's text, bare: no spaces, no bracketed unit (`应到（人）`), no trailing colon or star. */
export function bareHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[:：*＊]+$/, '')
    .toLowerCase();
}

export function headerField(text: string): ImportField | undefined {
  const bare = bareHeader(text);
  return bare ? LOOKUP.get(bare) : undefined;
}

export interface HeaderColumn {
  col: number;
  field?: ImportField;
  /** The header's text as shown (both rows of a two-row header, joined). */
  label: string;
}

export interface Header {
  /** The header row, and the last header row (the same unless the header has two rows). */
  row: number;
  lastRow: number;
  columns: HeaderColumn[];
  /** The texts of the rows above the header (a title row). */
  above: string[];
}

/** A sheet's rows as text by row number and column, merged ranges filled with their top-left value. */
export function textGrid(sheet: Sheet, lastRow: number, date1904: boolean): Map<number, string[]> {
  const grid = new Map<number, string[]>();
  for (const row of sheet.rows) {
    if (row.index > lastRow) break;
    grid.set(row.index, row.cells.map((cell) => cellText(cell, date1904)));
  }
  for (const range of sheet.merges) fillMerge(grid, range, lastRow);
  return grid;
}

function fillMerge(grid: Map<number, string[]>, range: Range, lastRow: number): void {
  const value = grid.get(range.top)?.[range.left] ?? '';
  if (!value) return;
  for (let r = range.top; r <= Math.min(range.bottom, lastRow); r++) {
    const cells = grid.get(r) ?? [];
    for (let c = range.left; c <= range.right; c++) if (!cells[c]) cells[c] = value;
    grid.set(r, cells);
  }
}

function score(cells: string[] | undefined): number {
  if (!cells) return 0;
  const fields = new Set(cells.map((text) => (text ? headerField(text) : undefined)).filter((f) => f && f !== 'note' && f !== 'index'));
  return fields.size + (fields.has('date') ? 2 : 0) + (fields.has('type') ? 2 : 0);
}

/** The header of a sheet, or undefined when no row among the first 12 looks like one. */
export function findHeader(sheet: Sheet, date1904: boolean): Header | undefined {
  const grid = textGrid(sheet, 13, date1904);
  // Scored without merged cells filled in: the lower row of a two-row header would repeat the upper.
  const raw = new Map(sheet.rows.filter((r) => r.index <= 12).map((r) => [r.index, r.cells.map((c) => cellText(c, date1904))]));
  let best = 0;
  let row = 0;
  for (let r = 1; r <= 12; r++) {
    const s = score(raw.get(r));
    if (s > best) [best, row] = [s, r];
  }
  // At least a date or a type column, and one more.
  if (best < 3) return undefined;
  const upper = grid.get(row) ?? [];
  const lower = grid.get(row + 1) ?? [];
  const lowerFields = lower.filter((text) => text && headerField(text)).length;
  const lowerHasData = lower.some((text, c) => text && !headerField(text) && upper[c] !== text);
  const twoRows = lowerFields > 0 && !lowerHasData;
  const width = Math.max(upper.length, twoRows ? lower.length : 0);
  const columns: HeaderColumn[] = [];
  for (let c = 1; c < width; c++) {
    const top = upper[c] ?? '';
    const bottom = twoRows ? (lower[c] ?? '') : '';
    const field = (bottom && bottom !== top ? headerField(bottom) : undefined) ?? headerField(top) ?? headerField(`${top}${bottom}`);
    const label = bottom && bottom !== top ? `${top}${top ? '/' : ''}${bottom}` : top;
    if (label || field) columns.push({ col: c, ...(field ? { field } : {}), label });
  }
  const above: string[] = [];
  for (let r = 1; r < row; r++) {
    const text = [...new Set((grid.get(r) ?? []).filter(Boolean))].join(' ');
    if (text) above.push(text);
  }
  return { row, lastRow: twoRows ? row + 1 : row, columns, above };
}

/** What a title row says: `冶炼厂第一党支部2026年工作台账` → the branch name and the year. */
export function titleFacts(lines: string[]): { name?: string; year?: number } {
  const out: { name?: string; year?: number } = {};
  for (const line of lines) {
    const year = /((?:19|20)\d{2})\s*年/.exec(line)?.[1] ?? /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(line)?.[1];
    if (year && out.year === undefined) out.year = Number(year);
    const name = /([\u4e00-\u9fa5A-Za-z0-9（）()·]{2,40}?(?:党支部|支部委员会|党总支|支部))/.exec(line.replace(/\s+/g, ''))?.[1];
    if (name && out.name === undefined) out.name = name.replace(/^(?:19|20)\d{2}年(?:度)?/, '');
  }
  return out;
}
