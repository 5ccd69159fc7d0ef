/**
 * What is due: for each branch, every requirement of the current periods that is not met yet and
 * every one whose period ends within the window, 五必谈 cases that still need a follow-up, and a
 * committee term that is about to run out. Cadence progress comes from `evaluateCadence` and the
 * yearly content requirements from the rules' own checks, run as if the period had just ended.
 */
import type { Engine } from '../engine.js';
import { message } from '../i18n/index.js';
import { addDays, addMonths, daysBetween } from '../model/dates.js';
import { periodState, type Branch, type EvaluationWindow } from '../model/model.js';
import { periodsOverlapping, type Period } from '../model/period.js';
import { maskPersonalData } from '../privacy.js';
import { evaluateCadence } from '../rules/cadence.js';
import type { Rule } from '../rules/rule.js';
import type { CheckResult, Lang, Severity } from '../types.js';
import { cadenceDefinitions } from './columns.js';
import type { UncountedFile } from './model.js';
import { periodLabel } from './present.js';
import { uncountedFiles } from './build.js';
import { sha256 } from '../hash.js';

export type DueKind = 'cadence' | 'content' | 'case' | 'term';

export interface DueItem {
  branch: string;
  branchName: string;
  parent?: string;
  kind: DueKind;
  ruleId: string;
  /** What has to be done, in the output language. */
  title: string;
  period?: string;
  periodLabel?: string;
  group?: string;
  caseId?: string;
  /** The last day to do it. */
  deadline: string;
  /** Days from the as-of date to the deadline; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** Activities (or, for term expiry, nothing) counted so far and required. */
  progress?: { count: number; required: number };
  /** Term expiry: `expired`, or within `3` or `6` months. */
  stage?: 'expired' | '3' | '6';
  severity: Severity;
  source: string;
  /** Stable across runs: the same branch, requirement, period and group give the same id. */
  uid: string;
}

export interface DueModel {
  version: 1;
  lang: Lang;
  asOf: string;
  within: number;
  until: string;
  items: DueItem[];
  uncounted: UncountedFile[];
  summary: { files: number; branches: number; items: number; overdue: number };
}

export interface DueInput {
  engine: Engine;
  result: CheckResult;
  branches: Branch[];
  files: number;
  /** Days after the as-of date. */
  within: number;
}

/** The yearly content requirements that something still has to be done for before the year ends. */
const PROJECTED_RULES = ['secretary-lecture-yearly', 'staff-archive-complete', 'branch-feature-declared'];

export function dueUid(branch: string, requirement: string, period: string, group = ''): string {
  const hash = sha256([branch, requirement, period, group].join('\u0000'));
  return `${hash.slice(0, 32)}@dangjian`;
}

/** The current period of a kind and every later one that ends by `until`. */
function duePeriods(kind: Period['kind'], window: EvaluationWindow, until: string): Period[] {
  return periodsOverlapping(kind, window.asOf, until).filter((p, i) => i === 0 || p.end <= until);
}

export function buildDue(input: DueInput): DueModel {
  const { engine, branches, within } = input;
  const { window, lang } = engine.options;
  const until = addDays(window.asOf, within);
  const items: DueItem[] = [];
  for (const branch of branches) {
    const add = (item: Omit<DueItem, 'branch' | 'branchName' | 'parent' | 'daysLeft' | 'overdue'>) => {
      const daysLeft = daysBetween(window.asOf, item.deadline);
      const { kind, ruleId, title, period, periodLabel: label, group, caseId, deadline, progress, stage, severity, source, uid } = item;
      // Key order is the JSON output's field order.
      items.push({
        branch: maskPersonalData(branch.header.id),
        branchName: maskPersonalData(branch.header.name),
        ...(branch.header.parent !== undefined ? { parent: maskPersonalData(branch.header.parent) } : {}),
        kind,
        ruleId,
        title,
        ...(period !== undefined ? { period, periodLabel: label } : {}),
        ...(group !== undefined ? { group } : {}),
        ...(caseId !== undefined ? { caseId } : {}),
        deadline,
        daysLeft,
        overdue: daysLeft < 0,
        ...(progress ? { progress } : {}),
        ...(stage ? { stage } : {}),
        severity,
        source,
        uid,
      });
    };
    cadenceItems(branch, engine, until, add);
    contentItems(branch, engine, until, add);
    caseItems(branch, engine, until, add);
    termItems(branch, engine, add);
  }
  items.sort(compareItems(branches, engine));
  return {
    version: 1,
    lang,
    asOf: window.asOf,
    within,
    until,
    items,
    uncounted: uncountedFiles(input.result.findings, engine),
    summary: { files: input.files, branches: branches.length, items: items.length, overdue: items.filter((i) => i.overdue).length },
  };
}

type Add = (item: Omit<DueItem, 'branch' | 'branchName' | 'parent' | 'daysLeft' | 'overdue'>) => void;

function enabled(engine: Engine, rule: Rule | undefined): rule is Rule {
  return rule !== undefined && engine.severityOf(rule) !== 'off';
}

