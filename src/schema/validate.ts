/**
 * Schema validation with ajv, and the translation of ajv's errors into one human message per
 * problem: which field, what was expected, and (for a typo) the nearest valid name.
 */
import type { ErrorObject } from 'ajv';
import type { Localized, MessageParams } from '../types.js';
import { branchLogValidator, validatorFor, type CompiledValidator } from './compile.js';
import { shapeExample } from './examples.js';
import { normalizeDate } from '../util/written-dates.js';
import { nearest, nearestUnique } from '../util/nearest.js';
import { dateMessage, describeValue, FULLWIDTH_IN_KEY, fullwidthHint, NUMBER_TEXT, shortText } from './values.js';

/** One schema problem, not yet localised. */
export interface SchemaIssue {
  /** JSON pointer of the value concerned. */
  pointer: string;
  /** Point at the key (`key`) or at the value (`value`). */
  at: 'key' | 'value';
  messageId: string;
  params: MessageParams;
  /** A repair that is certain (`dangjian check --fix`): the key or the scalar value `from` becomes `to`. */
  fix?: { from: string; to: string };
}

/** The part of the file a schema problem excludes from evaluation. */
export function issueScope(pointer: string): { collection: string; index: number } | undefined {
  const match = /^\/(activities|cases|waivers|features|staff)\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? { collection: match[1], index: Number(match[2]) } : undefined;
}

/** Validates values against a JSON Schema and explains each problem in one human message. */
export class SchemaValidator {
  protected readonly validate: CompiledValidator;

  /** A schema (its validator built by `npm run build` when there is one, else compiled now), or a validator. */
  constructor(schema: Record<string, unknown> | CompiledValidator) {
    this.validate = typeof schema === 'function' ? schema : validatorFor(schema).validate;
  }

  /**
   * The problems of a value. Past `limit` problems, the rest come without a message
   * (`OMITTED_ISSUE`): they still exclude their items, but wording thousands of them is wasted work.
   */
  check(value: unknown, limit = Infinity): SchemaIssue[] {
    if (this.validate(value)) return [];
    return humanize(this.validate.errors ?? [], value, limit);
  }
}

/** The branch-log schema's validator: the one built by `npm run build` when it fits. */
export class BranchLogValidator extends SchemaValidator {
  /** Whether the validator built by `npm run build` is in use (rather than one compiled now). */
  readonly precompiled: boolean;

  constructor(typeNames: string[], validate?: CompiledValidator) {
    const chosen = validate ? { validate, precompiled: false } : branchLogValidator(typeNames);
    super(chosen.validate);
    this.precompiled = chosen.precompiled;
  }
}

type AjvError = ErrorObject & { parentSchema?: Record<string, unknown> };

