/**
 * The engine: loads files, builds the model, runs the enabled rules, applies severities and waivers,
 * and returns sorted, localised findings. Nothing here prints or exits.
 */
import { message } from './i18n/index.js';
import { loadFile, DEFAULT_MAX_FILE_SIZE, type LoadedFile } from './load/index.js';
import type { InputFile } from './load/files.js';
import { BUILTIN_TYPES, TypeRegistry, type ActivityType } from './model/activity-types.js';
import { buildModel } from './model/build.js';
import { periodState, type Branch, type EvaluationWindow } from './model/model.js';
import { maskPersonalData } from './privacy.js';
import type { CadenceDefinition } from './rules/cadence-definitions.js';
import { allRules } from './rules/index.js';
import type { Rule } from './rules/rule.js';
import { BranchLogValidator } from './schema/validate.js';
import type { CheckResult, Finding, Lang, RawFinding, Severity, SeveritySetting } from './types.js';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface EngineOptions {
  window: EvaluationWindow;
  lang: Lang;
  rules?: Record<string, RuleSetting>;
  maxFileSize?: number;
  extraTypes?: ActivityType[];
  extraCadences?: CadenceDefinition[];
  /** Report errors only. */
  quiet?: boolean;
  /** Called after each file is loaded (for a progress counter). */
  onProgress?: (done: number, total: number) => void;
}

/** A prepared engine: types, rules and the schema validator, built once per run. */
export class Engine {
  readonly types: TypeRegistry;
  readonly rules: Rule[];
  private readonly byId: Map<string, Rule>;
  private validator?: BranchLogValidator;

  constructor(readonly options: EngineOptions) {
    this.types = new TypeRegistry([...BUILTIN_TYPES, ...(options.extraTypes ?? [])]);
    this.rules = allRules(this.types, options.extraCadences);
    this.byId = new Map(this.rules.map((rule) => [rule.meta.id, rule]));
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  severityOf(rule: Rule): SeveritySetting {
    return this.options.rules?.[rule.meta.id]?.severity ?? rule.meta.severity;
  }

  optionsOf(rule: Rule): Record<string, unknown> {
    const defaults = Object.fromEntries(
      Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]),
    );
    return { ...defaults, ...(this.options.rules?.[rule.meta.id]?.options ?? {}) };
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
    this.validator ??= new BranchLogValidator(this.types.allNames());
    return buildModel(loaded, this.validator, this.types, {
      periodOf: (id) => {
        const rule = this.byId.get(id);
        if (!rule || rule.meta.category === 'input' || id === 'stale-waiver') return undefined;
        return rule.meta.period ?? null;
      },
    });
  }

  check(files: InputFile[]): { result: CheckResult; branches: Branch[] } {
    const loaded = this.load(files);
    const { branches, findings: inputFindings } = this.model(loaded);
    const raw: RawFinding[] = [...inputFindings];
    const { window } = this.options;
    const fileBranch = new Map<string, string>();
    for (const branch of branches) for (const file of branch.files) fileBranch.set(file, branch.header.id);

    for (const rule of this.rules) {
      if (this.severityOf(rule) === 'off') continue;
      const options = this.optionsOf(rule);
      for (const branch of rule.checkBranch ? branches : []) {
        rule.checkBranch!({
          branch,
          window,
          types: this.types,
          options,
          report: (finding) => raw.push({ ...finding, ruleId: rule.meta.id, branch: branch.header.id }),
        });
      }
      for (const file of rule.checkFile ? loaded : []) {
        rule.checkFile!({
          file,
          options,
          report: (finding) => raw.push({ ...finding, ruleId: rule.meta.id, branch: fileBranch.get(file.file.display) }),
        });
      }
    }
    const findings = this.finish(raw, branches);
    return { result: { version: 1, asOf: window.asOf, findings, summary: summarize(findings, files.length, branches.length) }, branches };
  }

  /** Severities, waivers, stale waivers, --quiet, messages and order. */
  private finish(raw: RawFinding[], branches: Branch[]): Finding[] {
    const byBranch = new Map(branches.map((b) => [b.header.id, b]));
    const used = new Set<object>();
    const findings: Finding[] = [];
    const add = (item: RawFinding, severity: Severity, waiver?: { reason: string; approvedBy: string }) => {
      if (this.options.quiet && severity !== 'error') return;
      findings.push(this.localize(item, severity, waiver));
    };
    for (const item of raw) {
      const rule = this.byId.get(item.ruleId);
      const configured = rule ? this.severityOf(rule) : 'error';
      if (configured === 'off') continue;
      const severity = item.severity ? milder(item.severity, configured) : configured;
      const branch = item.branch ? byBranch.get(item.branch) : undefined;
      const waiver = item.period
        ? branch?.waivers.find((w) => w.rule === item.ruleId && w.period.id === item.period)
        : undefined;
      if (waiver) used.add(waiver);
      add(item, severity, waiver && { reason: waiver.reason, approvedBy: waiver.approvedBy });
    }
    const stale = this.byId.get('stale-waiver')!;
    const staleSeverity = this.severityOf(stale);
    if (staleSeverity !== 'off') {
      for (const branch of branches) {
        if (branch.incomplete) continue;
        for (const waiver of branch.waivers) {
          const waived = this.byId.get(waiver.rule);
          if (used.has(waiver) || !waived || this.severityOf(waived) === 'off') continue;
          if (periodState(branch, waiver.period, this.options.window) !== 'evaluated') continue;
          add(
            {
              ruleId: 'stale-waiver',
              branch: branch.header.id,
              period: waiver.period.id,
              location: waiver.location,
              messageId: 'waiver.stale',
              params: { rule: waiver.rule, period: waiver.period.id },
            },
            staleSeverity,
          );
        }
      }
    }
    return findings.sort(compareFindings);
  }

  private localize(item: RawFinding, severity: Severity, waived?: { reason: string; approvedBy: string }): Finding {
    // Key order is the JSON output's field order.
    const finding: Finding = {
      ruleId: item.ruleId,
      severity,
      ...(item.branch !== undefined ? { branch: item.branch } : {}),
      ...(item.period !== undefined ? { period: item.period } : {}),
      file: maskPersonalData(item.location.file),
      line: item.location.line,
      column: item.location.column,
      message: maskPersonalData(message(this.options.lang, item.messageId, item.params)),
      ...(waived ? { waived: { reason: maskPersonalData(waived.reason), approvedBy: maskPersonalData(waived.approvedBy) } } : {}),
    };
    return finding;
  }
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

/** Order: file, line, column, rule id, period, then message, so that output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
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
