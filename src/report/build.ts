/**
 * Builds the report model from the result of one `check` run. Cadence cells come from the same
 * `evaluateCadence` that check turns into findings; content cells and waivers come from check's
 * findings themselves; so a report can never disagree with check on the same inputs.
 */
import type { Engine } from '../engine.js';
import { message } from '../i18n/index.js';
import { periodState, type Activity, type Branch } from '../model/model.js';
import type { Period } from '../model/period.js';
import { maskPersonalData, outputText } from '../privacy.js';
import { evaluateCadence, type CadenceCell } from '../rules/cadence/index.js';
import type { CadenceDefinition } from '../rules/cadence/definitions.js';
import type { CheckResult, Finding, Lang } from '../types.js';
import { addMonths } from '../model/dates.js';
import type { UnreadBranch } from '../model/merge.js';
import { compareText } from '../util/compare.js';
import { branchAttendance, memberAbsences } from './attendance.js';
import { DATA_HYGIENE_RULES, type ColumnSource } from './columns.js';
import type {
  AttendanceTally,
  MeetingAttendance,
  BranchGroup,
  BranchRow,
  CountedActivity,
  MarkState,
  ReportCell,
  ReportFinding,
  ReportMark,
  ReportModel,
  TotalRow,
  UncountedFile,
} from './model.js';
import { periodLabel } from './present.js';
import { attendanceTally, sumAttendance, sumTallies, tallyOf } from './tally.js';

export interface ReportInput {
  engine: Engine;
  period: Period;
  /** The report's columns (reportColumns), the ones each branch's part was made with. */
  columns: ColumnSource[];
  result: CheckResult;
  /** Each branch's part (branchReport), in the order of the branch ids. */
  branches: BranchReport[];
  /** Branches known only from files that could not be read: a row of uncounted cells each. */
  unread?: UnreadBranch[];
  files: number;
}

/** Findings by branch, rule and period. */
class FindingIndex {
  private readonly byKey = new Map<string, Finding[]>();

  constructor(findings: Finding[]) {
    for (const finding of findings) {
      if (finding.branch === undefined || finding.period === undefined) continue;
      const key = FindingIndex.key(finding.branch, finding.ruleId, finding.period);
      const list = this.byKey.get(key);
      if (list) list.push(finding);
      else this.byKey.set(key, [finding]);
    }
  }

  static key(branch: string, ruleId: string, period: string): string {
    return `${branch}\u0000${ruleId}\u0000${period}`;
  }

  get(branch: string, ruleId: string, period: string): Finding[] {
    return this.byKey.get(FindingIndex.key(branch, ruleId, period)) ?? [];
  }
}

/** One branch's part of the report, made while the branch is in memory (a run holds one at a time). */
export interface BranchReport {
  /** With its evaluation start always (buildReport leaves it out where it is the report's). */
  row: BranchRow;
  meetings: MeetingAttendance[];
}

/** A branch's row and meetings, from the branch and its findings in the run. */
export function branchReport(engine: Engine, period: Period, columns: ColumnSource[], branch: Branch, findings: Finding[]): BranchReport {
  const { lang, window } = engine.options;
  const attendance = branchAttendance(branch, period, window.asOf, engine.types, lang);
  return { row: branchRow(branch, columns, new FindingIndex(findings), engine, attendance.tally, period), meetings: attendance.meetings };
}

export function buildReport(input: ReportInput): ReportModel {
  const { engine, period, result, columns } = input;
  const lang = engine.options.lang;
  const { window } = engine.options;
  const { since } = result;

  const meetings: MeetingAttendance[] = [];
  const rows = input.branches.map(({ row, meetings: held }) => {
    meetings.push(...held);
    // The evaluation start is named where it differs from the one most branches used.
    if (row.since === since) delete row.since;
    return row;
  });
  rows.push(...(input.unread ?? []).map((branch) => unreadRow(branch, columns, window.asOf)));
  rows.sort((a, b) => compareText(a.id, b.id));
  const uncounted = uncountedFiles(result.findings, engine);
  const recordProblems = recordProblemFiles(result.findings);
  return {
    version: 1,
    lang,
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end, label: periodLabel(period.id, lang) },
    asOf: window.asOf,
    since,
    columns: columns.map((c) => c.column),
    groups: groupRows(rows, columns.length, lang),
    total: totalRow(rows, columns.length),
    uncounted,
    recordProblems,
    meetings,
    absences: memberAbsences(meetings),
    summary: {
      files: input.files,
      branches: rows.length,
      uncountedFiles: uncounted.length,
      recordProblems: recordProblems.reduce((sum, file) => sum + file.problems.length, 0),
    },
  };
}

/** The end of the committee's term, when it is within six months of the as-of date or past. */
function termEndOf(branch: Branch, engine: Engine): string | undefined {
  const { termStart } = branch.header;
  if (!termStart) return undefined;
  const rule = engine.rule('term-expiry');
  const years = Number((rule ? engine.optionsOf(rule).years : undefined) ?? 3);
  const end = addMonths(termStart, years * 12);
  return engine.options.window.asOf >= addMonths(end, -6) ? end : undefined;
}

