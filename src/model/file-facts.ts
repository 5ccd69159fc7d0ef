/**
 * What one file contributes to the model: the file validated against the schema, and the valid
 * parts read into a branch header, activities, cases, waivers, features and staff archives.
 */
import { excludedActivity } from './excluded.js';
import { guessBranchId, guessBranchName } from '../load/branch-id.js';
import type { LoadedFile } from '../load/index.js';
import { positionOf, type PositionIndex } from '../load/positions.js';
import { issueScope, OMITTED_ISSUE, type BranchLogValidator, type SchemaIssue } from '../schema/validate.js';
import type { Location, Position, RawFinding } from '../types.js';
import type { TypeRegistry } from './activity-types.js';
import type { Activity, Branch, BranchHeader, Case, Waiver } from './model.js';
import { parsePeriod, type PeriodKind } from './period.js';
import { sharedList, sharedText } from './shared.js';

/** What the model needs to know about rules: which exist, and the period kind of each. */
export interface RuleCatalogue {
  /** undefined: no such rule; null: a rule without a period (cannot be waived). */
  periodOf(ruleId: string): PeriodKind | null | undefined;
}

export const HEADER_FIELDS: (keyof BranchHeader)[] = ['name', 'parent', 'established', 'dissolved', 'members', 'groups', 'secretary', 'termStart'];

type Json = Record<string, unknown>;

/**
 * Past this many schema problems in one file, one finding counts the rest: a file with thousands of
 * unknown keys is one mistake (often the wrong file), and thousands of lines would bury the others.
 */
export const MAX_SCHEMA_FINDINGS_PER_FILE = 100;

/** A branch as one file describes it, before files that share the branch id are merged. */
export interface BranchContribution {
  id: string;
  /** The file's `branch:` key. */
  location: Location;
  header: BranchHeader;
  /** The header fields this file gives, with where it gives them (in HEADER_FIELDS order). */
  given: Partial<Record<keyof BranchHeader, Location>>;
  activities: Activity[];
  cases: Case[];
  waivers: Waiver[];
  features: Branch['features'];
  staff: Branch['staff'];
  excluded: Branch['excluded'];
}

/**
 * What one file contributes to the model. It depends on the file alone (and the configuration), so
 * it can be computed in any order, in another thread, or taken from a cache; plain data throughout.
 */
export interface FileFacts {
  file: string;
  /** Problems reading, parsing or validating the file. */
  findings: RawFinding[];
  /** Problems with single records (make-ups, waivers); reported after the merge's findings. */
  recordFindings: RawFinding[];
  /** A branch that this file belongs to but that cannot be evaluated in full. */
  incompleteId?: string;
  /** That branch's name and parent, when the file's header can be read (for the report's row). */
  incompleteName?: string;
  incompleteParent?: string;
  contribution?: BranchContribution;
}

/** Where a JSON pointer of the file is written: its key, or its value. */
type Locate = (pointer: string, which?: 'key' | 'value') => Location;

/** What reading the records of one file needs. */
interface Reading {
  /** The file as displayed, and its positions: an activity keeps its line and column, not a Location. */
  file: string;
  positions: PositionIndex;
  at: Locate;
  /** `collection/index` of every record with a schema problem: left out. */
  excluded: Set<string>;
  /** Where the last schema problem of each of those records is. */
  lastProblem: Map<string, Location>;
  types: TypeRegistry;
  /** Type ids by the type as written (see typeIds), for `types`. */
  typeIds: Map<string, string[]>;
  rules: RuleCatalogue;
  /** Where problems with single records go. */
  findings: RawFinding[];
}

/** Validates one loaded file and reads its records. */
export function fileFacts(loaded: LoadedFile, validator: BranchLogValidator, types: TypeRegistry, rules: RuleCatalogue): FileFacts {
  const facts: FileFacts = { file: loaded.file.display, findings: [...loaded.problems], recordFindings: [] };
  if (loaded.problems.length || loaded.value === undefined) {
    const id = loaded.text !== undefined ? guessBranchId(loaded.text) : undefined;
    const name = id && loaded.text !== undefined ? guessBranchName(loaded.text) : undefined;
    if (id) facts.incompleteId = id;
    if (name) facts.incompleteName = name;
    return facts;
  }
  const at = locator(loaded);
  const invalid = schemaFindings(loaded.value, validator, at, facts.findings);
  const doc = loaded.value as Json;
  const header = (doc && typeof doc === 'object' ? doc.branch : undefined) as Json | undefined;
  const branchId = typeof header?.id === 'string' && /^\S{1,64}$/.test(header.id) ? header.id : undefined;
  if (invalid.wholeFile) {
    if (branchId) facts.incompleteId = branchId;
    if (branchId && typeof header!.name === 'string' && header!.name) facts.incompleteName = header!.name;
    if (branchId && typeof header!.parent === 'string' && header!.parent) facts.incompleteParent = header!.parent;
    return facts;
  }
  const { records: excluded, lastProblem } = invalid;
  const reading: Reading = { file: facts.file, positions: loaded.positions!, at, excluded, lastProblem, types, typeIds: typeIdCache(types), rules, findings: facts.recordFindings };
  facts.contribution = readContribution(doc, header!, branchId!, reading);
  return facts;
}

