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

export interface CheckResult {
  version: 1;
  asOf: string;
  findings: Finding[];
  summary: Summary;
}

/** Message parameters; a Localized value is shown in the output language. */
export type MessageParams = Record<string, string | number | Localized>;
