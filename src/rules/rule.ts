/** What a rule is: metadata (id, severity, period, title, source) and a check that only reports. */
import type { LoadedFile } from '../load/index.js';
import type { TypeRegistry } from '../model/activity-types.js';
import type { Branch, EvaluationWindow } from '../model/model.js';
import type { PeriodKind } from '../model/period.js';
import type { Localized, RawFinding, Severity } from '../types.js';

export type RuleCategory = 'input' | 'cadence' | 'content';

export interface RuleOption {
  type: 'integer';
  minimum: number;
  default: number;
  description: Localized;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** The kind of period a finding of this rule belongs to; absent for period-less rules. */
  period?: PeriodKind;
  title: Localized;
  /** The sentence of the speech or the article of the regulation the rule comes from. */
  source: Localized;
  options?: Record<string, RuleOption>;
}

export type Report = (finding: Omit<RawFinding, 'ruleId' | 'branch'>) => void;

export interface BranchContext {
  branch: Branch;
  window: EvaluationWindow;
  types: TypeRegistry;
  options: Record<string, unknown>;
  report: Report;
}

export interface FileContext {
  file: LoadedFile;
  options: Record<string, unknown>;
  report: Report;
}

export interface Rule {
  meta: RuleMeta;
  checkBranch?(context: BranchContext): void;
  checkFile?(context: FileContext): void;
}

export function zh(zhText: string, en: string): Localized {
  return { 'zh-CN': zhText, en };
}
