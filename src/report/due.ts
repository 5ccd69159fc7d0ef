/**
 * What is due: for each branch, what every enabled rule's `due` hook says is still to be done by
 * the end of the window (requirements of the current periods not met yet, cases to follow up, a
 * committee term about to run out). Here it becomes items in the output language.
 */
import type { Engine } from '../engine.js';
import { formatMessage, message } from '../i18n/index.js';
import { addDays, daysBetween } from '../model/dates.js';
import type { Branch } from '../model/model.js';
import { maskPersonalData } from '../privacy.js';
import type { DueEntry, DueKind, Rule, TermStage } from '../rules/rule.js';
import type { CheckResult, Lang, MessageParams, Severity } from '../types.js';
import type { UncountedFile } from './model.js';
import { periodLabel } from './present.js';
import { uncountedFiles } from './build.js';
import { sha256 } from '../hash.js';

export type { DueKind };

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
  /** Term expiry: `expired`, or within `1`, `3` or `6` months. */
  stage?: TermStage;
  /**
   * Term expiry: when the election is reminded of, 6, 3 and 1 months before the term ends and every
   * month after it has ended, up to the end of the window.
   */
  reminders?: string[];
  severity: Severity;
  source: string;
  /** Stable across runs: the same branch, requirement, period and group give the same id. */
  uid: string;
}

export interface DueModel {
  version: 1;
  lang: Lang;
  asOf: string;
  /** The evaluation start of most branches, and of the others (as in `check`). */
  since: string;
  sinceByBranch?: Record<string, string>;
  within: number;
  until: string;
  items: DueItem[];
  uncounted: UncountedFile[];
  summary: { files: number; branches: number; items: number; overdue: number };
}

export interface DueInput {
  engine: Engine;
  result: CheckResult;
  /** Each branch's items (dueItems), in the order of the branch ids. */
  itemsByBranch: DueItem[][];
  files: number;
  /** Days after the as-of date. */
  within: number;
}

export function dueUid(branch: string, requirement: string, period: string, group = ''): string {
  const hash = sha256([branch, requirement, period, group].join('\u0000'));
  return `${hash.slice(0, 32)}@dangjian`;
}

/** The last day that `--within` days after the as-of date reach. */
export function dueUntil(engine: Engine, within: number): string {
  return addDays(engine.options.window.asOf, within);
}

/** What one branch has to do by `until` (see dueUntil), in the order of the rules. */
export function dueItems(engine: Engine, branch: Branch, until: string): DueItem[] {
  const items: DueItem[] = [];
  for (const rule of engine.rules) {
    if (!rule.due || !engine.enabled(rule)) continue;
    for (const entry of rule.due(dueContext(engine, rule, branch, until))) {
      // --within: what falls due by `until` (or is overdue), and an election being reminded of.
      if (entry.deadline > until && !entry.stage) continue;
      items.push(dueItem(engine, rule, branch, entry));
    }
  }
  return items;
}

export function buildDue(input: DueInput): DueModel {
  const { engine, result, within } = input;
  const { window, lang } = engine.options;
  const until = dueUntil(engine, within);
  const items = input.itemsByBranch.flat();
  items.sort(compareItems(input.itemsByBranch, engine));
  const { since, sinceByBranch } = result;
  return {
    version: 1,
    lang,
    asOf: window.asOf,
    since,
    ...(sinceByBranch ? { sinceByBranch } : {}),
    within,
    until,
    items,
    uncounted: uncountedFiles(input.result.findings, engine),
    summary: { files: input.files, branches: result.summary.branches, items: items.length, overdue: items.filter((i) => i.overdue).length },
  };
}

function dueContext(engine: Engine, rule: Rule, branch: Branch, until: string) {
  const window = engine.windowOf(branch);
  return {
    meta: rule.meta,
    branch,
    window,
    until,
    types: engine.types,
    options: engine.optionsOf(rule),
    check: (other: Branch, otherWindow: typeof window) => engine.checkBranchWith(rule, other, otherWindow),
  };
}

/** Names and periods in the output language; what came from a log (names, a group, a case id) masked. */
function dueItem(engine: Engine, rule: Rule, branch: Branch, entry: DueEntry): DueItem {
  const { lang, window } = engine.options;
  const { header } = branch;
  const group = entry.group === undefined ? undefined : maskPersonalData(entry.group);
  const { kind, period, deadline, progress, stage, reminders } = entry;
  const daysLeft = daysBetween(window.asOf, deadline);
  // Key order is the JSON output's field order.
  return {
    branch: maskPersonalData(header.id),
    branchName: maskPersonalData(header.name),
    ...(header.parent !== undefined ? { parent: maskPersonalData(header.parent) } : {}),
    kind,
    ruleId: rule.meta.id,
    title: titleOf(rule, entry, group, lang),
    ...(period !== undefined ? { period, periodLabel: periodLabel(period, lang) } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(entry.caseId !== undefined ? { caseId: maskPersonalData(entry.caseId) } : {}),
    deadline,
    daysLeft,
    overdue: daysLeft < 0,
    ...(progress ? { progress } : {}),
    ...(stage ? { stage } : {}),
    ...(reminders ? { reminders } : {}),
    severity: entry.severity ?? (engine.severityOf(rule) as Severity),
    source: rule.meta.source[lang],
    uid: dueUid(header.id, rule.meta.id, entry.key, entry.group),
  };
}

function titleOf(rule: Rule, entry: DueEntry, group: string | undefined, lang: Lang): string {
  const named = entry.title && rule.meta.messages?.[entry.title.messageId];
  const masked: MessageParams = Object.fromEntries(
    Object.entries(entry.title?.params ?? {}).map(([name, value]) => [name, typeof value === 'string' ? maskPersonalData(value) : value]),
  );
  const title = named ? formatMessage(named[lang], lang, masked) : rule.meta.title[lang];
  return group === undefined ? title : message(lang, 'due.groupItem', { title, group });
}

/**
 * Overdue items first, across branches (by deadline, then branch); then branch by branch (in the
 * order of the model), by deadline and the rule order.
 */
function compareItems(itemsByBranch: DueItem[][], engine: Engine): (a: DueItem, b: DueItem) => number {
  const order = new Map<string, number>();
  itemsByBranch.forEach((items, i) => items.forEach((item) => order.set(item.branch, i)));
  const rules = new Map(engine.rules.map((r, i) => [r.meta.id, i]));
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) =>
    Number(b.overdue) - Number(a.overdue) ||
    (a.overdue ? text(a.deadline, b.deadline) : 0) ||
    order.get(a.branch)! - order.get(b.branch)! ||
    text(a.deadline, b.deadline) ||
    rules.get(a.ruleId)! - rules.get(b.ruleId)! ||
    text(a.group ?? '', b.group ?? '') ||
    text(a.uid, b.uid);
}
