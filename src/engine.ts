/**
 * The engine: loads files, builds the model, runs the enabled rules, applies severities and waivers,
 * and returns sorted, localised findings. Nothing here prints or exits.
 */
import { sheetRank } from './xlsx/layout.js';
import { formatMessage, message } from './i18n/index.js';
import { loadFile, DEFAULT_MAX_FILE_SIZE, type LoadedFile } from './load/index.js';
import type { InputFile } from './load/files.js';
import { BUILTIN_TYPES, TypeRegistry, type ActivityType } from './model/activity-types.js';
import { buildModel, fileFacts, mergeFileFacts, type FileFacts, type RuleCatalogue } from './model/build.js';
import type { UnreadBranch } from './model/merge.js';
import type { Branch, EvaluationWindow, Waiver } from './model/model.js';
import { memoized } from './model/branch-memo.js';
import type { RecordRequirements } from './model/records.js';
import { branchWindow, summarizeStarts, type RunWindow, type StartSummary } from './model/window.js';
import { outputText } from './privacy.js';
import type { CadenceDefinition } from './rules/cadence/definitions.js';
import { allRules } from './rules/index.js';
import type { Flagged, OptionValues, Rule } from './rules/rule.js';
import { BranchLogValidator } from './schema/validate.js';
import type { BranchInfo, CheckResult, Finding, Lang, RawFinding, Severity, SeveritySetting, WaiverMark } from './types.js';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface EngineOptions {
  /** The as-of date and, when given, the evaluation start of every branch (else each branch's own). */
  window: RunWindow;
  lang: Lang;
  rules?: Record<string, RuleSetting>;
  maxFileSize?: number;
  extraTypes?: ActivityType[];
  extraCadences?: CadenceDefinition[];
  /** What the record of each activity type must carry, by type id (the configuration's `records`). */
  records?: RecordRequirements;
  /** Report errors only. */
  quiet?: boolean;
  /** Each analysis carries the key of the bytes it was made of (for the cache). */
  contentKeys?: boolean;
  /** Called after each file is loaded (for a progress counter). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * One file's part of a check, which depends on that file alone: its facts for the model and the
 * findings of the rules that look at a file's text (by rule id). Plain data, so that it can come
 * from a worker thread or a cache.
 */
export interface AnalyzedFile extends FileFacts {
  ruleFindings: Record<string, RawFinding[]>;
  /** With the `contentKeys` option: the key of the bytes analysed (see LoadedFile.key). */
  key?: string;
}

/** A finding before it is worded: its severity after configuration, and the waiver that waives it. */
export interface SettledFinding {
  finding: RawFinding;
  severity: Severity;
  waiver?: WaiverMark;
}

/** A prepared engine: types, rules and the schema validator, built once per run. */
export class Engine {
  readonly types: TypeRegistry;
  readonly rules: Rule[];
  private readonly byId: Map<string, Rule>;
  /** The rules not switched off, in rule order (the rule loop's, worked out once). */
  private readonly enabledRules: Rule[];
  private validator?: BranchLogValidator;

  constructor(readonly options: EngineOptions) {
    this.types = new TypeRegistry([...BUILTIN_TYPES, ...(options.extraTypes ?? [])]);
    this.rules = allRules(this.types, options.extraCadences, options.records);
    this.byId = new Map(this.rules.map((rule) => [rule.meta.id, rule]));
    this.enabledRules = this.rules.filter((rule) => this.enabled(rule));
  }

  /** The evaluation window of a branch: the run's as-of date and the branch's start. */
  windowOf(branch: Branch): EvaluationWindow {
    return memoized(branch, this, () => branchWindow(branch, this.options.window));
  }

  /** The start most of the branches used, and those of the others. */
  startSummary(branches: Iterable<Branch>): StartSummary {
    const starts = new Map<string, string>();
    for (const branch of branches) starts.set(outputText(branch.header.id), this.windowOf(branch).since);
    return summarizeStarts(starts, this.options.window);
  }

  /** What the outputs of check say of each branch: its name and evaluation start. */
  branchInfo(branch: Branch): BranchInfo {
    return { name: outputText(branch.header.name), since: this.windowOf(branch).since };
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  severityOf(rule: Rule): SeveritySetting {
    return this.options.rules?.[rule.meta.id]?.severity ?? rule.meta.severity;
  }

  /** The rule's options: the configured values over the defaults of its meta (the only defaults). */
  optionsOf(rule: Rule): OptionValues<string> {
    let options = this.ruleOptions.get(rule);
    if (!options) {
      const defaults = Object.fromEntries(
        Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]),
      );
      options = Object.freeze({ ...defaults, ...(this.options.rules?.[rule.meta.id]?.options ?? {}) }) as OptionValues<string>;
      this.ruleOptions.set(rule, options);
    }
    return options;
  }

  /** Each rule's options, worked out once per run (rules ask for them on every branch). */
  private readonly ruleOptions = new Map<Rule, OptionValues<string>>();

  enabled(rule: Rule | undefined): rule is Rule {
    return rule !== undefined && this.severityOf(rule) !== 'off';
  }

  load(files: InputFile[]): LoadedFile[] {
    const { onProgress } = this.options;
    return files.map((file, index) => {
      const loaded = loadFile(file, this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      onProgress?.(index + 1, files.length);
      return loaded;
    });
  }

  /** The model of the loaded files, and the input findings found while building it. */
  model(loaded: LoadedFile[]): { branches: Branch[]; findings: RawFinding[] } {
    return buildModel(loaded, this.schemaValidator(), this.types, this.catalogue);
  }

  private schemaValidator(): BranchLogValidator {
    return (this.validator ??= new BranchLogValidator(this.types.allNames()));
  }

  private readonly catalogue: RuleCatalogue = {
    periodOf: (id) => {
      const rule = this.byId.get(id);
      // Input problems, and waivers themselves (stale-waiver, a finishing rule), cannot be waived.
      if (!rule || rule.meta.category === 'input' || rule.finish) return undefined;
      return rule.meta.period ?? null;
    },
  };

  /**
   * The part of a check that depends on one file alone. Every file rule runs, whatever its
   * severity, so that the result depends on the file and the rules' options only.
   */
  analyze(file: InputFile): AnalyzedFile {
    const loaded = loadFile(file, this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, this.options.contentKeys);
    // The facts are this call's own: completed into the analysis rather than copied into another object.
    const analyzed = fileFacts(loaded, this.schemaValidator(), this.types, this.catalogue) as AnalyzedFile;
    const ruleFindings: Record<string, RawFinding[]> = {};
    for (const rule of this.rules) {
      if (!rule.checkFile) continue;
      const found: RawFinding[] = [];
      rule.checkFile({ file: loaded, options: this.optionsOf(rule), flag: flagInto(found, rule) });
      if (found.length) ruleFindings[rule.meta.id] = found;
    }
    analyzed.ruleFindings = ruleFindings;
    if (loaded.key !== undefined) analyzed.key = loaded.key;
    return analyzed;
  }

  /** Checks files; `analyzed` is their per-file part when it was computed elsewhere (workers). */
  check(files: InputFile[], analyzed?: AnalyzedFile[]): { result: CheckResult; branches: Branch[]; unread: UnreadBranch[] } {
    const { settled, branches, unread } = this.checkSettled(files, analyzed);
    const findings = this.worded(settled);
    const result: CheckResult = {
      version: 1,
      asOf: this.options.window.asOf,
      ...this.startSummary(branches),
      branches: Object.fromEntries(branches.map((branch) => [outputText(branch.header.id), this.branchInfo(branch)])),
      findings,
      summary: summarize(findings, files.length, branches.length),
    };
    return { result, branches, unread };
  }

  /** A check's findings before they are worded (with their message ids, for the rule tables). */
  checkSettled(files: InputFile[], analyzed?: AnalyzedFile[]): { settled: SettledFinding[]; branches: Branch[]; unread: UnreadBranch[] } {
    // One file at a time, so that only the compact facts of each file stay in memory.
    const perFile = analyzed ?? files.map((file) => this.analyze(file));
    const { branches, findings: inputFindings, unread } = mergeFileFacts(perFile);
    const fileBranch = new Map<string, string>();
    for (const branch of branches) for (const file of branch.files) fileBranch.set(file, branch.header.id);
    const raw = [...inputFindings, ...this.ruleFindings(branches, perFile, (file) => fileBranch.get(file.file))];
    return { settled: this.settle(raw, branches), branches, unread };
  }

  /**
   * The rule loop: the findings of every enabled rule, in rule order, for merged branches (their
   * checks run here) and analysed files (their file findings, with the branch each belongs to).
   * `afterRule`: called after each branch check (a streamed run keeps its heap in budget there).
   */
  ruleFindings(branches: Branch[], files: AnalyzedFile[], branchOf: (file: AnalyzedFile) => string | undefined, afterRule?: () => void): RawFinding[] {
    const raw: RawFinding[] = [];
    const windows = branches.map((branch) => this.windowOf(branch));
    for (const rule of this.enabledRules) {
      if (rule.checkBranch) {
        for (let i = 0; i < branches.length; i++) {
          this.checkBranchInto(raw, rule, branches[i], windows[i]);
          afterRule?.();
        }
      }
      if (rule.checkFile) {
        for (const file of files) {
          for (const finding of file.ruleFindings[rule.meta.id] ?? []) raw.push({ ...finding, branch: branchOf(file) });
        }
      }
    }
    return raw;
  }

  /** One rule's branch check on a branch and a window (the run's, or another for `due`). */
  checkBranchWith(rule: Rule, branch: Branch, window: EvaluationWindow): RawFinding[] {
    const found: RawFinding[] = [];
    this.checkBranchInto(found, rule, branch, window);
    return found;
  }

  /** A branch check whose findings are added to `found`. */
  private checkBranchInto(found: RawFinding[], rule: Rule, branch: Branch, window: EvaluationWindow): void {
    rule.checkBranch?.({ branch, window, types: this.types, options: this.optionsOf(rule), flag: flagInto(found, rule, branch.header.id) });
  }

  /** Severities, waivers, finishing rules (stale-waiver), --quiet, messages and order. */
  finish(raw: RawFinding[], branches: Branch[]): Finding[] {
    return this.worded(this.settle(raw, branches));
  }

  private worded(settled: SettledFinding[]): Finding[] {
    return settled.map(({ finding, severity, waiver }) => this.localize(finding, severity, waiver)).sort(compareFindings);
  }

  /** Each finding with its severity and its waiver, and the findings of the finishing rules; --quiet applied. */
  settle(raw: RawFinding[], branches: Branch[]): SettledFinding[] {
    const byBranch = new Map(branches.map((b) => [b.header.id, b]));
    const used = new Set<Waiver>();
    const settled: SettledFinding[] = [];
    const add = (finding: RawFinding, configured: Severity, waiver?: Waiver) => {
      const severity = finding.severity ? milder(finding.severity, configured) : configured;
      if (this.options.quiet && severity !== 'error') return;
      settled.push({ finding, severity, ...(waiver ? { waiver: { reason: waiver.reason, approvedBy: waiver.approvedBy } } : {}) });
    };
    for (const item of raw) {
      const rule = this.byId.get(item.ruleId);
      const configured = rule ? this.severityOf(rule) : 'error';
      if (configured === 'off') continue;
      const branch = item.branch ? byBranch.get(item.branch) : undefined;
      const waiver = item.period
        ? branch?.waivers.find((w) => w.rule === item.ruleId && w.period.id === item.period)
        : undefined;
      if (waiver) used.add(waiver);
      add(item, configured, waiver);
    }
    for (const rule of this.enabledRules) {
      if (!rule.finish) continue;
      const configured = this.severityOf(rule) as Severity;
      rule.finish({
        branches,
        windowOf: (branch) => this.windowOf(branch),
        usedWaivers: used,
        enabled: (id) => this.enabled(this.byId.get(id)),
        flag: (messageId, { branch, ...finding }) => add({ ...rawFinding(rule, messageId, finding), branch }, configured),
      });
    }
    return settled;
  }

  private localize(item: RawFinding, severity: Severity, waived?: WaiverMark): Finding {
    const { location } = item;
    // Key order is the JSON output's field order.
    const finding = { ruleId: item.ruleId, severity } as Finding;
    if (item.branch !== undefined) finding.branch = this.printedName(item.branch);
    if (item.period !== undefined) finding.period = item.period;
    finding.file = this.printedName(location.file);
    if (location.sheet !== undefined) finding.sheet = outputText(location.sheet);
    finding.line = location.line;
    finding.column = location.column;
    finding.message = outputText(this.messageOf(item));
    if (waived) finding.waived = { reason: outputText(waived.reason), approvedBy: outputText(waived.approvedBy) };
    return finding;
  }

  /** Branch ids and file names as printed (see outputText), each worked out once: a file has many findings. */
  private readonly printed = new Map<string, string>();

  private printedName(text: string): string {
    let shown = this.printed.get(text);
    if (shown === undefined) {
      shown = outputText(text);
      if (this.printed.size >= 10_000) this.printed.clear();
      this.printed.set(text, shown);
    }
    return shown;
  }

  /** A rule's finding is worded by the rule's own messages; an input finding by the catalogue's. */
  private messageOf(item: RawFinding): string {
    const { lang } = this.options;
    const messages = this.byId.get(item.ruleId)?.meta.messages;
    const own = messages && Object.hasOwn(messages, item.messageId) ? messages[item.messageId] : undefined;
    return own ? formatMessage(own[lang], lang, item.params) : message(lang, item.messageId, item.params);
  }
}

/** The `flag` callback of a rule's check, collecting raw findings. */
function flagInto(found: RawFinding[], rule: Rule, branch?: string) {
  return (messageId: string, finding: Flagged) => void found.push(rawFinding(rule, messageId, finding, branch));
}

function rawFinding(rule: Rule, messageId: string, finding: Flagged, branch?: string): RawFinding {
  return { ruleId: rule.meta.id, ...(branch !== undefined ? { branch } : {}), messageId, ...finding };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sheets of a workbook in the template's order, then any others by name. */
function compareSheets(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  return sheetRank(a) - sheetRank(b) || compareText(a, b);
}

/** Order: file, sheet, line, column, rule id, period, then message, so that output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    compareSheets(a.sheet, b.sheet) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.period, b.period) ||
    compareText(a.message, b.message)
  );
}

export function summarize(findings: Finding[], files: number, branches: number): CheckResult['summary'] {
  const summary = { files, branches, errors: 0, warnings: 0, waived: 0 };
  for (const finding of findings) {
    if (finding.waived) summary.waived++;
    else if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
  }
  return summary;
}
