/**
 * `dangjian merge FILES...`: the `--format json` results of `check --shard I/N` runs, combined into
 * what one run over all the files prints, in any format. Results of `--shard` runs must be all N
 * shards of one partition, each once; plain results (without the shard block) are combined as long
 * as they checked different files.
 */
import path from 'node:path';
import { readBounded } from '../util/read-bounded.js';
import { mergeRuleSettings } from '../config/index.js';
import { compareFindings, Engine, summarize } from '../engine.js';
import { checkFormats, type ShardInfo } from '../formats/index.js';
import { isCalendarDate } from '../model/dates.js';
import { parseCount, UsageError } from '../options.js';
import { outputText } from '../privacy.js';
import { LANGS, type BranchInfo, type CheckResult, type Finding, type Lang, type Severity } from '../types.js';
import { compareText } from '../util/compare.js';
import { summarizeStarts, yearStartOf, type StartSummary } from '../model/window.js';
import { configFor, ruleSettings } from './common.js';
import type { Io } from './io.js';
import { parseFormat } from './format-option.js';
import { exitStatus, guardOutput, resolveDocsBase, ruleInfos, writeResult } from './output.js';

export interface MergeCommandOptions {
  format?: string;
  output?: string;
  rule?: string[];
  config?: string;
  maxWarnings?: string;
  color?: boolean;
  docsUrl?: string;
}

interface Input {
  file: string;
  result: CheckResult;
  shard?: ShardInfo;
}

type Json = Record<string, unknown>;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

/** A finding in the contract's key order, or undefined when the value is not one. */
function toFinding(value: unknown): Finding | undefined {
  if (!isObject(value)) return undefined;
  const { ruleId, severity, branch, period, file, sheet, line, column, message, waived } = value;
  if (!isText(ruleId) || !SEVERITIES.includes(severity as Severity) || !isText(file) || !isText(message)) return undefined;
  if (!isPosition(line) || !isPosition(column)) return undefined;
  if ((branch !== undefined && !isText(branch)) || (period !== undefined && !isText(period)) || (sheet !== undefined && !isText(sheet))) return undefined;
  if (waived !== undefined && !(isObject(waived) && isText(waived.reason) && isText(waived.approvedBy))) return undefined;
  // check masked personal numbers and escaped control characters already; a result edited by hand
  // gets the same treatment.
  return {
    ruleId,
    severity: severity as Severity,
    ...(branch !== undefined ? { branch: outputText(branch as string) } : {}),
    ...(period !== undefined ? { period: outputText(period as string) } : {}),
    file: outputText(file),
    ...(sheet !== undefined ? { sheet: outputText(sheet as string) } : {}),
    line,
    column,
    message: outputText(message),
    ...(waived ? { waived: { reason: outputText(waived.reason as string), approvedBy: outputText(waived.approvedBy as string) } } : {}),
  };
}

/** Branch id → date, or undefined when the value is not such a map. */
function toStarts(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([, date]) => isText(date) && isCalendarDate(date))) return undefined;
  return Object.fromEntries(entries.map(([id, date]) => [outputText(id), date as string]));
}

/** A shard's branches (id → name and evaluation start), or undefined when the value is not that. */
function toBranches(value: unknown): Record<string, BranchInfo> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  const valid = (info: unknown) => isObject(info) && isText(info.name) && isText(info.since) && isCalendarDate(info.since);
  if (!entries.every(([, info]) => valid(info))) return undefined;
  return Object.fromEntries(
    entries.map(([id, info]) => [outputText(id), { name: outputText((info as Json).name as string), since: (info as Json).since as string }]),
  );
}

function toShard(value: unknown): (ShardInfo & { branches?: Record<string, BranchInfo> }) | undefined {
  if (!isObject(value)) return undefined;
  const { index, count, files, branches, lang, settings } = value;
  if (!isPosition(index) || !isPosition(count) || index > count) return undefined;
  if (!Array.isArray(files) || !files.every(isText)) return undefined;
  const info = branches === undefined ? undefined : toBranches(branches);
  if (branches !== undefined && !info) return undefined;
  // Shards written before they said their language and settings carry neither.
  if ((lang !== undefined && !LANGS.includes(lang as Lang)) || (settings !== undefined && !isText(settings))) return undefined;
  return {
    index,
    count,
    files: files.map(outputText),
    ...(info ? { branches: info } : {}),
    ...(lang !== undefined ? { lang: lang as Lang } : {}),
    ...(settings !== undefined ? { settings: settings as string } : {}),
  };
}

