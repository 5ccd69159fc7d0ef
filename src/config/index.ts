/**
 * dangjian.config.yaml: found in the working directory or above it, or given with --config;
 * validated against the config schema. A mistake in it is a usage error naming file, line and column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBounded } from '../util/read-bounded.js';
import { message } from '../i18n/index.js';
import { normalizeLineBreaks } from '../load/decode.js';
import { LineIndex, positionOf, type PositionIndex } from '../load/positions.js';
import { parseYaml } from '../load/yaml.js';
import { BUILTIN_TYPES, TypeRegistry, type ActivityType } from '../model/activity-types.js';
import { isValidTimeZone } from '../model/dates.js';
import { UsageError } from '../options.js';
import { findPersonalNumbers } from '../privacy.js';
import type { CadenceDefinition } from '../rules/cadence/definitions.js';
import type { RecordField, RecordRequirements } from '../model/records.js';
import { allRules } from '../rules/index.js';
import type { AssignmentPlan } from '../rules/party-day-assignments/index.js';
import { configValidationSchema } from './schema.js';
import { nearest } from '../util/nearest.js';
import { PERIOD_PATTERN } from '../schema/branch-log-schema.js';
import { SchemaValidator, type SchemaIssue } from '../schema/validate.js';
import type { Lang, MessageParams, SeveritySetting } from '../types.js';
import type { RuleSetting } from '../engine.js';
import type { Rule } from '../rules/rule.js';

export const CONFIG_NAMES = ['dangjian.config.yaml', 'dangjian.config.yml'];

export interface Config {
  /** Absolute path of the file, or undefined when there is none. */
  file?: string;
  /** The folder that include, ignore and assignments are relative to. */
  base: string;
  timezone?: string;
  since?: string;
  lang?: Lang;
  include: string[];
  ignore: string[];
  maxFileSize?: number;
  rules: Record<string, RuleSetting>;
  /** `rules: { default: off }`: every rule not listed under rules (nor given with --rule) is off. */
  unlistedRules: 'on' | 'off';
  types: ActivityType[];
  cadences: CadenceDefinition[];
  /** What the record of each activity type must carry, by type id (replacing the built-in row). */
  records?: RecordRequirements;
  assignments?: AssignmentPlan;
  assignmentsFile?: string;
}

export function emptyConfig(cwd: string): Config {
  return { base: cwd, include: [], ignore: [], rules: {}, unlistedRules: 'on', types: [], cadences: [] };
}

