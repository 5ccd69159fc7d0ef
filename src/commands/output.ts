/**
 * What `check` and `merge` share once they have a result: the format context (rules, files, tool
 * version, documentation base), rendering in the chosen format, writing, and the exit status.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from '../engine.js';
import { isMachineFormat, loadFormatter, type CheckFormat, type FormatContext, type RuleInfo, type ShardInfo } from '../formats/index.js';
import { UsageError } from '../options.js';
import type { CheckResult, Lang, Severity } from '../types.js';
import { colorLevel, emit, type Io } from './io.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let version: string | undefined;

export function toolVersion(): string {
  version ??= JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version as string;
  return version;
}

/**
 * The base that SARIF's helpUri and informationUri resolve `docs/rules/<id>.md` and `README.md`
 * against: `--docs-url` (for example where a copy of this repository is published), else the
 * installed package itself as a file: URL, which holds both and claims no address we do not own.
 */
export function resolveDocsBase(value: string | undefined): string {
  if (value === undefined) return pathToFileURL(PACKAGE_ROOT).href.replace(/\/?$/, '/');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('usage.badDocsUrl', { value });
  }
  if (!/^(https?|file):$/.test(url.protocol)) throw new UsageError('usage.badDocsUrl', { value });
  return url.href.replace(/\/?$/, '/');
}

/** The enabled rules of a run, each with its severity in this run. */
export function ruleInfos(engine: Engine): RuleInfo[] {
  const builtIn = new Set(new Engine({ window: engine.options.window, lang: engine.options.lang }).rules.map((rule) => rule.meta.id));
  return engine.rules
    .filter((rule) => engine.severityOf(rule) !== 'off')
    .map((rule) => ({ meta: rule.meta, severity: engine.severityOf(rule) as Severity, documented: builtIn.has(rule.meta.id) }));
}

export interface ReportOptions {
  format: CheckFormat;
  output?: string;
  /** --color / --no-color. */
  color?: boolean;
  lang: Lang;
  docsBase: string;
  rules: RuleInfo[];
  files: string[];
  shard?: ShardInfo;
}

/** Renders the result in the chosen format and writes it to --output or stdout. */
export async function writeReport(io: Io, result: CheckResult, options: ReportOptions): Promise<void> {
  const formatter = await loadFormatter(options.format);
  const context: FormatContext = {
    lang: options.lang,
    colorLevel:
      isMachineFormat(options.format) || options.output !== undefined ? 0 : await colorLevel(options.color, io.env, io.stdout.isTTY),
    tool: { version: toolVersion(), docsBase: options.docsBase },
    rules: options.rules,
    files: options.files,
    ...(options.shard ? { shard: options.shard } : {}),
  };
  emit(io, formatter(result, context), options.output);
}

/** 0, or 1 when an unwaived error remains or there are more warnings than --max-warnings allows. */
export function exitStatus(result: CheckResult, maxWarnings: number): number {
  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
