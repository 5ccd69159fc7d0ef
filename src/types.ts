/** Shared types of the engine: findings, positions, languages. */

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Text in both user-facing languages. */
export type Localized = Record<Lang, string>;

/** A 1-based position inside a file. */
export interface Position {
  line: number;
  column: number;
  /** The worksheet, for a position inside a workbook (line = row, column = column number). */
  sheet?: string;
}

/** Where a finding points: a file (relative, `/`-separated) and a position inside it. */
export interface Location extends Position {
  file: string;
}

export interface WaiverMark {
  reason: string;
  approvedBy: string;
}

/** One finding, in the shape of the JSON output contract (key order matters for output). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  branch?: string;
  period?: string;
  file: string;
  /** The worksheet, for a finding inside a workbook. */
  sheet?: string;
  line: number;
  column: number;
  message: string;
  waived?: WaiverMark;
}

/** A finding before it is localised: a message id and its parameters. */
export interface RawFinding {
  ruleId: string;
  branch?: string;
  period?: string;
  location: Location;
  messageId: string;
  params?: MessageParams;
  /** Overrides the rule's configured severity (for example term-expiry's early warning). */
  severity?: Severity;
}

export interface Summary {
  files: number;
  branches: number;
  errors: number;
  warnings: number;
  waived: number;
}

/** A branch as the outputs of `check` name it. */
export interface BranchInfo {
  name: string;
  since: string;
}

export interface CheckResult {
  version: 1;
  asOf: string;
  /** The evaluation start most branches used (`--since` or the configuration's, when given). */
  since: string;
  /** Branch id → evaluation start, for the branches whose start is not `since`. */
  sinceByBranch?: Record<string, string>;
  /**
   * Every branch by id: its name and evaluation start. Not in the JSON output (but for a `--shard`
   * run's, inside its `shard` block, so that `merge` knows them for the whole run).
   */
  branches?: Record<string, BranchInfo>;
  findings: Finding[];
  summary: Summary;
}

/** Message parameters; a Localized value is shown in the output language. */
export type MessageParams = Record<string, string | number | Localized>;