function cadenceItems(branch: Branch, engine: Engine, until: string, add: Add): void {
  const { window, lang } = engine.options;
  for (const definition of cadenceDefinitions(engine).values()) {
    const rule = engine.rule(definition.id);
    if (!enabled(engine, rule)) continue;
    const periods = duePeriods(definition.period, window, until);
    for (const cell of evaluateCadence(branch, definition, periods, window)) {
      if (cell.state !== 'pending' && cell.state !== 'future') continue;
      const count = cell.onTime.length + cell.late.length;
      if (count >= cell.min) continue;
      const group = cell.group === undefined ? undefined : maskPersonalData(cell.group);
      add({
        kind: 'cadence',
        ruleId: definition.id,
        title: group === undefined ? definition.title[lang] : message(lang, 'due.groupItem', { title: definition.title[lang], group }),
        period: cell.period.id,
        periodLabel: periodLabel(cell.period.id, lang),
        ...(group !== undefined ? { group } : {}),
        deadline: cell.period.end,
        progress: { count, required: cell.min },
        severity: engine.severityOf(rule) as Severity,
        source: rule.meta.source[lang],
        uid: dueUid(branch.header.id, definition.id, cell.period.id, cell.group),
      });
    }
  }
}

/**
 * A yearly content requirement is due when its own check, run as if the period ended today with
 * only what has been done so far, would report it.
 */
function contentItems(branch: Branch, engine: Engine, until: string, add: Add): void {
  const { window, lang } = engine.options;
  if (branch.incomplete) return;
  const sofar: Branch = { ...branch, activities: branch.activities.filter((a) => a.date <= window.asOf) };
  for (const id of PROJECTED_RULES) {
    const rule = engine.rule(id);
    if (!enabled(engine, rule) || !rule.meta.period || !rule.checkBranch) continue;
    for (const period of duePeriods(rule.meta.period, window, until)) {
      const state = periodState(branch, period, window);
      if (state !== 'pending' && state !== 'future') continue;
      let reported = false;
      rule.checkBranch({
        branch: sofar,
        window: { since: window.since, asOf: addDays(period.end, 1) },
        types: engine.types,
        options: engine.optionsOf(rule),
        report: (finding) => (reported ||= finding.period === period.id),
      });
      if (!reported) continue;
      add({
        kind: 'content',
        ruleId: id,
        title: rule.meta.title[lang],
        period: period.id,
        periodLabel: periodLabel(period.id, lang),
        deadline: period.end,
        severity: engine.severityOf(rule) as Severity,
        source: rule.meta.source[lang],
        uid: dueUid(branch.header.id, id, period.id),
      });
    }
  }
}

/** A case with no follow-up yet whose deadline has passed or falls in the window (case-follow-up). */
function caseItems(branch: Branch, engine: Engine, until: string, add: Add): void {
  const { window, lang } = engine.options;
  const rule = engine.rule('case-follow-up');
  if (!enabled(engine, rule)) return;
  const days = Number(engine.optionsOf(rule).days ?? 7);
  for (const item of branch.cases) {
    if (item.date < window.since || item.date > window.asOf) continue;
    if (item.followUps.some((date) => date >= item.date && date <= window.asOf)) continue;
    const deadline = addDays(item.date, days);
    if (deadline > until) continue;
    add({
      kind: 'case',
      ruleId: rule.meta.id,
      title: message(lang, 'due.case', { id: maskPersonalData(item.id), date: item.date }),
      caseId: maskPersonalData(item.id),
      deadline,
      severity: engine.severityOf(rule) as Severity,
      source: rule.meta.source[lang],
      uid: dueUid(branch.header.id, rule.meta.id, `case:${item.id}`),
    });
  }
}

/** The committee's term, from six months (term-expiry's warnMonths) and again from three months before it ends. */
function termItems(branch: Branch, engine: Engine, add: Add): void {
  const { window, lang } = engine.options;
  const rule = engine.rule('term-expiry');
  const { termStart, dissolved } = branch.header;
  if (!enabled(engine, rule) || !termStart || (dissolved && dissolved <= window.asOf)) return;
  const options = engine.optionsOf(rule);
  const years = Number(options.years ?? 3);
  const warnMonths = Number(options.warnMonths ?? 6);
  const expiry = addMonths(termStart, years * 12);
  const stage = window.asOf >= expiry ? 'expired' : window.asOf >= addMonths(expiry, -3) ? '3' : window.asOf >= addMonths(expiry, -warnMonths) ? '6' : undefined;
  if (!stage) return;
  add({
    kind: 'term',
    ruleId: rule.meta.id,
    title: message(lang, 'due.term', { termStart, years }),
    deadline: expiry,
    stage,
    severity: stage === 'expired' ? (engine.severityOf(rule) as Severity) : 'warning',
    source: rule.meta.source[lang],
    uid: dueUid(branch.header.id, rule.meta.id, `term:${termStart}`),
  });
}

/** Branch by branch (in the order of the model), then by deadline and the rule order. */
function compareItems(branches: Branch[], engine: Engine): (a: DueItem, b: DueItem) => number {
  const order = new Map(branches.map((b, i) => [b.header.id, i]));
  const rules = new Map(engine.rules.map((r, i) => [r.meta.id, i]));
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) =>
    order.get(a.branch)! - order.get(b.branch)! ||
    text(a.deadline, b.deadline) ||
    rules.get(a.ruleId)! - rules.get(b.ruleId)! ||
    text(a.group ?? '', b.group ?? '') ||
    text(a.uid, b.uid);
}
