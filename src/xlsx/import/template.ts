/**
 * Import of a workbook in the template's layout (what `export` writes), and the schema's last word
 * on every imported item: an item the schema rejects is left out, its row rejected at the cell.
 */
import { findPersonalNumbers } from '../../privacy.js';
import type { Workbook } from '../read.js';
import { readTemplateWorkbook } from '../template-read.js';
import { REQUIRED_BRANCH } from './branch.js';
import { sortRows, type ImportResult, type ImportSettings, type Note, type Rejected, type RowAccount } from './index.js';
import type { CellProblem } from './rows.js';
import { listText } from '../../i18n/index.js';

type Json = Record<string, unknown>;

/** What import needs of the schema validator. */
export interface Validator {
  check(value: unknown, limit?: number): { pointer: string; messageId: string; params?: Record<string, unknown> }[];
}

const COLLECTIONS = ['features', 'staff', 'activities', 'cases', 'waivers'];
const PLACEHOLDER_BRANCH = { id: 'x', name: 'x', members: 1 };

/** Items the schema rejects, as problems at their cells; the rest kept with their sources. */
export function rejectInvalid(activities: Json[], fields: Map<string, number>[], sources: RowAccount[], rejected: Rejected[], validator: Validator): { activities: Json[]; sources: RowAccount[] } {
  const issues = validator.check({ version: 1, branch: PLACEHOLDER_BRANCH, activities });
  const bad = new Map<number, CellProblem[]>();
  for (const issue of issues) {
    const m = /^\/activities\/(\d+)(?:\/([^/]+)(?:\/([^/]+))?)?/.exec(issue.pointer);
    if (!m) continue;
    const index = Number(m[1]);
    const key = m[2] === 'attendance' && m[3] ? `attendance.${m[3]}` : (m[2] ?? '');
    const col = fields[index].get(key) ?? fields[index].get('date') ?? 1;
    bad.set(index, [...(bad.get(index) ?? []), { col, messageId: issue.messageId, params: issue.params as CellProblem['params'] }]);
  }
  const kept: { activities: Json[]; sources: RowAccount[] } = { activities: [], sources: [] };
  activities.forEach((activity, i) => {
    const problems = bad.get(i);
    if (problems) rejected.push({ ...sources[i], problems });
    else kept.activities.push(activity), kept.sources.push(sources[i]);
  });
  return kept;
}

export function importTemplate(workbook: Workbook, settings: ImportSettings): Omit<ImportResult, 'workbook'> {
  const { value, positions, texts } = readTemplateWorkbook(workbook);
  const notes: Note[] = [{ messageId: 'import.note.template' }];
  const cellOf = (pointer: string) => {
    for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
      const found = positions.get(p);
      if (found) return found.value as { sheet: string; line: number; column: number };
    }
    return undefined;
  };
  // The item each row holds, to reject an item by a cell of its row.
  const itemAt = new Map<string, string>();
  for (const [pointer, position] of positions) {
    const m = /^\/(\w+)\/(\d+)$/.exec(pointer);
    const at = position.value as { sheet: string; line: number };
    if (m && COLLECTIONS.includes(m[1])) itemAt.set(`${at.sheet}!${at.line}`, pointer);
  }
  const problems = new Map<string, { at: RowAccount; problems: CellProblem[] }>();
  const reject = (item: string, at: { sheet: string; line: number; column: number }, problem: Omit<CellProblem, 'col'>) => {
    const entry = problems.get(item) ?? { at: { sheet: at.sheet, row: at.line }, problems: [] };
    entry.problems.push({ col: at.column, ...problem });
    problems.set(item, entry);
  };
  const branch = { ...((value.branch as Json) ?? {}) };
  for (const cell of texts) {
    const found = findPersonalNumbers(cell.text);
    if (!found.length) continue;
    const item = itemAt.get(`${cell.position.sheet}!${cell.position.line}`);
    const problem = { messageId: 'import.cell.personal', params: { masked: listText(found.map((p) => p.masked)) } };
    if (item) reject(item, cell.position, problem);
    else notes.push({ messageId: 'import.note.personalHeader', params: { cell: `${cell.position.sheet}!${cell.position.line}:${cell.position.column}`, masked: problem.params.masked } });
  }
  const header = { ...value, branch: { ...PLACEHOLDER_BRANCH, ...branch } };
  for (const issue of settings.validator.check(header)) {
    const m = /^\/(\w+)\/(\d+)/.exec(issue.pointer);
    const at = cellOf(issue.pointer);
    if (m && COLLECTIONS.includes(m[1]) && at) reject(`/${m[1]}/${m[2]}`, at, { messageId: issue.messageId, params: issue.params as CellProblem['params'] });
    else if (issue.pointer.startsWith('/branch/')) {
      const key = issue.pointer.split('/')[2];
      delete branch[key];
      notes.push({ messageId: 'import.note.branchField', params: { cell: at ? `${at.sheet}!${at.line}:${at.column}` : key, field: key } });
    }
  }
  const log: Json = { version: 1, branch: mergeOptions(branch, settings) };
  const sources: string[] = [];
  for (const key of COLLECTIONS) {
    const items = (value[key] as Json[] | undefined) ?? [];
    const kept = items.filter((_, i) => !problems.has(`/${key}/${i}`));
    if (key === 'activities') items.forEach((_, i) => !problems.has(`/${key}/${i}`) && sources.push(sourceOf(cellOf(`/${key}/${i}`))));
    if (kept.length) log[key] = kept;
  }
  const rejected = sortRows([...problems.values()].map(({ at, problems: list }) => ({ ...at, problems: list })), workbook);
  const missing = REQUIRED_BRANCH.filter((k) => (log.branch as Json)[k] === undefined);
  const headerRows = Object.fromEntries(workbook.sheets.map((sheet) => [sheet.name, 1]));
  return { log, sources, missing, rejected, skipped: [], notes, headerRows };
}

function sourceOf(at: { sheet: string; line: number } | undefined): string {
  return at ? `${at.sheet}!${at.line}` : '';
}

function mergeOptions(branch: Json, settings: ImportSettings): Json {
  return {
    ...branch,
    ...(settings.branchId ? { id: settings.branchId } : {}),
    ...(settings.branchName ? { name: settings.branchName } : {}),
    ...(settings.members ? { members: settings.members } : {}),
    ...(settings.groups?.length ? { groups: settings.groups } : {}),
  };
}
