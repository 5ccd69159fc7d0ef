/**
 * The rule index: every rule in documentation order. Input rules, the cadence rows (built-in, then
 * configured), then the content rules. A rule is a folder beside this file (index.ts, README.md,
 * index.test.ts); `npm run generate` registers every folder (registry.generated.ts), and its line
 * below places it. A folder listed nowhere does not compile (see `Unlisted`).
 */
import type { TypeRegistry } from '../model/activity-types.js';
import type { RecordRequirements } from '../model/records.js';
import { cadenceRule } from './cadence/index.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from './cadence/definitions.js';
import { RULE_FOLDERS } from './registry.generated.js';
import type { Rule, RuleEntry, RuleSettings } from './rule.js';

/** The id of a rule folder. */
export type RuleId = keyof typeof RULE_FOLDERS;

export const INPUT_ORDER = [
  'yaml-syntax',
  'encoding',
  'schema',
  'branch-conflict',
  'file-too-large',
  'file-unreadable',
  'workbook',
] as const satisfies readonly RuleId[];

export const CONTENT_ORDER = [
  'first-topic',
  'party-day-assignments',
  'secretary-lecture-yearly',
  'general-meeting-quorum',
  'record-complete',
  'attendance-consistent',
  'absence-reason',
  'committee-meeting-quorum',
  'vote-majority',
  'case-follow-up',
  'staff-archive-complete',
  'branch-feature-declared',
  'term-expiry',
  'term-unknown',
  'no-personal-data',
  'unknown-group',
  'duplicate-activity',
  'future-date',
  'stale-waiver',
] as const satisfies readonly RuleId[];

/**
 * The rule folders in neither list. It must be `never`: a forgotten line fails to compile here,
 * naming the folder ("Type '"x"' does not satisfy the constraint 'never'").
 */
export type Unlisted = Never<Exclude<RuleId, (typeof INPUT_ORDER)[number] | (typeof CONTENT_ORDER)[number]>>;
type Never<T extends never> = T;

function resolve(ids: readonly RuleId[], settings: RuleSettings): Rule[] {
  return ids.map((id) => {
    const entry: RuleEntry = RULE_FOLDERS[id];
    return typeof entry === 'function' ? entry(settings) : entry;
  });
}

export const INPUT_RULES: Rule[] = resolve(INPUT_ORDER, {});

/** The content rules; record-complete's requirements come from the configuration's `records`. */
export function contentRules(records?: RecordRequirements): Rule[] {
  return resolve(CONTENT_ORDER, { records });
}

/** All rules in documentation order: input, cadence (built-in, then configured), content. */
export function allRules(types: TypeRegistry, extraCadences: CadenceDefinition[] = [], records?: RecordRequirements): Rule[] {
  return [
    ...INPUT_RULES,
    ...[...BUILTIN_CADENCES, ...extraCadences].map((definition) => cadenceRule(definition, types)),
    ...contentRules(records),
  ];
}

export { BUILTIN_CADENCES };
