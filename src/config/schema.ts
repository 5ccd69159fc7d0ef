/**
 * The JSON Schema of dangjian.config.yaml, built from the rule metadata so that rule ids and their
 * options cannot drift from the code. `schemas/config.schema.json` is generated from it.
 */
import { PERIOD_KINDS } from '../model/period.js';
import { DATE } from '../schema/branch-log-schema.js';
import { RECORD_FIELDS } from '../model/records.js';
import type { Rule } from '../rules/rule.js';

type JsonSchema = Record<string, unknown>;

const SEVERITY = { enum: ['error', 'warning', 'info', 'off'] };
const LOCALIZED = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

/** A rule's setting: a severity, or [severity, options]. */
export function ruleSettingSchema(rule?: Rule): JsonSchema {
  const options = Object.fromEntries(
    Object.entries(rule?.meta.options ?? {}).map(([name, option]) => [
      name,
      { type: option.type, minimum: option.minimum, description: `${option.description['zh-CN']}\n${option.description.en}` },
    ]),
  );
  return {
    ...(rule ? { description: `${rule.meta.title['zh-CN']}\n${rule.meta.title.en}` } : {}),
    'x-kind': 'rule-setting',
    anyOf: [
      SEVERITY,
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [SEVERITY, { type: 'object', 'x-kind': 'rule-options', additionalProperties: false, properties: options }],
        additionalItems: false,
      },
    ],
  };
}

/** `rules: { default: off }`: only the rules listed run (with input checks, which always run). */
const UNLISTED = {
  enum: ['on', 'off'],
  description: '未列出的规则：on 按各自默认的严重程度检查（默认），off 一律关闭，只检查列出的规则\nRules not listed: on (their default severity, the default) or off (only the listed rules run)',
};

/** A cadence requirement as data: the same shape as the built-in rows. */
export const CADENCE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'type', 'period', 'min', 'severity', 'title', 'source'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', 'x-kind': 'id', description: '规则编号\nRule id' },
    type: { type: 'string', minLength: 1, description: '活动类型编号\nActivity type id' },
    period: { enum: [...PERIOD_KINDS], description: '周期\nPeriod kind' },
    min: { type: 'integer', minimum: 1, description: '每个周期至少几次\nMinimum per period' },
    severity: { enum: ['error', 'warning', 'info'] },
    title: LOCALIZED,
    source: { anyOf: [{ type: 'string', minLength: 1 }, LOCALIZED] },
    perGroup: { type: 'boolean', description: '按党小组分别要求\nRequired of every Party group' },
    short: { ...LOCALIZED, description: '汇总表中的简短列头（两个汉字、三个字母）\nShort report column header (two characters, three letters)' },
  },
};

/**
 * The schema a configuration is validated with: the published one without the settings of rules
 * that have no options, which are then checked by `additionalProperties`, the same schema. The
 * same results, from a validator a third the size (it is loaded at every start). The published
 * schema keeps every rule, for editors to complete and describe.
 */
export function configValidationSchema(rules: Rule[]): JsonSchema {
  const schema = configSchema(rules);
  const ruleSettings = (schema.properties as Record<string, JsonSchema>).rules;
  const withOptions = rules.filter((rule) => Object.keys(rule.meta.options ?? {}).length > 0).map((rule) => rule.meta.id);
  const properties = ruleSettings.properties as Record<string, JsonSchema>;
  ruleSettings.properties = Object.fromEntries(['default', ...withOptions].filter((id) => id in properties).map((id) => [id, properties[id]]));
  return schema;
}

export function configSchema(rules: Rule[]): JsonSchema {
  const configurable = rules.filter((rule) => rule.meta.category !== 'input');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://dangjian.dev/schemas/config.schema.json',
    title: 'dangjian 配置',
    description: 'dangjian.config.yaml：检查的范围、规则和补充的活动类型、频次要求。\nConfiguration of dangjian.',
    type: 'object',
    additionalProperties: false,
    properties: {
      timezone: { type: 'string', minLength: 1, description: '确定“今天”所用的时区（默认 Asia/Shanghai）\nTime zone for today' },
      since: { ...DATE, description: '从这一天起检查\nEvaluation start' },
      lang: { enum: ['zh-CN', 'en'], description: '输出语言\nOutput language' },
      include: { type: 'array', items: { type: 'string', minLength: 1 }, description: '未给出路径时检查的文件（通配符，相对于配置文件）\nFiles checked when no paths are given' },
      ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '忽略的文件（通配符，相对于配置文件）\nFiles to ignore' },
      maxFileSize: {
        anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(B|KB|KiB|MB|MiB)?$', 'x-kind': 'size' }],
        description: '单个文件的大小上限，如 1MiB\nSize limit of one file',
      },
      rules: {
        type: 'object',
        description: '规则的严重程度和选项\nRule severities and options',
        properties: { default: UNLISTED, ...Object.fromEntries(configurable.map((rule) => [rule.meta.id, ruleSettingSchema(rule)])) },
        additionalProperties: ruleSettingSchema(),
      },
      types: {
        type: 'array',
        description: '补充的活动类型\nMore activity types',
        items: {
          type: 'object',
          required: ['id', 'name'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', 'x-kind': 'id' },
            name: { type: 'string', minLength: 1 },
            aliases: { type: 'array', items: { type: 'string', minLength: 1 } },
            en: { type: 'string', minLength: 1 },
          },
        },
      },
      cadences: { type: 'array', items: CADENCE_SCHEMA, description: '补充的频次要求\nMore cadence requirements' },
      records: {
        type: ['object', 'null'],
        description:
          '各类活动的记录须包含的要素（按活动类型，替换内置要求；[] 表示不作要求）\nWhat the record of each activity type must carry (by type; replaces the built-in row; [] requires nothing)',
        additionalProperties: {
          type: 'array',
          uniqueItems: true,
          items: { enum: [...RECORD_FIELDS] },
        },
      },
      assignments: { type: 'string', minLength: 1, description: '上级党组织布置的每月规定作业文件（相对于配置文件）\nFile of monthly assignments' },
    },
  };
}