function locator(loaded: LoadedFile): Locate {
  const positions = loaded.positions!;
  const file = loaded.file.display;
  return (pointer, which = 'key') => {
    const { line, column, sheet } = positionOf(positions, pointer, which);
    return sheet === undefined ? { file, line, column } : { file, sheet, line, column };
  };
}

/** In a workbook, `--fix` repairs nothing: its findings do not offer it. */
const WORKBOOK_MESSAGES: Record<string, string> = {
  'schema.unknownTypeFixable': 'schema.unknownTypeCertain',
  'schema.dateFixable': 'schema.dateWrittenAs',
};

/**
 * The file's schema problems as findings (those past the limit counted in one), and what they make
 * unusable: single records, or the whole file when a problem lies outside every record.
 */
function schemaFindings(
  value: unknown,
  validator: BranchLogValidator,
  at: Locate,
  findings: RawFinding[],
): { records: Set<string>; wholeFile: boolean; lastProblem: Map<string, Location> } {
  const finding = (issue: SchemaIssue): RawFinding => {
    const location = at(issue.pointer, issue.at);
    const messageId = location.sheet !== undefined ? (WORKBOOK_MESSAGES[issue.messageId] ?? issue.messageId) : issue.messageId;
    return { ruleId: 'schema', location, messageId, params: issue.params };
  };
  const issues = validator.check(value, MAX_SCHEMA_FINDINGS_PER_FILE);
  const records = new Set<string>();
  const lastProblem = new Map<string, Location>();
  let wholeFile = false;
  const omitted = issues.filter((issue) => issue.messageId === OMITTED_ISSUE);
  if (omitted.length) findings.push({ ...finding(omitted[0]), messageId: 'schema.moreProblems', params: { count: omitted.length } });
  for (const issue of issues) {
    if (issue.messageId !== OMITTED_ISSUE) findings.push(finding(issue));
    const scope = issueScope(issue.pointer);
    if (scope) {
      const key = `${scope.collection}/${scope.index}`;
      records.add(key);
      const where = at(issue.pointer, issue.at);
      const last = lastProblem.get(key);
      if (!last || where.line > last.line || (where.line === last.line && where.column > last.column)) lastProblem.set(key, where);
    } else wholeFile = true;
  }
  return { records, wholeFile, lastProblem };
}

/** Reads each record of a top-level list that has no schema problem, with its JSON pointer. */
function eachRecord(doc: Json, name: string, excluded: Set<string>, read: (item: Json, pointer: string) => void): void {
  const list = doc[name] as Json[] | null | undefined;
  if (!list) return;
  const pointers = itemPointers(name, list.length);
  for (let index = 0; index < list.length; index++) {
    if (excluded.size && excluded.has(`${name}/${index}`)) continue;
    read(list[index], pointers[index] ?? `/${name}/${index}`);
  }
}

/** Past this many items of a list, an item's pointer is made for its file alone. */
const MAX_SHARED_POINTERS = 10_000;

/** `/activities/0`, `/activities/1`…: every file has the same first items, so their pointers are made once a run. */
const sharedPointers = new Map<string, string[]>();

/** The pointers of the first `count` items of the top-level list `name` (at most MAX_SHARED_POINTERS of them). */
function itemPointers(name: string, count: number): string[] {
  let pointers = sharedPointers.get(name);
  if (!pointers) sharedPointers.set(name, (pointers = []));
  for (let index = pointers.length; index < Math.min(count, MAX_SHARED_POINTERS); index++) pointers.push(`/${name}/${index}`);
  return pointers;
}

