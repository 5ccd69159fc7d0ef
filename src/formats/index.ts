/**
 * The output formats of every command, one registry per command: name → how to load its formatter
 * and what the command must know about it. The registries are the one list of names that option
 * validation, the help text and the dispatch all read, so a format cannot be offered and not run,
 * nor run as another. Each formatter is a pure function in its own module, loaded only when chosen
 * so that the common path does not pay for the others.
 */
import type { DueModel } from '../report/due.js';
import type { ReportModel } from '../report/model.js';
import type { RuleMeta } from '../rules/rule.js';
import type { CheckResult, Lang, Severity } from '../types.js';

/** One output format of a command. */
export interface FormatSpec<Render> {
  load(): Promise<Render>;
  /** Made for a person at a terminal: coloured there, and the progress counter may show beside it. */
  forTerminal?: boolean;
  /** Bytes a terminal cannot show: written only to a file named with --output. */
  binary?: boolean;
}

/** A command's formats by name, the default first, that render with `Render` (the names kept as a type). */
function registryOf<Render>() {
  return <Name extends string>(formats: Record<Name, FormatSpec<Render>>): Record<Name, FormatSpec<Render>> => formats;
}

/** The names of a registry's formats, in order (the default first). */
export function formatNames<Name extends string>(registry: Record<Name, unknown>): Name[] {
  return Object.keys(registry) as Name[];
}

/** An enabled rule and the severity it has in this run. */
export interface RuleInfo {
  meta: RuleMeta;
  severity: Severity;
  /** Whether docs/rules/<id>.md documents it (built-in rules; not rules added by configuration). */
  documented: boolean;
  /** The rule's page, as Markdown and as plain text, read when a format asks for it (SARIF). */
  help?: () => { text: string; markdown: string } | undefined;
}

/** The part of a `--shard I/N` run that `merge` needs to check that it has every shard. */
export interface ShardInfo {
  index: number;
  count: number;
  /** The files this shard checked (display paths, sorted). */
  files: string[];
  /** The language of its messages, and a key of every setting that decides its findings (for `merge`). */
  lang?: Lang;
  settings?: string;
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
  /** The configuration used, when it was found in a folder above the working directory (JSON names it). */
  config?: string;
}

/** A check formatter's output: text, or text in parts (a large JSON, a finding at a time). */
export type Formatter = (result: CheckResult, context: FormatContext) => string | Iterable<string>;

/** What `report` and `due` formatters are given beside their model (each takes the part it needs). */
export interface ModelFormatContext {
  /** chalk colour level for the terminal formats; every other format ignores it. */
  colorLevel: 0 | 1 | 2 | 3;
  /** The tool's version, named in the files made for other programs (HTML, XLSX, iCalendar). */
  version: string;
}

/** A report formatter's output: text, text in parts (a large JSON), or the bytes of a workbook. */
export type ReportFormatter = (model: ReportModel, context: ModelFormatContext) => string | Iterable<string> | Promise<Uint8Array>;
/** A due formatter's output: text, or text in parts (a large JSON, an item at a time). */
export type DueFormatter = (model: DueModel, context: ModelFormatContext) => string | Iterable<string>;

/** The formats of `check` and `merge`. */
export const checkFormats = registryOf<Formatter>()({
  stylish: { load: async () => (await import('./stylish.js')).formatStylish, forTerminal: true },
  json: {
    load: async () => {
      const { formatJsonParts } = await import('./json.js');
      return (result, context) => formatJsonParts(result, context.shard, context.config);
    },
  },
  sarif: { load: async () => (await import('./sarif.js')).formatSarif },
  junit: { load: async () => (await import('./junit.js')).formatJunit },
  github: { load: async () => (await import('./github.js')).formatGithub },
  markdown: { load: async () => (await import('./markdown.js')).formatMarkdown },
  codequality: { load: async () => (await import('./codequality.js')).formatCodeQuality },
});

/** The formats of `report`. */
export const reportFormats = registryOf<ReportFormatter>()({
  table: { load: async () => (await import('./report-table.js')).formatReportTable, forTerminal: true },
  markdown: { load: async () => (await import('./report-markdown.js')).formatReportMarkdown },
  csv: { load: async () => (await import('./report-csv.js')).formatReportCsv },
  xlsx: { load: async () => (await import('./report-xlsx.js')).formatReportXlsx, binary: true },
  html: { load: async () => (await import('./report-html.js')).formatReportHtml },
  json: { load: async () => (await import('./report-json.js')).formatReportJson },
});

/** The formats of `due`. */
export const dueFormats = registryOf<DueFormatter>()({
  table: { load: async () => (await import('./due-table.js')).formatDueTable, forTerminal: true },
  json: { load: async () => (await import('./due-json.js')).formatDueJson },
  ics: { load: async () => (await import('./due-ics.js')).formatDueIcs },
});

export type CheckFormat = keyof typeof checkFormats;

export const CHECK_FORMATS = formatNames(checkFormats);
export const REPORT_FORMATS = formatNames(reportFormats);
export const DUE_FORMATS = formatNames(dueFormats);