const TYPE_WORDS: Record<string, Localized> = {
  string: { 'zh-CN': '文字', en: 'text' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  number: { 'zh-CN': '数字', en: 'a number' },
  object: { 'zh-CN': '映射（“键: 值”）', en: 'a mapping (key: value)' },
  array: { 'zh-CN': '列表', en: 'a list' },
  boolean: { 'zh-CN': '是/否', en: 'true/false' },
  null: { 'zh-CN': '空值', en: 'empty' },
};

function joinLocalized(words: Localized[]): Localized {
  return {
    'zh-CN': words.map((w) => w['zh-CN']).join('或'),
    en: words.map((w) => w.en).join(' or '),
  };
}

/** "日期（date）" in Chinese, "date" in English. */
function fieldName(field: string, title: string): Localized {
  return { 'zh-CN': title ? `${title}（${field}）` : field, en: field };
}

/** The message id of a problem past the limit of `check`. */
export const OMITTED_ISSUE = 'schema.omitted';

function humanize(errors: AjvError[], root: unknown, limit: number): SchemaIssue[] {
  const chosen = chooseAnyOfBranches(errors);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of chosen) {
    const issue = issues.length < limit ? toIssue(error, root) : omitted(error);
    if (!issue) continue;
    const key = `${issue.pointer}\u0000${issue.messageId}\u0000${JSON.stringify(issue.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  // A key written by its Chinese title stands in for the field it names: no "missing" beside it.
  const named = new Set(issues.filter((i) => i.messageId === 'schema.chineseField').map((i) => `${i.pointer.slice(0, i.pointer.lastIndexOf('/'))}\u0000${i.params.suggestion}`));
  if (named.size) issues.splice(0, issues.length, ...issues.filter((i) => !(i.messageId === 'schema.required' && named.has(`${i.pointer}\u0000${i.params.field}`))));
  // A problem inside an item hides nothing else, but two problems at the same pointer are one problem.
  const byPointer = new Map<string, SchemaIssue>();
  for (const issue of issues) {
    const existing = byPointer.get(issue.pointer + issue.at + (issue.params.field ?? ''));
    if (!existing) byPointer.set(issue.pointer + issue.at + (issue.params.field ?? ''), issue);
  }
  return [...byPointer.values()];
}

function omitted(error: AjvError): SchemaIssue {
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const pointer = extra === undefined ? error.instancePath : `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return { pointer, at: 'key', messageId: OMITTED_ISSUE, params: {} };
}

/**
 * For `anyOf` (a type written as one name or a list), keep only the errors of the alternative that
 * matches the value's shape, so the user reads "unknown type" rather than "must be array".
 */
function chooseAnyOfBranches(errors: AjvError[]): AjvError[] {
  // Each anyOf is one value (schema path and instance path): an activity list gives one per item,
  // so the errors are grouped in one pass rather than searched once per anyOf.
  const groups = new Map<string, { anyOf: AjvError; branches: Map<string, AjvError[]> }>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') groups.set(`${error.schemaPath}\u0000${error.instancePath}`, { anyOf: error, branches: new Map() });
  }
  if (groups.size === 0) return errors;
  for (const error of errors) {
    for (const { schemaPath, branch } of anyOfAncestors(error.schemaPath)) {
      for (const instancePath of pathPrefixes(error.instancePath)) {
        const group = groups.get(`${schemaPath}\u0000${instancePath}`);
        if (!group) continue;
        const list = group.branches.get(branch) ?? [];
        list.push(error);
        group.branches.set(branch, list);
      }
    }
  }
  const drop = new Set<AjvError>();
  for (const { anyOf, branches } of groups.values()) {
    // Prefer the alternative that fits the value's shape and fails deeper inside it; never one that
    // rejects the value's type outright.
    const score = (list: AjvError[]) =>
      list.some((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath)
        ? 0
        : list.some((e) => e.instancePath.length > anyOf.instancePath.length)
          ? 2
          : 1;
    let fitting: AjvError[] | undefined;
    for (const list of branches.values()) {
      if (score(list) > 0 && (!fitting || score(list) > score(fitting))) fitting = list;
    }
    for (const list of branches.values()) if (list !== fitting) list.forEach((e) => drop.add(e));
    if (fitting) drop.add(anyOf);
  }
  return errors.filter((e) => !drop.has(e));
}

/** The anyOf keywords a schema path runs through, each with the alternative taken. */
function anyOfAncestors(schemaPath: string): { schemaPath: string; branch: string }[] {
  const found: { schemaPath: string; branch: string }[] = [];
  for (let at = schemaPath.indexOf('/anyOf/'); at >= 0; at = schemaPath.indexOf('/anyOf/', at + 1)) {
    const end = at + '/anyOf'.length;
    found.push({ schemaPath: schemaPath.slice(0, end), branch: schemaPath.slice(end + 1).split('/')[0] });
  }
  return found;
}

/** A JSON pointer and every pointer above it ("/a/0" gives "/a/0", "/a" and ""). */
function pathPrefixes(pointer: string): string[] {
  const prefixes = [pointer];
  for (let at = pointer.lastIndexOf('/'); at >= 0; at = pointer.lastIndexOf('/', at - 1)) {
    prefixes.push(pointer.slice(0, at));
    if (at === 0) break;
  }
  return prefixes;
}

function label(schema: Record<string, unknown> | undefined): string {
  return typeof schema?.title === 'string' ? schema.title : '';
}

/** "followUps 第 2 项" for the item of a list (its last segment is an index), else undefined. */
function itemName(pointer: string): Localized | undefined {
  const index = lastSegment(pointer);
  if (!/^\d+$/.test(index)) return undefined;
  const list = lastSegment(pointer.slice(0, pointer.lastIndexOf('/')));
  return { 'zh-CN': `${list} 第 ${Number(index) + 1} 项`, en: `${list} item ${Number(index) + 1}` };
}

function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf('/') + 1);
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A date problem; a date written another way (2026/3/5) is repaired by `--fix`. */
function dateIssue(pointer: string, base: MessageParams, value: unknown): SchemaIssue {
  const fixed = normalizeDate(value);
  if (fixed) return { pointer, at: 'value', messageId: 'schema.dateFixable', params: { ...base, fixed }, fix: { from: String(value), to: fixed } };
  return { pointer, at: 'value', messageId: dateMessage(value), params: base };
}