function readContribution(doc: Json, header: Json, id: string, reading: Reading): BranchContribution {
  const { at, excluded } = reading;
  const given: BranchContribution['given'] = {};
  for (const field of HEADER_FIELDS) if (field in header) given[field] = at(`/branch/${field}`);
  const contribution: BranchContribution = {
    id,
    location: at('/branch'),
    header: readHeader(header),
    given,
    activities: [],
    cases: [],
    waivers: [],
    features: [],
    staff: [],
    excluded: [],
  };
  eachRecord(doc, 'activities', excluded, (item, pointer) => {
    const activity = readActivity(item, pointer, reading);
    if (activity) contribution.activities.push(activity);
  });
  const list = Array.isArray(doc.activities) ? (doc.activities as unknown[]) : [];
  for (const [key, last] of reading.lastProblem) {
    const index = key.startsWith('activities/') ? Number(key.slice('activities/'.length)) : -1;
    const left = index >= 0 ? excludedActivity(list[index], at(`/activities/${index}`), last, reading.types) : undefined;
    if (left) contribution.excluded.push(left);
  }
  eachRecord(doc, 'cases', excluded, (item, pointer) => void contribution.cases.push(readCase(item, at(pointer))));
  eachRecord(doc, 'waivers', excluded, (item, pointer) => {
    const waiver = readWaiver(item, pointer, reading);
    if (waiver) contribution.waivers.push(waiver);
  });
  eachRecord(doc, 'features', excluded, (item, pointer) => {
    contribution.features.push({
      location: at(pointer),
      year: item.year as number,
      value: { feature: item.feature as string | undefined, highlight: item.highlight as string | undefined },
    });
  });
  eachRecord(doc, 'staff', excluded, (item, pointer) => {
    contribution.staff.push({ location: at(pointer), year: item.year as number, value: { total: item.total as number, archived: item.archived as number } });
  });
  return contribution;
}

function readHeader(header: Json): BranchHeader {
  return {
    id: header.id as string,
    name: header.name as string,
    parent: header.parent as string | undefined,
    established: header.established as string | undefined,
    dissolved: header.dissolved as string | undefined,
    members: header.members as number,
    groups: (header.groups as string[] | undefined) ?? [],
    secretary: header.secretary as string | undefined,
    termStart: header.termStart as string | undefined,
  };
}

/** Type ids by the type as written (a name, or names joined by NUL), per registry. */
const resolvedTypes = new WeakMap<TypeRegistry, Map<string, string[]>>();

/** The type ids a registry resolved so far (one cache a run, looked up once a file). */
function typeIdCache(types: TypeRegistry): Map<string, string[]> {
  let cache = resolvedTypes.get(types);
  if (!cache) resolvedTypes.set(types, (cache = new Map()));
  return cache;
}

/** The normalised type ids of an activity's `type` (one name or a list), shared between records. */
function typeIds(value: string | string[], { types, typeIds: cache }: Reading): string[] {
  const key = typeof value === 'string' ? value : value.join('\u0000');
  let ids = cache.get(key);
  if (!ids) {
    const names = ([] as string[]).concat(value);
    ids = sharedList([...new Set(names.map((name) => types.resolve(name)!.id))]);
    if (cache.size < 10_000) cache.set(key, ids);
  }
  return ids;
}

/** The fields an activity may leave out (a record of who, how many and what was decided). */
const OPTIONAL_FIELDS = [
  'group', 'firstTopic', 'assignments', 'attendance', 'lecturer', 'lecturerRole', 'host', 'recorder', 'agenda', 'resolution', 'absentees', 'guests', 'votes', 'evidence', 'place',
] as const satisfies readonly (keyof Activity)[];

type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** Each optional field's bit, by name. */
const OPTIONAL_BITS = new Map<string, number>(OPTIONAL_FIELDS.map((field, index) => [field, 1 << index]));
const BIT = Object.fromEntries(OPTIONAL_BITS) as Record<OptionalField, number>;

/**
 * An activity record: where it is, its date and types, and the optional fields that `source`
 * gives. Activities come in two shapes only, so that the rules' reads of their fields stay fast:
 * one that gives none of the optional fields (a million such activities in one branch stay small),
 * and one with every optional field, undefined where the record does not give it.
 */
function newActivity(file: string, where: Position, date: string, types: string[], source: Json): Activity {
  const { line, column, sheet } = where;
  const title = source.title as string | undefined;
  // Its own keys tell which optional fields a record gives (looking a field up in a record that
  // lacks it costs the most).
  let given = 0;
  for (const key in source) given |= OPTIONAL_BITS.get(key) ?? 0;
  const activity: Activity = given === 0 ? { file, line, column, date, types, title } : withRecordFields(file, line, column, date, types, title, given, source);
  if (sheet !== undefined) activity.sheet = sheet;
  return activity;
}