function branchRow(
  branch: Branch,
  columns: ColumnSource[],
  index: FindingIndex,
  engine: Engine,
  attendance: AttendanceTally,
  _period: Period,
): BranchRow {
  const start = engine.windowOf(branch).since;
  const cells = columns.map((source) =>
    source.definition ? cadenceCell(branch, source, source.definition, index, engine) : contentCell(branch, source, index, engine),
  );
  const { header } = branch;
  const termEnd = termEndOf(branch, engine);
  return {
    // Masked like every other text from the logs (check's findings carry the same masked id).
    id: maskPersonalData(header.id),
    name: maskPersonalData(header.name),
    ...(header.parent !== undefined ? { parent: maskPersonalData(header.parent) } : {}),
    groups: header.groups.map(maskPersonalData),
    ...(header.established ? { established: header.established } : {}),
    ...(header.dissolved ? { dissolved: header.dissolved } : {}),
    since: start,
    ...(termEnd ? { termEnd } : {}),
    incomplete: branch.incomplete,
    files: branch.files.map(maskPersonalData),
    cells,
    tally: sumTallies(cells.map((c) => c.tally)),
    attendance,
  };
}

/** The row of a branch whose files could not be read: every period that has ended is not counted. */
function unreadRow(branch: UnreadBranch, columns: ColumnSource[], asOf: string): BranchRow {
  const cells = columns.map((source): ReportCell => {
    const marks = source.periods.map((period): ReportMark => ({
      period: period.id,
      state: period.end < asOf ? 'not-counted' : 'pending',
      activities: [],
      findings: [],
    }));
    return { ruleId: source.column.ruleId, marks, tally: tallyOf(marks.map((m) => m.state)) };
  });
  return {
    id: maskPersonalData(branch.id),
    name: maskPersonalData(branch.name ?? branch.id),
    ...(branch.parent !== undefined ? { parent: maskPersonalData(branch.parent) } : {}),
    groups: [],
    incomplete: true,
    files: branch.files.map(maskPersonalData),
    cells,
    tally: sumTallies(cells.map((c) => c.tally)),
    attendance: attendanceTally(0, 0, 0),
  };
}

function reportFinding(finding: Finding): ReportFinding {
  return {
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ...(finding.waived ? { waived: finding.waived } : {}),
  };
}

function counted(activity: Activity, { late }: { late: boolean }): CountedActivity {
  return {
    date: activity.date,
    ...(activity.title !== undefined ? { title: maskPersonalData(activity.title) } : {}),
    ...(activity.group !== undefined ? { group: maskPersonalData(activity.group) } : {}),
    late,
    file: maskPersonalData(activity.file),
    line: activity.line,
    ...(activity.host !== undefined ? { host: maskPersonalData(activity.host) } : {}),
    ...(activity.recorder !== undefined ? { recorder: maskPersonalData(activity.recorder) } : {}),
    ...(activity.attendance ?? {}),
    ...(activity.resolution !== undefined ? { resolution: maskPersonalData(activity.resolution) } : {}),
  };
}

/** The state of one cadence unit (a period, or a period of one Party group). */
function unitState(cell: CadenceCell, branch: Branch, findings: Finding[]): MarkState {
  switch (cell.state) {
    case 'not-applicable':
      return 'not-applicable';
    case 'future':
    case 'pending':
      return 'pending';
    case 'done':
    case 'late':
      return cell.state;
    case 'missing':
      // check evaluates no cadence of a branch with an unreadable file: neither can the report.
      if (branch.incomplete) return 'not-counted';
      return findings.length > 0 && findings.every((f) => f.waived) ? 'waived' : 'missing';
  }
}

/** The mark of a period from the states of its units: the worst one decides. */
const SEVERITY_ORDER: MarkState[] = ['missing', 'not-counted', 'waived', 'late', 'done'];

function combine(states: MarkState[]): MarkState {
  if (states.length === 0 || states.every((s) => s === 'not-applicable')) return 'not-applicable';
  if (states.includes('pending')) return 'pending';
  return SEVERITY_ORDER.find((s) => states.includes(s)) ?? 'not-applicable';
}

