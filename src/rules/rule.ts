/**
 * What a rule is: metadata (id, severity, period, titles, source, options, messages, report column),
 * a check that only flags findings, and optional hooks (what is due; what to flag once everything
 * else is known). The engine applies configuration, waivers, messages and order.
 */
import type { LoadedFile } from '../load/index.js';
import type { TypeRegistry } from '../model/activity-types.js';
import type { Branch, EvaluationWindow, Waiver } from '../model/model.js';
import type { PeriodKind } from '../model/period.js';
import type { RecordRequirements } from '../model/records.js';
import type { Localized, Location, MessageParams, RawFinding, Severity } from '../types.js';

export type RuleCategory = 'input' | 'cadence' | 'content';

/** An option: its JSON Schema (an integer with a minimum), its default and what it means. */
export interface RuleOption {
  type: 'integer';
  minimum: number;
  default: number;
  description: Localized;
}

/** A rule's messages by id, each in both languages; `{name}` placeholders are filled from the params. */
export type RuleMessages<M extends string = string> = Record<M, Localized>;

/** How a rule's column is headed in a report: two characters or three letters, and a name. */
export interface ReportColumnLabels {
  short: Localized;
  /** The column's name; the rule's title when absent. */
  name?: Localized;
}

export interface RuleMeta<M extends string = string, O extends string = string> {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** The kind of period a finding of this rule belongs to; absent for period-less rules. */
  period?: PeriodKind;
  title: Localized;
  /** The sentence of the speech or the article of the regulation the rule comes from. */
  source: Localized;
  options?: Record<O, RuleOption>;
  /** Absent for input rules, whose messages are in the loader's and the schema's catalogues. */
  messages?: RuleMessages<M>;
  column?: ReportColumnLabels;
}

/** A finding as a rule flags it: where, for which period, with what message parameters. */
export interface Flagged {
  period?: string;
  location: Location;
  params?: MessageParams;
  /** Milder than the rule's configured severity (term-expiry's early warning). */
  severity?: Severity;
}

export type Flag<M extends string> = (messageId: M, finding: Flagged) => void;

/** Option values: every declared option, its default filled in by the engine. */
export type OptionValues<O extends string> = Readonly<Record<O, number>> & Readonly<Record<string, unknown>>;

export interface BranchContext<M extends string = string, O extends string = string> {
  branch: Branch;
  window: EvaluationWindow;
  types: TypeRegistry;
  options: OptionValues<O>;
  flag: Flag<M>;
}

export interface FileContext<M extends string = string, O extends string = string> {
  file: LoadedFile;
  options: OptionValues<O>;
  flag: Flag<M>;
}

export type DueKind = 'cadence' | 'content' | 'case' | 'term';

/** How near the end of a committee's term is: ended, or within 1, 3 or 6 months. */
export type TermStage = 'expired' | '1' | '3' | '6';

/** One thing still to be done for a branch (`dangjian due`). */
export interface DueEntry<M extends string = string> {
  kind: DueKind;
  /** Unique for the rule and the branch: a period id, `case:ID`, `term:DATE`. */
  key: string;
  period?: string;
  group?: string;
  caseId?: string;
  deadline: string;
  progress?: { count: number; required: number };
  stage?: TermStage;
  /** Term expiry: the dates the election is reminded of (see term-expiry). */
  reminders?: string[];
  /** One of the rule's messages; the rule's title when absent. */
  title?: { messageId: M; params: MessageParams };
  /** Instead of the rule's configured severity. */
  severity?: Severity;
}

export interface DueContext<O extends string = string> {
  meta: RuleMeta;
  branch: Branch;
  window: EvaluationWindow;
  /** The last day looked at. */
  until: string;
  types: TypeRegistry;
  options: OptionValues<O>;
  /** This rule's own check, run on another branch or window: the findings it would flag. */
  check(branch: Branch, window: EvaluationWindow): RawFinding[];
}

/** What a finishing hook sees: every branch and which waivers waived a finding. */
export interface FinishContext<M extends string = string> {
  branches: Branch[];
  /** A branch's evaluation window (each branch has its own start). */
  windowOf(branch: Branch): EvaluationWindow;
  usedWaivers: ReadonlySet<Waiver>;
  /** Whether a rule exists and is not switched off. */
  enabled(ruleId: string): boolean;
  flag(messageId: M, finding: Flagged & { branch: string }): void;
}

export interface Rule<M extends string = string, O extends string = string> {
  meta: RuleMeta<M, O>;
  checkBranch?(context: BranchContext<M, O>): void;
  checkFile?(context: FileContext<M, O>): void;
  due?(context: DueContext<O>): DueEntry<M>[];
  /** Runs after every other finding is known and waived (stale-waiver). */
  finish?(context: FinishContext<M>): void;
}

/** What of the configuration shapes a rule itself, not only its severity and options. */
export interface RuleSettings {
  /** The configuration's `records:` (record-complete's required fields). */
  records?: RecordRequirements;
}

/** A rule folder's default export: the rule, or what builds it from the configuration (record-complete). */
export type RuleEntry = Rule | ((settings: RuleSettings) => Rule);

/**
 * A rule with typed message ids and options: `flag('mising', …)` or `options.dayz` does not compile.
 * The result is a plain Rule for the engine.
 */
export function defineRule<const M extends string, const O extends string = never>(rule: Rule<M, O>): Rule {
  return rule as unknown as Rule;
}

export function zh(zhText: string, en: string): Localized {
  return { 'zh-CN': zhText, en };
}