/** A result larger than this is none (a string cannot hold much more). */
const MAX_RESULT_BYTES = 256 * 1024 * 1024;

/** Reads one input; anything but a `check --format json` result is a usage error naming the file. */
function readInput(file: string, io: Io): Input {
  let bytes: Buffer | undefined;
  try {
    // A result is a JSON object: anything else (/dev/zero) is known by its first bytes, never read to its end.
    bytes = readBounded(path.resolve(io.cwd, file), MAX_RESULT_BYTES, (first) => /^(\uFEFF)?\s*\{/.test(first.toString('utf8', 0, 64)));
  } catch (error) {
    throw new UsageError('usage.mergeUnreadable', { file, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  const notResult = new UsageError('usage.mergeNotResult', { file });
  if (bytes === undefined) throw notResult;
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw notResult;
  }
  if (!isObject(value) || !isObject(value.summary) || !Array.isArray(value.findings)) throw notResult;
  if (value.version !== 1) {
    if (isCount(value.version)) throw new UsageError('usage.mergeVersion', { file, version: value.version });
    throw notResult;
  }
  if (!isText(value.asOf) || !isCalendarDate(value.asOf)) throw notResult;
  const { files, branches } = value.summary;
  if (!isCount(files) || !isCount(branches)) throw notResult;
  const findings = value.findings.map(toFinding);
  if (findings.some((finding) => finding === undefined)) throw notResult;
  const shard = value.shard === undefined ? undefined : toShard(value.shard);
  if (value.shard !== undefined && !shard) throw notResult;
  // Results written before evaluation starts were stated carry none.
  const since = value.since === undefined ? undefined : value.since;
  const sinceByBranch = value.sinceByBranch === undefined ? {} : toStarts(value.sinceByBranch);
  if ((since !== undefined && !(isText(since) && isCalendarDate(since))) || !sinceByBranch) throw notResult;
  const result: CheckResult = {
    version: 1,
    asOf: value.asOf,
    since: since ?? yearStartOf(value.asOf),
    ...(Object.keys(sinceByBranch).length ? { sinceByBranch } : {}),
    ...(shard?.branches ? { branches: shard.branches } : {}),
    findings: findings as Finding[],
    summary: { files, branches, errors: 0, warnings: 0, waived: 0 },
  };
  return { file, result, ...(shard ? { shard } : {}) };
}

/** Every input has the same as-of date; shards are exactly 1..N of one N; no file is in two inputs. */
function checkConsistent(inputs: Input[]): void {
  const [first] = inputs;
  for (const input of inputs) {
    if (input.result.asOf !== first.result.asOf) {
      throw new UsageError('usage.mergeAsOf', { file: input.file, asOf: input.result.asOf, first: first.file, firstAsOf: first.result.asOf });
    }
    if (Boolean(input.shard) !== Boolean(first.shard)) {
      throw new UsageError('usage.mergeMixed', { file: (input.shard ? first : input).file });
    }
    // Shards in two languages would give a report in both; under other rules, other findings.
    const [lang, firstLang] = [input.shard?.lang, first.shard?.lang];
    if (lang && firstLang && lang !== firstLang) throw new UsageError('usage.mergeLang', { file: input.file, lang, first: first.file, firstLang });
    const [settings, firstSettings] = [input.shard?.settings, first.shard?.settings];
    if (settings && firstSettings && settings !== firstSettings) throw new UsageError('usage.mergeSettings', { file: input.file, first: first.file });
  }
  const owner = new Map<string, string>();
  const claim = (checked: string, input: Input) => {
    const other = owner.get(checked);
    if (other !== undefined && other !== input.file) throw new UsageError('usage.mergeOverlap', { checked, file: input.file, other });
    owner.set(checked, input.file);
  };
  if (!first.shard) {
    for (const input of inputs) for (const finding of input.result.findings) claim(finding.file, input);
    return;
  }
  const { count } = first.shard;
  const byIndex = new Map<number, string>();
  for (const input of inputs) {
    const shard = input.shard!;
    if (shard.count !== count) throw new UsageError('usage.mergeShardCount', { file: input.file, count: shard.count, first: first.file, firstCount: count });
    const twice = byIndex.get(shard.index);
    if (twice !== undefined) throw new UsageError('usage.mergeShardTwice', { index: shard.index, count, file: input.file, other: twice });
    byIndex.set(shard.index, input.file);
    for (const checked of shard.files) claim(checked, input);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length) throw new UsageError('usage.mergeShardMissing', { missing: missing.map((i) => `${i}/${count}`).join(', ') });
}

/** The inputs combined as one run over all their files would have reported them. */
export function mergeResults(inputs: Input[]): { result: CheckResult; files: string[] } {
  checkConsistent(inputs);
  const findings = inputs.flatMap((input) => input.result.findings).sort(compareFindings);
  const files = inputs.reduce((sum, input) => sum + input.result.summary.files, 0);
  const branches = inputs.reduce((sum, input) => sum + input.result.summary.branches, 0);
  const checked = inputs[0].shard
    ? inputs.flatMap((input) => input.shard!.files)
    : [...new Set(findings.map((finding) => finding.file))];
  const { asOf } = inputs[0].result;
  return {
    result: { version: 1, asOf, ...mergeStarts(inputs, asOf), findings, summary: summarize(findings, files, branches) },
    files: checked.sort(compareText),
  };
}

/**
 * The evaluation starts of the whole run: every branch of a shard (its `shard.branches`); of a
 * plain result, the branches it lists, the others counted under its `since`.
 */
function mergeStarts(inputs: Input[], asOf: string): StartSummary & { branches?: Record<string, BranchInfo> } {
  const starts = new Map<string, string>();
  const unlisted = new Map<string, number>();
  const branches: Record<string, BranchInfo> = {};
  for (const { result } of inputs) {
    Object.assign(branches, result.branches ?? {});
    const listed = result.branches
      ? Object.fromEntries(Object.entries(result.branches).map(([id, info]) => [id, info.since]))
      : (result.sinceByBranch ?? {});
    for (const [id, start] of Object.entries(listed)) starts.set(id, start);
    const rest = result.summary.branches - Object.keys(listed).length;
    if (rest > 0) unlisted.set(result.since, (unlisted.get(result.since) ?? 0) + rest);
  }
  const sorted = Object.keys(branches).sort(compareText);
  return {
    ...summarizeStarts(starts, { asOf }, unlisted),
    ...(inputs.every((input) => input.result.branches) ? { branches: Object.fromEntries(sorted.map((id) => [id, branches[id]])) } : {}),
  };
}

export async function mergeCommand(paths: string[], options: MergeCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseFormat(checkFormats, options.format).name;
  const maxWarnings = options.maxWarnings !== undefined ? parseCount('--max-warnings', options.maxWarnings) : -1;
  const docsBase = resolveDocsBase(options.docsUrl);
  guardOutput(io, options.output, paths.map((file) => path.resolve(io.cwd, file)));
  const inputs = paths.map((file) => readInput(file, io));
  const { result, files } = mergeResults(inputs);
  // Rule metadata is not in the JSON: it comes from the rule list, with the same configuration and
  // --rule settings as the shard runs.
  const config = configFor(io, options.config);
  const base = { window: { asOf: result.asOf }, lang, extraTypes: config.types, extraCadences: config.cadences };
  const unconfigured = new Engine(base);
  const engine = new Engine({ ...base, rules: mergeRuleSettings(config, ruleSettings(unconfigured, options.rule), unconfigured.rules) });
  await writeResult(io, result, { format, output: options.output, color: options.color, lang, docsBase, details: () => ({ rules: ruleInfos(engine), files }) });
  return exitStatus(result.summary, maxWarnings);
}