/**
 * An activity with every optional field, spelled out (in OPTIONAL_FIELDS order) as one literal,
 * which its type holds to every field of the list: its fields are then kept inside the object. Set
 * one by one in a loop, they took 13 MB more per check of 1,000 branches and made reading records
 * about 15 % slower.
 */
function withRecordFields(file: string, line: number, column: number, date: string, types: string[], title: string | undefined, given: number, source: Json): Activity & Record<OptionalField, unknown> {
  const record = source as unknown as Activity;
  return {
    file, line, column, date, types, title,
    group: given & BIT.group ? record.group : undefined,
    firstTopic: given & BIT.firstTopic ? record.firstTopic : undefined,
    assignments: given & BIT.assignments ? record.assignments : undefined,
    attendance: given & BIT.attendance ? record.attendance : undefined,
    lecturer: given & BIT.lecturer ? record.lecturer : undefined,
    lecturerRole: given & BIT.lecturerRole ? record.lecturerRole : undefined,
    host: given & BIT.host ? record.host : undefined,
    recorder: given & BIT.recorder ? record.recorder : undefined,
    agenda: given & BIT.agenda ? record.agenda : undefined,
    resolution: given & BIT.resolution ? record.resolution : undefined,
    absentees: given & BIT.absentees ? record.absentees : undefined,
    guests: given & BIT.guests ? record.guests : undefined,
    votes: given & BIT.votes ? record.votes : undefined,
    evidence: given & BIT.evidence ? record.evidence : undefined,
    place: given & BIT.place ? record.place : undefined,
  };
}

/** An activity; undefined (with a finding) when it makes up for a period that had not ended. */
function readActivity(item: Json, pointer: string, reading: Reading): Activity | undefined {
  const { at, findings } = reading;
  // A date is one of a few hundred: one string for all the activities of a day.
  const where = positionOf(reading.positions, pointer);
  const activity = newActivity(reading.file, where, sharedText(item.date as string), typeIds(item.type as string | string[], reading), item);
  if (item.makeUpFor !== undefined) activity.makeUpFor = parsePeriod(String(item.makeUpFor));
  if (!activity.makeUpFor || activity.date > activity.makeUpFor.end) return activity;
  findings.push({
    ruleId: 'schema',
    location: at(`${pointer}/makeUpFor`),
    messageId: 'schema.makeUpNotAfter',
    params: { period: activity.makeUpFor.id, date: activity.date },
  });
  return undefined;
}

function readCase(item: Json, location: Location): Case {
  return { location, id: String(item.id), date: item.date as string, followUps: ((item.followUps as string[] | undefined) ?? []).slice().sort() };
}

/** A waiver; undefined (with a finding) when its rule is unknown, has no period, or has another kind of period. */
function readWaiver(item: Json, pointer: string, { at, rules, findings }: Reading): Waiver | undefined {
  const rule = item.rule as string;
  const period = parsePeriod(String(item.period))!;
  const kind = rules.periodOf(rule);
  if (kind === undefined || kind === null) {
    const messageId = kind === undefined ? 'schema.waiverUnknownRule' : 'schema.waiverNoPeriod';
    findings.push({ ruleId: 'schema', location: at(`${pointer}/rule`, 'value'), messageId, params: { rule } });
    return undefined;
  }
  if (period.kind !== kind) {
    findings.push({
      ruleId: 'schema',
      location: at(`${pointer}/period`, 'value'),
      messageId: 'schema.waiverPeriodKind',
      params: { rule, period: period.id, kind: { 'zh-CN': KIND_ZH[kind], en: kind } },
    });
    return undefined;
  }
  return { location: at(pointer), rule, period, reason: item.reason as string, approvedBy: item.approvedBy as string };
}

const KIND_ZH: Record<PeriodKind, string> = { month: '月', quarter: '季度', 'half-year': '半年', year: '年' };

/**
 * A file's facts copied from another thread (structured clone): every record an object of another
 * shape, with its own copy of its file name, date and type list. Made again as here, they take as
 * little memory as records read in this thread (a big branch analysed in workers).
 */
export function shareCopied(facts: FileFacts): FileFacts {
  const { contribution } = facts;
  if (!contribution) return facts;
  contribution.activities = contribution.activities.map((copied) => {
    // The copy's own line, column and sheet are where it is.
    const activity = newActivity(sharedText(copied.file), copied, sharedText(copied.date), sharedList(copied.types), copied as unknown as Json);
    if (copied.makeUpFor !== undefined) activity.makeUpFor = copied.makeUpFor;
    return activity;
  });
  return facts;
}
