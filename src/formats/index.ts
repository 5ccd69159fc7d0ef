/**
 * The output formats of `check` and `merge`: each is a pure function from a result (and what the
 * result alone does not say: language, rules, checked files) to a string, in its own module, loaded
 * only when chosen so that the common path does not pay for the others.
 */
import type { RuleMeta } from '../rules/rule.js';
import type { CheckResult, Lang, Severity } from '../types.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'codequality'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The formats of `report` and of `due` (their commands are loaded only when run). */
export const REPORT_FORMATS = ['table', 'markdown', 'csv', 'xlsx', 'html', 'json'] as const;
export const DUE_FORMATS = ['table', 'json', 'ics'] as const;

/** An enabled rule and the severity it has in this run. */
export interface RuleInfo {
  meta: RuleMeta;
  severity: Severity;
  /** Whether docs/rules/<id>.md documents it (built-in rules; not rules added by configuration). */
  documented: boolean;
}

/** The part of a `--shard I/N` run that `merge` needs to check that it has every shard. */
export interface ShardInfo {
  index: number;
  count: number;
  /** The files this shard checked (display paths, sorted). */
  files: string[];
}

export interface FormatContext {
  lang: Lang;
  /** chalk colour level for stylish; every other format ignores it. */
  colorLevel: 0 | 1 | 2 | 3;
  tool: {
    version: string;
    /** Absolute URL, ending in `/`, of the folder that holds README.md and docs/rules/. */
    docsBase: string;
  };
  /** Enabled rules, in documentation order. */
  rules: RuleInfo[];
  /** Every checked file (display paths, sorted), including those without findings. */
  files: string[];
  /** Present in the JSON of a `--shard` run only. */
  shard?: ShardInfo;
}

export type Formatter = (result: CheckResult, context: FormatContext) => string;

const LOADERS: Record<CheckFormat, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => {
    const { formatJson } = await import('./json.js');
    return (result, context) => formatJson(result, context.shard);
  },
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  codequality: async () => (await import('./codequality.js')).formatCodeQuality,
};

export function loadFormatter(format: CheckFormat): Promise<Formatter> {
  return LOADERS[format]();
}

/** Formats that are read by programs: never coloured. */
export function isMachineFormat(format: CheckFormat): boolean {
  return format !== 'stylish';
}