/** The config file to use: --config, else the first dangjian.config.yaml from cwd upwards. */
export function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError('config.missing', { file: explicit });
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(cwd: string, explicit: string | undefined): Config {
  const file = findConfigFile(cwd, explicit);
  if (!file) return emptyConfig(cwd);
  const display = path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
  const { value, positions } = readYamlFile(file, display);
  const fail = (pointer: string, messageId: string, params: MessageParams = {}, which: 'key' | 'value' = 'key'): never => {
    const at = positionOf(positions, pointer, which);
    throw new UsageError('config.error', { file: display, line: at.line, column: at.column, detail: both(messageId, params) });
  };
  const builtinRules = allRules(new TypeRegistry(BUILTIN_TYPES));
  const raw = withoutEmptySettings(value);
  const issues = new SchemaValidator(configValidationSchema(builtinRules)).check(raw);
  if (issues.length === 1) failWithIssue(issues[0], fail);
  if (issues.length > 1) failWithIssues(issues, positions, display);
  const config = emptyConfig(path.dirname(file));
  config.file = file;

  if (raw.timezone !== undefined) {
    if (!isValidTimeZone(String(raw.timezone))) fail('/timezone', 'config.badTimezone', { value: String(raw.timezone) }, 'value');
    config.timezone = String(raw.timezone);
  }
  config.since = raw.since as string | undefined;
  config.lang = raw.lang as Lang | undefined;
  config.include = (raw.include as string[] | undefined) ?? [];
  // The configuration speaks for its own folder: it never makes the tool read files elsewhere.
  config.include.forEach((pattern, index) => {
    if (leavesFolder(pattern)) fail(`/include/${index}`, 'config.includeOutside', { value: pattern }, 'value');
  });
  config.ignore = (raw.ignore as string[] | undefined) ?? [];
  if (raw.maxFileSize !== undefined) config.maxFileSize = parseSize(raw.maxFileSize as string | number);

  config.types = ((raw.types as ActivityType[] | undefined) ?? []).map((t) => ({ ...t, aliases: t.aliases ?? [], en: t.en ?? t.id }));
  const known = new TypeRegistry(BUILTIN_TYPES);
  config.types.forEach((type, index) => {
    for (const name of [type.id, type.name, ...type.aliases]) {
      if (known.resolve(name)) fail(`/types/${index}`, 'config.typeClash', { name });
    }
  });
  const types = new TypeRegistry([...BUILTIN_TYPES, ...config.types]);

  config.cadences = (raw.cadences as CadenceDefinition[] | undefined) ?? [];
  // `default` under rules is the setting of the rules not listed, never a rule's id.
  const ruleIds = new Set([...builtinRules.map((rule) => rule.meta.id), DEFAULT_KEY]);
  config.cadences.forEach((cadence, index) => {
    if (ruleIds.has(cadence.id)) fail(`/cadences/${index}/id`, 'config.cadenceClash', { id: cadence.id }, 'value');
    ruleIds.add(cadence.id);
    const type = types.resolve(cadence.type);
    if (!type) {
      const suggestion = nearest(cadence.type, types.allNames());
      const id = suggestion ? 'config.unknownTypeSuggest' : 'config.unknownType';
      fail(`/cadences/${index}/type`, id, { type: cadence.type, suggestion: suggestion ?? '' }, 'value');
    }
    cadence.type = type!.id;
  });

  if (raw.records !== undefined && raw.records !== null) {
    const records: RecordRequirements = {};
    for (const [name, fields] of Object.entries(raw.records as Record<string, RecordField[]>)) {
      const type = types.resolve(name);
      if (!type) {
        const suggestion = nearest(name, types.allNames());
        fail(`/records/${name}`, suggestion ? 'config.unknownTypeSuggest' : 'config.unknownType', { type: name, suggestion: suggestion ?? '' });
      }
      records[type!.id] = fields;
    }
    config.records = records;
  }

  const inputRules = new Set(builtinRules.filter((rule) => rule.meta.category === 'input').map((rule) => rule.meta.id));
  for (const [id, setting] of Object.entries((raw.rules as Record<string, unknown> | undefined) ?? {})) {
    if (id === DEFAULT_KEY) {
      config.unlistedRules = setting as 'on' | 'off';
      continue;
    }
    if (inputRules.has(id)) fail(`/rules/${id}`, 'config.inputRule', { id });
    if (!ruleIds.has(id)) {
      const suggestion = nearest(id, [...ruleIds]);
      fail(`/rules/${id}`, suggestion ? 'config.unknownRuleSuggest' : 'config.unknownRule', { id, suggestion: suggestion ?? '' });
    }
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    config.rules[id] = { severity: severity as SeveritySetting, ...(options ? { options: options as Record<string, unknown> } : {}) };
  }

  if (raw.assignments !== undefined) {
    config.assignmentsFile = path.resolve(config.base, String(raw.assignments));
    config.assignments = loadAssignments(config.assignmentsFile, cwd, () =>
      fail('/assignments', 'config.assignmentsMissing', { file: String(raw.assignments) }, 'value'),
    );
  }
  return config;
}

/** `rules:` with every line under it commented out reads as null: treat it as not set. */
function withoutEmptySettings(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(value).filter(([, setting]) => setting !== null));
}

