/** Every rule: input problems, the cadence rows, and the content rules. */
import type { TypeRegistry } from '../model/activity-types.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from './cadence-definitions.js';
import { cadenceRule } from './cadence.js';
import { branchFeatureDeclared } from './branch-feature-declared.js';
import { caseFollowUp } from './case-follow-up.js';
import { duplicateActivity } from './duplicate-activity.js';
import { firstTopic } from './first-topic.js';
import { futureDate } from './future-date.js';
import { generalMeetingQuorum } from './general-meeting-quorum.js';
import { INPUT_RULES, staleWaiver } from './input.js';
import { noPersonalData } from './no-personal-data.js';
import { partyDayAssignments } from './party-day-assignments.js';
import type { Rule } from './rule.js';
import { secretaryLectureYearly } from './secretary-lecture-yearly.js';
import { staffArchiveComplete } from './staff-archive-complete.js';
import { termExpiry } from './term-expiry.js';
import { unknownGroup } from './unknown-group.js';

export const CONTENT_RULES: Rule[] = [
  firstTopic,
  partyDayAssignments,
  secretaryLectureYearly,
  generalMeetingQuorum,
  caseFollowUp,
  staffArchiveComplete,
  branchFeatureDeclared,
  termExpiry,
  noPersonalData,
  unknownGroup,
  duplicateActivity,
  futureDate,
  staleWaiver,
];

/** All rules in documentation order: input, cadence (built-in, then configured), content. */
export function allRules(types: TypeRegistry, extraCadences: CadenceDefinition[] = []): Rule[] {
  return [
    ...INPUT_RULES,
    ...[...BUILTIN_CADENCES, ...extraCadences].map((definition) => cadenceRule(definition, types)),
    ...CONTENT_RULES,
  ];
}

export { BUILTIN_CADENCES };
