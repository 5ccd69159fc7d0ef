/**
 * The branch header of an imported 台账: options first, then a sheet of labelled cells (基本信息),
 * then the title row. What is still missing is left out, never invented: `check` reports it.
 */
import { BRANCH_SHEET } from '../layout.js';
import type { Sheet } from '../read.js';
import { cellCount, cellDate, cellText, splitNames } from '../values.js';
import { bareHeader } from './headers.js';

export interface BranchOptions {
  branchId?: string;
  branchName?: string;
  members?: number;
  groups?: string[];
}

const LABELS: [string, string[]][] = [
  ['id', ['支部编号', '编号', 'branchid', 'id']],
  ['name', ['支部名称', '党支部名称', '支部', '党支部', 'branchname']],
  ['parent', ['上级党组织', '上级党委', '所属党委', 'parentcommittee', 'parent']],
  ['members', ['党员人数', '党员数', '党员总数', 'members']],
  ['groups', ['党小组', 'partygroups', 'groups']],
  ['secretary', ['支部书记', '书记', 'secretary']],
  ['termStart', ['换届日期', '换届时间', '选举日期', 'termstart']],
  ['established', ['成立日期', '成立时间', 'established']],
];

/** Header fields from labelled cells (a label, its value in the next filled cell to the right). */
export function branchFromSheet(sheet: Sheet, date1904: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of sheet.rows.slice(0, 60)) {
    row.cells.forEach((cell, col) => {
      const label = bareHeader(cellText(cell));
      const field = LABELS.find(([, names]) => names.includes(label))?.[0];
      if (!field || field in out) return;
      const valueCell = row.cells.slice(col + 1).find((c) => cellText(c, date1904) !== '');
      if (!valueCell) return;
      const text = cellText(valueCell, date1904);
      if (field === 'members') {
        const count = cellCount(valueCell);
        if (count !== undefined && count >= 1) out.members = count;
      } else if (field === 'groups') out.groups = splitNames(text);
      else if (field === 'termStart' || field === 'established') {
        const parsed = cellDate(valueCell, date1904);
        if ('date' in parsed) out[field] = parsed.date;
      } else if (field !== 'id' || /^\S{1,64}$/.test(text)) out[field] = text;
    });
  }
  return out;
}

/** The header in the log's key order, from the sources in order of precedence. */
export function mergeBranch(options: BranchOptions, ...sources: Record<string, unknown>[]): Record<string, unknown> {
  const given: Record<string, unknown> = {
    ...(options.branchId ? { id: options.branchId } : {}),
    ...(options.branchName ? { name: options.branchName } : {}),
    ...(options.members ? { members: options.members } : {}),
    ...(options.groups?.length ? { groups: options.groups } : {}),
  };
  const out: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'parent', 'established', 'dissolved', 'members', 'groups', 'secretary', 'termStart']) {
    const value = [given, ...sources].map((s) => s[key]).find((v) => v !== undefined && v !== '');
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export const REQUIRED_BRANCH = BRANCH_SHEET.columns.filter((c) => c.required).map((c) => c.key);
