/**
 * Schema validation with ajv, and the translation of ajv's errors into one human message per
 * problem: which field, what was expected, and (for a typo) the nearest valid name.
 */
import type { ErrorObject } from 'ajv';
import type { Localized, MessageParams } from '../types.js';
import { branchLogValidator, validatorFor, type CompiledValidator } from './compile.js';
import { nearest } from './nearest.js';

/** One schema problem, not yet localised. */
export interface SchemaIssue {
  /** JSON pointer of the value concerned. */
  pointer: string;
  /** Point at the key (`key`) or at the value (`value`). */
  at: 'key' | 'value';
  messageId: string;
  params: MessageParams;
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

  check(value: unknown): SchemaIssue[] {
    if (this.validate(value)) return [];
    return humanize(this.validate.errors ?? [], value);
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

function humanize(errors: AjvError[], root: unknown): SchemaIssue[] {
  const chosen = chooseAnyOfBranches(errors);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of chosen) {
    const issue = toIssue(error, root);
    if (!issue) continue;
    const key = `${issue.pointer}\u0000${issue.messageId}\u0000${JSON.stringify(issue.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  // A problem inside an item hides nothing else, but two problems at the same pointer are one problem.
  const byPointer = new Map<string, SchemaIssue>();
  for (const issue of issues) {
    const existing = byPointer.get(issue.pointer + issue.at + (issue.params.field ?? ''));
    if (!existing) byPointer.set(issue.pointer + issue.at + (issue.params.field ?? ''), issue);
  }
  return [...byPointer.values()];
}

/**
 * For `anyOf` (a type written as one name or a list), keep only the errors of the alternative that
 * matches the value's shape, so the user reads "unknown type" rather than "must be array".
 */
function chooseAnyOfBranches(errors: AjvError[]): AjvError[] {
  let result = errors;
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const prefix = `${anyOf.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const error of result) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
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
    const drop = new Set(
      result.filter((e) => e.schemaPath.startsWith(prefix) && (!fitting || !fitting.includes(e))),
    );
    result = result.filter((e) => !drop.has(e) && (e !== anyOf || !fitting));
  }
  return result;
}

function label(schema: Record<string, unknown> | undefined): string {
  return typeof schema?.title === 'string' ? schema.title : '';
}

function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf('/') + 1);
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function toIssue(error: AjvError, root: unknown): SchemaIssue | undefined {
  const pointer = error.instancePath;
  const schema = error.parentSchema;
  const kind = schema?.['x-kind'];
  const field = lastSegment(pointer);
  const base = { field, name: fieldName(field, label(schema)), value: shortText(error.data) };
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
      return {
        pointer,
        at: 'key',
        messageId: pointer === '' && root === null ? 'schema.empty' : 'schema.required',
        params: { field: missing, name: fieldName(missing, label(properties[missing])) },
      };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((schema?.properties ?? {}) as object);
      const suggestion = nearest(extra, known);
      return {
        pointer: `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        at: 'key',
        messageId: suggestion ? 'schema.unknownFieldSuggest' : 'schema.unknownField',
        params: { field: extra, suggestion: suggestion ?? '', known: known.join(', ') },
      };
    }
    case 'type': {
      if (pointer === '') {
        return {
          pointer,
          at: 'value',
          messageId: root === null ? 'schema.empty' : 'schema.rootNotMapping',
          params: { actual: TYPE_WORDS[describeValue(root)] },
        };
      }
      if (kind === 'date') return { pointer, at: 'value', messageId: 'schema.dateFormat', params: base };
      const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
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
    case 'format':
      return {
        pointer,
        at: 'value',
        messageId: /^\d{4}-\d{2}-\d{2}$/.test(String(error.data)) ? 'schema.dateNotReal' : 'schema.dateFormat',
        params: base,
      };
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      if (kind === 'activity-type') {
        const value = String(error.data);
        if (/[，、,]/.test(value)) return { pointer, at: 'value', messageId: 'schema.typeList', params: base };
        const suggestion = nearest(value, allowed);
        return {
          pointer,
          at: 'value',
          messageId: suggestion ? 'schema.unknownTypeSuggest' : 'schema.unknownType',
          params: { ...base, suggestion: suggestion ?? '' },
        };
      }
      return { pointer, at: 'value', messageId: 'schema.enum', params: { ...base, allowed: allowed.join(', ') } };
    }
    case 'const':
      return { pointer, at: 'value', messageId: 'schema.version', params: base };
    case 'pattern':
      if (kind === 'period') return { pointer, at: 'value', messageId: 'schema.period', params: base };
      return { pointer, at: 'value', messageId: 'schema.branchId', params: base };
    case 'maximum':
      if (kind === 'period') return { pointer, at: 'value', messageId: 'schema.period', params: base };
      return { pointer, at: 'value', messageId: 'schema.generic', params: { ...base, detail: error.message ?? error.keyword } };
    case 'minimum':
      if (kind === 'period') return { pointer, at: 'value', messageId: 'schema.period', params: base };
      return { pointer, at: 'value', messageId: 'schema.minimum', params: { ...base, limit: Number((error.params as { limit: number }).limit) } };
    case 'minLength':
      return { pointer, at: 'value', messageId: 'schema.emptyText', params: base };
    case 'minItems':
      return { pointer, at: 'value', messageId: 'schema.emptyList', params: base };
    case 'uniqueItems':
      return { pointer, at: 'value', messageId: 'schema.duplicateItems', params: base };
    case 'anyOf':
      if (kind === 'activity-types') return { pointer, at: 'value', messageId: 'schema.typeOrList', params: base };
      if (kind === 'rule-setting') return { pointer, at: 'value', messageId: 'schema.ruleSetting', params: base };
      return { pointer, at: 'value', messageId: 'schema.generic', params: { ...base, detail: error.message ?? error.keyword } };
    default:
      return { pointer, at: 'value', messageId: 'schema.generic', params: { ...base, detail: error.message ?? error.keyword } };
  }
}