function readYamlFile(file: string, display: string): { value: unknown; positions: PositionIndex } {
  let text: string;
  try {
    text = normalizeLineBreaks(new TextDecoder('utf-8', { fatal: true }).decode(readConfigBytes(file, display)).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError('config.unreadable', { file: display });
  }
  // Rule ids, titles and sources from the configuration are printed by every command and format.
  const [personal] = findPersonalNumbers(text);
  if (personal) {
    const { line, column } = new LineIndex(text).position(personal.index);
    throw new UsageError('config.error', { file: display, line, column, detail: both('config.personalData', { masked: personal.masked }) });
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { position, kind } = parsed.problem;
    throw new UsageError('config.error', {
      file: display,
      line: position.line,
      column: position.column,
      detail: both(`load.yaml.${kind}`, { code: parsed.problem.code ?? '', count: parsed.problem.detail ?? '', hint: '' }),
    });
  }
  return { value: parsed.value, positions: parsed.positions };
}

/** A configuration or assignments file is small: more than this is some other file (or a device such as /dev/zero). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The bytes of a file, read to its end unless it passes MAX_CONFIG_BYTES (so that /dev/zero ends too). */
function readConfigBytes(file: string, display: string): Uint8Array {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(file, MAX_CONFIG_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTFILE') throw new UsageError('config.notFile', { file: display });
    throw error;
  }
  if (bytes === undefined) throw new UsageError('config.tooLarge', { file: display, limit: '1 MiB' });
  return bytes;
}

/** The assignments file: months (YYYY-MM) to the items the parent committee assigned. */
function loadAssignments(file: string, cwd: string, missing: () => never): AssignmentPlan {
  if (!existsSync(file)) missing();
  const display = path.relative(cwd, file).split(path.sep).join('/');
  const { value, positions } = readYamlFile(file, display);
  const plan: AssignmentPlan = {};
  const fail = (pointer: string): never => {
    const at = positionOf(positions, pointer);
    throw new UsageError('config.error', { file: display, line: at.line, column: at.column, detail: both('config.assignmentsShape', {}) });
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('');
  for (const [month, items] of Object.entries(value as Record<string, unknown>)) {
    const match = PERIOD_PATTERN.exec(month);
    if (!match || !match[2]) fail(`/${month}`);
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' && item.trim())) fail(`/${month}`);
    plan[month] = items as string[];
  }
  return plan;
}

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1000, KiB: 1024, MB: 1000 * 1000, MiB: 1024 * 1024 };

export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB)?$/.exec(value)!;
  return Math.round(Number(match[1]) * SIZE_UNITS[match[2] ?? 'B']);
}

function both(id: string, params: MessageParams) {
  return { 'zh-CN': message('zh-CN', id, params), en: message('en', id, params) };
}

function failWithIssue(
  issue: SchemaIssue,
  fail: (pointer: string, id: string, params: MessageParams, which: 'key' | 'value') => never,
): never {
  return fail(issue.pointer, issue.messageId, issue.params, issue.at);
}

/** Every problem of a configuration at once, in the order of the file (at most MAX_LISTED). */
function failWithIssues(issues: SchemaIssue[], positions: PositionIndex, display: string): never {
  const located = issues
    .map((issue) => ({ issue, at: positionOf(positions, issue.pointer, issue.at) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const lines = (lang: Lang) => [
    ...located.slice(0, MAX_LISTED).map(({ issue, at }) => `${at.line}:${at.column}  ${message(lang, issue.messageId, issue.params)}`),
    ...(located.length > MAX_LISTED ? [message(lang, 'config.moreErrors', { count: located.length - MAX_LISTED })] : []),
  ];
  throw new UsageError('config.errors', { file: display, count: located.length }, { 'zh-CN': lines('zh-CN'), en: lines('en') });
}

const MAX_LISTED = 20;

/** The key under `rules:` that sets the rules not listed: `on` (their default severity) or `off`. */
export const DEFAULT_KEY = 'default';

/**
 * The rule settings of the config with --rule settings on top; with `rules: { default: off }`,
 * every other rule of `rules` (input rules aside, which always run) is off.
 */
export function mergeRuleSettings(config: Config, cli: Record<string, RuleSetting>, rules: readonly Rule[]): Record<string, RuleSetting> {
  const merged: Record<string, RuleSetting> = {};
  if (config.unlistedRules === 'off') {
    for (const rule of rules) if (rule.meta.category !== 'input') merged[rule.meta.id] = { severity: 'off' };
  }
  Object.assign(merged, config.rules);
  for (const [id, setting] of Object.entries(cli)) merged[id] = { ...merged[id], ...setting };
  if (config.assignments) {
    const current = merged['party-day-assignments'] ?? {};
    merged['party-day-assignments'] = { ...current, options: { ...current.options, assignments: config.assignments } };
  }
  return merged;
}

/** Whether an include pattern reaches outside the configuration's folder (absolute, or through ..). */
export function leavesFolder(pattern: string): boolean {
  const slashed = pattern.replace(/\\/g, '/');
  return path.isAbsolute(pattern) || path.win32.isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern) || slashed.split('/').some((part) => part === '..' || /^\.\.[{,]|[{,]\.\.(?:[},]|$)/.test(part)) || slashed.startsWith('~');
}
