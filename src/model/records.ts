/**
 * What the record of each activity type must carry (台账 inspection), as data: the built-in rows,
 * which the configuration's `records:` changes (a type listed there gets its own list) or extends
 * (a type not listed here, including a configured one).
 */
import type { Activity } from './model.js';
import { hasContent, listHasContent } from './placeholder.js';
import type { Localized } from '../types.js';

/** The fields a record can be required to carry, in the order a message names them. */
export const RECORD_FIELDS = [
  'title',
  'place',
  'host',
  'recorder',
  'lecturer',
  'attendance.expected',
  'attendance.present',
  'firstTopic',
  'agenda',
  'assignments',
  'resolution',
  'evidence',
] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];

export type RecordRequirements = Record<string, readonly RecordField[]>;

const MEETING: RecordField[] = ['host', 'recorder', 'attendance.expected', 'attendance.present', 'agenda'];

export const BUILTIN_RECORDS: RecordRequirements = {
  'committee-meeting': [...MEETING, 'resolution'],
  'general-meeting': [...MEETING, 'resolution'],
  'organizational-life-meeting': MEETING,
  'group-meeting': ['host', 'attendance.expected', 'attendance.present'],
  'party-lecture': ['lecturer', 'title', 'attendance.expected', 'attendance.present'],
  'party-day': ['attendance.expected', 'attendance.present'],
  'member-review': ['host', 'attendance.expected', 'attendance.present'],
};

export const FIELD_LABEL: Record<RecordField, Localized> = {
  title: { 'zh-CN': '主题', en: 'title' },
  place: { 'zh-CN': '地点', en: 'place' },
  host: { 'zh-CN': '主持人', en: 'host' },
  recorder: { 'zh-CN': '记录人', en: 'recorder' },
  lecturer: { 'zh-CN': '授课人', en: 'lecturer' },
  'attendance.expected': { 'zh-CN': '应到人数', en: 'expected attendance' },
  'attendance.present': { 'zh-CN': '实到人数', en: 'attendance present' },
  firstTopic: { 'zh-CN': '第一议题', en: 'first topic' },
  agenda: { 'zh-CN': '议题', en: 'agenda' },
  assignments: { 'zh-CN': '规定作业', en: 'assignments' },
  resolution: { 'zh-CN': '决议', en: 'resolution' },
  evidence: { 'zh-CN': '佐证材料', en: 'evidence' },
};

/** The built-in rows with the configuration's on top. */
export function recordRequirements(configured: RecordRequirements = {}): RecordRequirements {
  return { ...BUILTIN_RECORDS, ...configured };
}

/** The fields an activity's types require together (the union), in RECORD_FIELDS order. */
export function requiredFields(types: readonly string[], requirements: RecordRequirements): RecordField[] {
  const wanted = new Set<RecordField>();
  for (const type of types) for (const field of Object.hasOwn(requirements, type) ? requirements[type] : []) wanted.add(field);
  return RECORD_FIELDS.filter((field) => wanted.has(field));
}

/** A field as written: `absent` (not there), `placeholder` (无, 略, N/A…) or `given`. */
export function fieldState(activity: Activity, field: RecordField): 'absent' | 'placeholder' | 'given' {
  switch (field) {
    case 'attendance.expected':
      return activity.attendance?.expected === undefined ? 'absent' : 'given';
    case 'attendance.present':
      return activity.attendance?.present === undefined ? 'absent' : 'given';
    case 'agenda':
    case 'assignments':
    case 'evidence': {
      const list = field === 'agenda' ? activity.agenda : field === 'assignments' ? activity.assignments : activity.evidence;
      if (list === undefined || list.length === 0) return 'absent';
      return listHasContent(list) ? 'given' : 'placeholder';
    }
    default: {
      const text = activity[field];
      if (text === undefined) return 'absent';
      return hasContent(text) ? 'given' : 'placeholder';
    }
  }
}