function cadenceCell(
  branch: Branch,
  source: ColumnSource,
  definition: CadenceDefinition,
  index: FindingIndex,
  engine: Engine,
): ReportCell {
  // Findings name their branch as the output does (a personal number in an id masked).
  const id = outputText(branch.header.id);
  const cells = evaluateCadence(branch, definition, source.periods, engine.windowOf(branch));
  const units: MarkState[] = [];
  const marks = source.periods.map((period): ReportMark => {
    const findings = index.get(id, definition.id, period.id);
    const periodCells = cells.filter((c) => c.period.id === period.id);
    const states = periodCells.map((c) => unitState(c, branch, findings));
    units.push(...(states.length ? states : ['not-applicable' as const]));
    const met = (c: CadenceCell) => c.onTime.length + c.late.length >= c.min;
    const progress = definition.perGroup
      ? { count: periodCells.filter(met).length, required: periodCells.length }
      : { count: periodCells[0].onTime.length + periodCells[0].late.length, required: definition.min };
    const state = combine(states);
    const waiver = state === 'waived' ? findings.find((f) => f.waived)?.waived : undefined;
    return {
      period: period.id,
      state,
      ...(periodCells.length ? progress : {}),
      ...(definition.perGroup
        ? {
            groups: periodCells.map((c, i) => ({
              group: maskPersonalData(c.group ?? ''),
              state: states[i],
              count: c.onTime.length + c.late.length,
              required: c.min,
            })),
          }
        : {}),
      ...(waiver ? { waiver } : {}),
      activities: periodCells.flatMap((c) => [
        ...c.onTime.map((a) => counted(a, { late: false })),
        ...c.late.map((a) => counted(a, { late: true })),
      ]).sort(byDateThenLine),
      findings: findings.map(reportFinding),
    };
  });
  return { ruleId: definition.id, marks, tally: tallyOf(units) };
}

function byDateThenLine(a: CountedActivity, b: CountedActivity): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/**
 * A content rule's mark: a finding in the period makes it missing (waived when every finding is
 * waived), whatever the period's state; without one, an evaluated period is done.
 */
function contentCell(branch: Branch, source: ColumnSource, index: FindingIndex, engine: Engine): ReportCell {
  // Findings name their branch as the output does (a personal number in an id masked).
  const id = outputText(branch.header.id);
  const ruleId = source.rule.meta.id;
  const marks = source.periods.map((period): ReportMark => {
    const findings = index.get(id, ruleId, period.id);
    let state: MarkState;
    // Something was done, but not as required: 有问题, not 未开展.
    if (findings.length > 0) state = findings.every((f) => f.waived) ? 'waived' : 'problem';
    else {
      const periodStatus = periodState(branch, period, engine.windowOf(branch));
      if (periodStatus === 'evaluated') state = branch.incomplete ? 'not-counted' : 'done';
      else state = periodStatus === 'not-applicable' ? 'not-applicable' : 'pending';
    }
    const waiver = state === 'waived' ? findings[0].waived : undefined;
    return { period: period.id, state, ...(waiver ? { waiver } : {}), activities: [], findings: findings.map(reportFinding) };
  });
  return { ruleId, marks, tally: tallyOf(marks.map((m) => m.state)) };
}

function totalRow(rows: BranchRow[], columns: number): TotalRow {
  const cells = Array.from({ length: columns }, (_, i) => sumTallies(rows.map((r) => r.cells[i].tally)));
  return { cells, tally: sumTallies(rows.map((r) => r.tally)), attendance: sumAttendance(rows.map((r) => r.attendance)) };
}

/** Rows grouped under their parent (in code-point order), then the branches that name none. */
function groupRows(rows: BranchRow[], columns: number, lang: Lang): BranchGroup[] {
  const byParent = new Map<string | undefined, BranchRow[]>();
  for (const row of rows) {
    const list = byParent.get(row.parent);
    if (list) list.push(row);
    else byParent.set(row.parent, [row]);
  }
  const parents = [...byParent.keys()].filter((p): p is string => p !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered: (string | undefined)[] = byParent.has(undefined) ? [...parents, undefined] : parents;
  return ordered.map((parent) => {
    const branches = byParent.get(parent)!;
    return {
      ...(parent !== undefined ? { parent } : {}),
      label: parent ?? message(lang, 'report.noParent'),
      branches,
      subtotal: totalRow(branches, columns),
    };
  });
}

/** 记录问题: the findings of the data-hygiene rules, grouped by file. */
function recordProblemFiles(findings: Finding[]): UncountedFile[] {
  const byFile = new Map<string, UncountedFile>();
  for (const finding of findings) {
    if (!DATA_HYGIENE_RULES.has(finding.ruleId)) continue;
    let entry = byFile.get(finding.file);
    if (!entry) byFile.set(finding.file, (entry = { file: finding.file, problems: [] }));
    entry.problems.push({ ruleId: finding.ruleId, line: finding.line, column: finding.column, message: finding.message });
  }
  return [...byFile.values()];
}

/** The input problems (unreadable files, schema errors, conflicts), grouped by file. */
export function uncountedFiles(findings: Finding[], engine: Engine): UncountedFile[] {
  const byFile = new Map<string, UncountedFile>();
  for (const finding of findings) {
    if (engine.rule(finding.ruleId)?.meta.category !== 'input') continue;
    let entry = byFile.get(finding.file);
    if (!entry) byFile.set(finding.file, (entry = { file: finding.file, problems: [] }));
    entry.problems.push({ ruleId: finding.ruleId, ...(finding.sheet !== undefined ? { sheet: finding.sheet } : {}), line: finding.line, column: finding.column, message: finding.message });
  }
  return [...byFile.values()];
}
