/**
 * What `check` and `merge` share once they have a result: the format context (rules, files, tool
 * version, documentation base), rendering in the chosen format, writing, and the exit status.
 */
import { type BigIntStats, statSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine.js';
import { checkFormats, type CheckFormat, type FormatContext, type RuleInfo } from '../formats/index.js';
import { UsageError } from '../options.js';
import type { Rendering } from '../run/check-run.js';
import type { CheckResult, Lang, Severity, Summary } from '../types.js';
import { VERSION } from '../version.js';
import { outputColorLevel } from './format-option.js';
import { displayPath } from '../load/files.js';
import { findPersonalNumbers, outputText } from '../privacy.js';
import { emit, type Io } from './io.js';
import { ruleHelp } from './rule-page.js';
import { settleHeap } from '../run/heap-budget.js';
import { outputChunks } from '../write-file.js';


/**
 * The base that SARIF's helpUri and informationUri resolve `docs/rules/<id>.md` and `README.md`
 * against: `--docs-url` (for example where a copy of this repository is published). Without it
 * there is none (''): a file: URL of wherever the package is installed means nothing on a code
 * scanning dashboard, and SARIF carries each rule's whole page as its help instead.
 */
export function resolveDocsBase(value: string | undefined): string {
  if (value === undefined) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('usage.badDocsUrl', { value });
  }
  if (!/^(https?|file):$/.test(url.protocol)) throw new UsageError('usage.badDocsUrl', { value });
  // The address goes into every rule's link of the output: no personal number may go with it.
  if (findPersonalNumbers(value).length) throw new UsageError('usage.docsUrlPersonal', { value });
  return url.href.replace(/\/?$/, '/');
}

/** The enabled rules of a run, each with its severity in this run. */
export function ruleInfos(engine: Engine): RuleInfo[] {
  const builtIn = new Set(new Engine({ window: engine.options.window, lang: engine.options.lang }).rules.map((rule) => rule.meta.id));
  return engine.rules
    .filter((rule) => engine.severityOf(rule) !== 'off')
    .map((rule) => ({
      meta: rule.meta,
      severity: engine.severityOf(rule) as Severity,
      documented: builtIn.has(rule.meta.id),
      help: () => ruleHelp(rule, engine.types, engine.options.lang),
    }));
}

export interface ResultOutputOptions {
  format: CheckFormat;
  output?: string;
  /** --color / --no-color. */
  color?: boolean;
  lang: Lang;
  docsBase: string;
  /** The enabled rules and the checked files: asked for only when a result is rendered. */
  details: () => { rules: RuleInfo[]; files: string[] };
  /** `--shard I/N`: its JSON says which shard it is and which files it checked. */
  shard?: { index: number; count: number; lang?: Lang; settings?: string };
  /** The configuration used, when found in a folder above: the JSON names it. */
  configAbove?: string;
}

/**
 * How a result is rendered in the chosen format: for --output, or stdout (coloured only on a
 * terminal). The key names everything the bytes depend on beyond the run's files and options.
 */
export async function resultRendering(io: Io, options: ResultOutputOptions): Promise<Rendering> {
  const { format, lang, docsBase, shard, configAbove } = options;
  const level = await outputColorLevel(checkFormats[format], options, io);
  return {
    key: JSON.stringify([format, level, lang, docsBase, shard ? [shard.index, shard.count] : null, ...(configAbove ? [configAbove] : [])]),
    async render(result) {
      const formatter = await checkFormats[format].load();
      settleHeap();
      const { rules, files } = options.details();
      const context: FormatContext = {
        lang,
        colorLevel: level,
        tool: { version: VERSION, docsBase },
        rules,
        files,
        ...(shard ? { shard: { ...shard, files } } : {}),
        ...(configAbove ? { config: outputText(configAbove) } : {}),
      };
      // Converted a part at a time: a large output is never one string as well as its bytes.
      const output = formatter(result, context);
      return typeof output === 'string' ? Buffer.from(output, 'utf8') : [...outputChunks(output)];
    },
  };
}

/** Renders the result in the chosen format and writes it to --output or stdout. */
export async function writeResult(io: Io, result: CheckResult, options: ResultOutputOptions): Promise<void> {
  emit(io, await (await resultRendering(io, options)).render(result), options.output);
}

/** 0, or 1 when an unwaived error remains or there are more warnings than --max-warnings allows. */
export function exitStatus(summary: Summary, maxWarnings: number): number {
  const { errors, warnings } = summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * Refuses an --output that would replace what the run reads: an input file, a file found in the
 * inputs, the configuration, the cache (`protectedFiles`, absolute), by whatever name, symbolic or
 * hard link reaches it (compared by device and file id), and any .yaml or .yml name (it would be
 * read as a broken log by the next check). Called before the run, so that nothing is computed in vain.
 */
export function guardOutput(io: Io, output: string | undefined, protectedFiles: Iterable<string | undefined>): void {
  if (output === undefined) return;
  const target = path.resolve(io.cwd, output);
  if (/\.ya?ml$/i.test(target)) throw new UsageError('usage.outputIsYaml', { file: output });
  const stats = statOf(target);
  // Nothing there, or a device or a pipe (`-o /dev/stdout`): no file is replaced.
  if (!stats?.isFile()) return;
  for (const file of protectedFiles) {
    const other = file === undefined ? undefined : statOf(file);
    if (other && other.ino === stats.ino && other.dev === stats.dev && (other.ino !== 0n || path.resolve(file!) === target)) {
      throw new UsageError('usage.outputIsInput', { file: output, input: displayPath(file!, io.cwd) });
    }
  }
}

/** What a run reads: its input files and its configuration (with the assignments file). */
export function* runInputs(run: { files: { absolute: string }[]; config: { file?: string; assignmentsFile?: string } }): Iterable<string | undefined> {
  for (const file of run.files) yield file.absolute;
  yield run.config.file;
  yield run.config.assignmentsFile;
}
