/**
 * The rule index: every rule in documentation order. Input rules, the cadence rows (built-in, then
 * configured), then the content rules. A rule is a folder beside this file (index.ts, README.md,
 * index.test.ts); adding one is adding its folder and its line below.
 */
import type { TypeRegistry } from '../model/activity-types.js';
import branchConflict from './branch-conflict/index.js';
import branchFeatureDeclared from './branch-feature-declared/index.js';
import { cadenceRule } from './cadence/index.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from './cadence/definitions.js';
import caseFollowUp from './case-follow-up/index.js';
import duplicateActivity from './duplicate-activity/index.js';
import encoding from './encoding/index.js';
import fileTooLarge from './file-too-large/index.js';
import fileUnreadable from './file-unreadable/index.js';
import firstTopic from './first-topic/index.js';
import futureDate from './future-date/index.js';
import generalMeetingQuorum from './general-meeting-quorum/index.js';
import noPersonalData from './no-personal-data/index.js';
import partyDayAssignments from './party-day-assignments/index.js';
import type { Rule } from './rule.js';
import schema from './schema/index.js';
import secretaryLectureYearly from './secretary-lecture-yearly/index.js';
import staffArchiveComplete from './staff-archive-complete/index.js';
import staleWaiver from './stale-waiver/index.js';
import termExpiry from './term-expiry/index.js';
import unknownGroup from './unknown-group/index.js';
import workbook from './workbook/index.js';
import absenceReason from './absence-reason/index.js';
import attendanceConsistent from './attendance-consistent/index.js';
import committeeMeetingQuorum from './committee-meeting-quorum/index.js';
import { recordComplete } from './record-complete/index.js';
import termUnknown from './term-unknown/index.js';
import voteMajority from './vote-majority/index.js';
import type { RecordRequirements } from '../model/records.js';
import yamlSyntax from './yaml-syntax/index.js';

export const INPUT_RULES: Rule[] = [yamlSyntax, encoding, schema, branchConflict, fileTooLarge, fileUnreadable, workbook];

/** The content rules; record-complete's requirements come from the configuration's `records`. */
export function contentRules(records?: RecordRequirements): Rule[] {
  return [
    ...CONTENT_RULES.slice(0, 4),
    recordComplete(records),
    attendanceConsistent,
    absenceReason,
    committeeMeetingQuorum,
    voteMajority,
    ...CONTENT_RULES.slice(4, 8),
    termUnknown,
    ...CONTENT_RULES.slice(8),
  ];
}

const CONTENT_RULES: Rule[] = [
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
export function allRules(types: TypeRegistry, extraCadences: CadenceDefinition[] = [], records?: RecordRequirements): Rule[] {
  return [
    ...INPUT_RULES,
    ...[...BUILTIN_CADENCES, ...extraCadences].map((definition) => cadenceRule(definition, types)),
    ...contentRules(records),
  ];
}

export { BUILTIN_CADENCES };
