// Generated from the folders of src/rules by `npm run generate`; do not edit by hand.
// The order of the rules is src/rules/index.ts's.
import type { RuleEntry } from './rule.js';
import absenceReason from './absence-reason/index.js';
import attendanceConsistent from './attendance-consistent/index.js';
import branchConflict from './branch-conflict/index.js';
import branchFeatureDeclared from './branch-feature-declared/index.js';
import caseFollowUp from './case-follow-up/index.js';
import committeeMeetingQuorum from './committee-meeting-quorum/index.js';
import duplicateActivity from './duplicate-activity/index.js';
import encoding from './encoding/index.js';
import fileTooLarge from './file-too-large/index.js';
import fileUnreadable from './file-unreadable/index.js';
import firstTopic from './first-topic/index.js';
import futureDate from './future-date/index.js';
import generalMeetingQuorum from './general-meeting-quorum/index.js';
import noPersonalData from './no-personal-data/index.js';
import partyDayAssignments from './party-day-assignments/index.js';
import recordComplete from './record-complete/index.js';
import schema from './schema/index.js';
import secretaryLectureYearly from './secretary-lecture-yearly/index.js';
import staffArchiveComplete from './staff-archive-complete/index.js';
import staleWaiver from './stale-waiver/index.js';
import termExpiry from './term-expiry/index.js';
import termUnknown from './term-unknown/index.js';
import unknownGroup from './unknown-group/index.js';
import voteMajority from './vote-majority/index.js';
import workbook from './workbook/index.js';
import yamlSyntax from './yaml-syntax/index.js';

/** Every rule folder's default export, by rule id. */
export const RULE_FOLDERS = {
  'absence-reason': absenceReason,
  'attendance-consistent': attendanceConsistent,
  'branch-conflict': branchConflict,
  'branch-feature-declared': branchFeatureDeclared,
  'case-follow-up': caseFollowUp,
  'committee-meeting-quorum': committeeMeetingQuorum,
  'duplicate-activity': duplicateActivity,
  'encoding': encoding,
  'file-too-large': fileTooLarge,
  'file-unreadable': fileUnreadable,
  'first-topic': firstTopic,
  'future-date': futureDate,
  'general-meeting-quorum': generalMeetingQuorum,
  'no-personal-data': noPersonalData,
  'party-day-assignments': partyDayAssignments,
  'record-complete': recordComplete,
  'schema': schema,
  'secretary-lecture-yearly': secretaryLectureYearly,
  'staff-archive-complete': staffArchiveComplete,
  'stale-waiver': staleWaiver,
  'term-expiry': termExpiry,
  'term-unknown': termUnknown,
  'unknown-group': unknownGroup,
  'vote-majority': voteMajority,
  'workbook': workbook,
  'yaml-syntax': yamlSyntax,
} as const satisfies Record<string, RuleEntry>;