function toIssue(error: AjvError, root: unknown): SchemaIssue | undefined {
  if (error.keyword === 'required') return requiredIssue(error, root);
  if (error.keyword === 'additionalProperties') return unknownKeyIssue(error);
  return valueIssue(error, root);
}

function requiredIssue(error: AjvError, root: unknown): SchemaIssue {
  const pointer = error.instancePath;
  const missing = (error.params as { missingProperty: string }).missingProperty;
  const properties = (error.parentSchema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  return {
    pointer,
    at: 'key',
    messageId: pointer === '' && root === null ? 'schema.empty' : 'schema.required',
    params: { field: missing, name: fieldName(missing, label(properties[missing])) },
  };
}

function unknownKeyIssue(error: AjvError): SchemaIssue {
  const schema = error.parentSchema;
  const extra = (error.params as { additionalProperty: string }).additionalProperty;
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  const known = Object.keys(properties);
  const keyPointer = `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const english = known.find((name) => label(properties[name]) === extra.trim());
  if (english) {
    // 日期 → date: certain when the object does not also hold `date`.
    const taken = error.data !== null && typeof error.data === 'object' && Object.hasOwn(error.data, english);
    return {
      pointer: keyPointer,
      at: 'key',
      messageId: taken ? 'schema.chineseFieldTaken' : 'schema.chineseField',
      params: { field: extra, suggestion: english },
      ...(taken ? {} : { fix: { from: extra, to: english } }),
    };
  }
  const suggestion = nearest(extra.replace(FULLWIDTH_IN_KEY, '').trim(), known);
  const hint = fullwidthHint(extra);
  return {
    pointer: keyPointer,
    at: 'key',
    messageId: hint
      ? 'schema.fullwidthKey'
      : suggestion
        ? 'schema.unknownFieldSuggest'
        : schema?.['x-kind'] === 'rule-options' && !known.length
          ? 'schema.noRuleOptions'
          : 'schema.unknownField',
    params: { field: extra, suggestion: suggestion ?? '', known: known.join(', '), hint },
  };
}

/** The message of each kind of field (`x-kind` in the schema) for a value that breaks its pattern. */
const PATTERN_MESSAGES = new Map([
  ['period', 'schema.period'],
  ['id', 'schema.idPattern'],
  ['size', 'schema.size'],
]);

/** Messages by the keyword a value breaks, where the keyword alone decides. */
const VALUE_MESSAGES = new Map([
  ['const', 'schema.version'],
  ['minLength', 'schema.emptyText'],
  ['minItems', 'schema.emptyList'],
  ['uniqueItems', 'schema.duplicateItems'],
]);

/** A problem with a value: its message by the keyword it breaks and the kind of field. */
function valueIssue(error: AjvError, root: unknown): SchemaIssue | undefined {
  const pointer = error.instancePath;
  const schema = error.parentSchema;
  const kind = schema?.['x-kind'] as string | undefined;
  const field = lastSegment(pointer);
  // The value is only worded for problems with a value: a mapping with thousands of unknown keys
  // gives one problem per key, and each must not cost the whole mapping.
  const base = { field, name: itemName(pointer) ?? fieldName(field, label(schema)), value: shortText(error.data) };
  const issue = (messageId: string, params: MessageParams = base): SchemaIssue => ({ pointer, at: 'value', messageId, params });
  const generic = () => issue('schema.generic', { ...base, detail: error.message ?? error.keyword });
  const byKeyword = VALUE_MESSAGES.get(error.keyword);
  if (byKeyword) return issue(byKeyword);
  switch (error.keyword) {
    case 'type':
      return typeIssue(error, root, base, kind);
    case 'format':
      return dateIssue(pointer, base, error.data);
    case 'enum':
      return enumIssue(error, base, kind);
    case 'pattern':
      if (kind === 'date') return dateIssue(pointer, base, error.data);
      return issue(PATTERN_MESSAGES.get(kind ?? '') ?? 'schema.branchId');
    case 'maximum':
      return kind === 'period' ? issue('schema.period') : generic();
    case 'minimum':
      return kind === 'period' ? issue('schema.period') : issue('schema.minimum', { ...base, limit: Number((error.params as { limit: number }).limit) });
    case 'anyOf':
      if (kind === 'activity-types') return issue('schema.typeOrList');
      return kind === 'rule-setting' ? issue('schema.ruleSetting') : generic();
    default:
      return generic();
  }
}

function typeIssue(error: AjvError, root: unknown, base: MessageParams, kind: string | undefined): SchemaIssue {
  const pointer = error.instancePath;
  if (pointer === '') {
    return { pointer, at: 'value', messageId: root === null ? 'schema.empty' : 'schema.rootNotMapping', params: { actual: TYPE_WORDS[describeValue(root)] } };
  }
  if (kind === 'date') return dateIssue(pointer, base, error.data);
  const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
  if (expected.includes('integer') && typeof error.data === 'string' && NUMBER_TEXT.test(error.data.trim())) {
    return { pointer, at: 'value', messageId: 'schema.wholeNumber', params: base };
  }
  const example = shapeExample(lastSegment(pointer), expected, error.parentSchema, error.data);
  if (example) {
    return { pointer, at: 'value', messageId: expected.includes('object') ? 'schema.mappingExample' : 'schema.listExample', params: { ...base, example, actual: TYPE_WORDS[describeValue(error.data)] } };
  }
  return {
    pointer,
    at: 'value',
    messageId: 'schema.type',
    params: {
      ...base,
      expected: joinLocalized(expected.filter((t) => t in TYPE_WORDS).map((t) => TYPE_WORDS[t])),
      actual: TYPE_WORDS[describeValue(error.data)],
    },
  };
}

function enumIssue(error: AjvError, base: MessageParams, kind: string | undefined): SchemaIssue {
  const pointer = error.instancePath;
  const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
  if (kind !== 'activity-type') return { pointer, at: 'value', messageId: 'schema.enum', params: { ...base, allowed: allowed.join(', ') } };
  const value = String(error.data);
  if (/[，、,]/.test(value)) return { pointer, at: 'value', messageId: 'schema.typeList', params: base };
  const suggestion = nearest(value, allowed);
  // Certain only when no other known name is as near.
  const certain = suggestion !== undefined && nearestUnique(value, allowed) === suggestion;
  return {
    pointer,
    at: 'value',
    messageId: certain ? 'schema.unknownTypeFixable' : suggestion ? 'schema.unknownTypeSuggest' : 'schema.unknownType',
    params: { ...base, suggestion: suggestion ?? '' },
    ...(certain ? { fix: { from: value, to: suggestion } } : {}),
  };
}
