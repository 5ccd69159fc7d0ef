/**
 * Builds the model from loaded files: validates each file against the schema, turns the valid parts
 * into activities, cases and waivers, and merges files that carry the same branch id.
 */
import type { LoadedFile } from '../load/index.js';
import { guessBranchId } from '../load/branch-id.js';
import { positionOf } from '../load/positions.js';
import { issueScope, OMITTED_ISSUE, type BranchLogValidator, type SchemaIssue } from '../schema/validate.js';
import type { Location, RawFinding } from '../types.js';
import type { TypeRegistry } from './activity-types.js';
import type { Activity, Branch, BranchHeader, Case, Waiver } from './model.js';
import { parsePeriod, type PeriodKind } from './period.js';
import { NO_ITEMS, sharedList } from './shared.js';

/** What the model needs to know about rules: which exist, and the period kind of each. */
export interface RuleCatalogue {
  /** undefined: no such rule; null: a rule without a period (cannot be waived). */
  periodOf(ruleId: string): PeriodKind | null | undefined;
}

export interface ModelResult {
  branches: Branch[];
  findings: RawFinding[];
}

const HEADER_FIELDS: (keyof BranchHeader)[] = [
  'name',
  'parent',
  'established',
  'dissolved',
  'members',
  'groups',
  'secretary',
  'termStart',
];

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
  contribution?: BranchContribution;
}

export function buildModel(
  files: LoadedFile[],
  validator: BranchLogValidator,
  types: TypeRegistry,
  rules: RuleCatalogue,
): ModelResult {
  return mergeFileFacts(files.map((loaded) => fileFacts(loaded, validator, types, rules)));
}

/** Validates one loaded file and reads its records. */
export function fileFacts(
  loaded: LoadedFile,
  validator: BranchLogValidator,
  types: TypeRegistry,
  rules: RuleCatalogue,
): FileFacts {
  const display = loaded.file.display;
  const facts: FileFacts = { file: display, findings: [...loaded.problems], recordFindings: [] };
  if (loaded.problems.length || loaded.value === undefined) {
    const id = loaded.text !== undefined ? guessBranchId(loaded.text) : undefined;
    if (id) facts.incompleteId = id;
    return facts;
  }
  const positions = loaded.positions!;
  const at = (pointer: string, which: 'key' | 'value' = 'key'): Location => {
    const position = positionOf(positions, pointer, which);
    return { file: display, line: position.line, column: position.column };
  };
  const schemaFinding = (issue: SchemaIssue): RawFinding => ({
    ruleId: 'schema',
    location: at(issue.pointer, issue.at),
    messageId: issue.messageId,
    params: issue.params,
  });

  const issues = validator.check(loaded.value, MAX_SCHEMA_FINDINGS_PER_FILE);
  const excluded = new Set<string>();
  let fileExcluded = false;
  const omitted = issues.filter((issue) => issue.messageId === OMITTED_ISSUE);
  if (omitted.length) {
    facts.findings.push({ ...schemaFinding(omitted[0]), messageId: 'schema.moreProblems', params: { count: omitted.length } });
  }
  for (const issue of issues) {
    if (issue.messageId !== OMITTED_ISSUE) facts.findings.push(schemaFinding(issue));
    const scope = issueScope(issue.pointer);
    if (scope) excluded.add(`${scope.collection}/${scope.index}`);
    else fileExcluded = true;
  }
  const doc = loaded.value as Json;
  const header = (doc && typeof doc === 'object' ? doc.branch : undefined) as Json | undefined;
  const branchId = typeof header?.id === 'string' && /^\S{1,64}$/.test(header.id) ? header.id : undefined;
  if (fileExcluded) {
    if (branchId) facts.incompleteId = branchId;
    return facts;
  }
  const items = (name: string) => {
    const list = (doc[name] as Json[] | undefined) ?? [];
    const kept: { item: Json; pointer: string }[] = [];
    for (let index = 0; index < list.length; index++) {
      if (excluded.size && excluded.has(`${name}/${index}`)) continue;
      kept.push({ item: list[index], pointer: `/${name}/${index}` });
    }
    return kept;
  };

  const given: BranchContribution['given'] = {};
  for (const field of HEADER_FIELDS) if (field in header!) given[field] = at(`/branch/${field}`);
  const contribution: BranchContribution = {
    id: branchId!,
    location: at('/branch'),
    header: readHeader(header!),
    given,
    activities: [],
    cases: [],
    waivers: [],
    features: [],
    staff: [],
  };
  facts.contribution = contribution;

  for (const { item, pointer } of items('activities')) {
    const activity = readActivity(item, at(pointer), types);
    if (activity.makeUpFor && activity.date <= activity.makeUpFor.end) {
      facts.recordFindings.push({
        ruleId: 'schema',
        location: at(`${pointer}/makeUpFor`),
        messageId: 'schema.makeUpNotAfter',
        params: { period: activity.makeUpFor.id, date: activity.date },
      });
      continue;
    }
    contribution.activities.push(activity);
  }
  for (const { item, pointer } of items('cases')) {
    contribution.cases.push({
      location: at(pointer),
      id: String(item.id),
      date: item.date as string,
      followUps: ((item.followUps as string[] | undefined) ?? []).slice().sort(),
    } satisfies Case);
  }
  for (const { item, pointer } of items('waivers')) {
    const waiver = readWaiver(item, at(pointer), at(`${pointer}/rule`, 'value'), at(`${pointer}/period`, 'value'), rules, facts.recordFindings);
    if (waiver) contribution.waivers.push(waiver);
  }
  for (const { item, pointer } of items('features')) {
    contribution.features.push({
      location: at(pointer),
      year: item.year as number,
      value: { feature: item.feature as string | undefined, highlight: item.highlight as string | undefined },
    });
  }
  for (const { item, pointer } of items('staff')) {
    contribution.staff.push({
      location: at(pointer),
      year: item.year as number,
      value: { total: item.total as number, archived: item.archived as number },
    });
  }
  return facts;
}

/** Merges the files' facts, in path order, into branches; the findings in the order they arise. */
export function mergeFileFacts(files: FileFacts[]): ModelResult {
  const findings: RawFinding[] = [];
  const branches = new Map<string, Branch>();
  const incompleteIds = new Set<string>();

  for (const facts of files) {
    findings.push(...facts.findings);
    if (facts.incompleteId !== undefined) incompleteIds.add(facts.incompleteId);
    const contribution = facts.contribution;
    if (!contribution) continue;
    let branch = branches.get(contribution.id);
    if (!branch) {
      branch = {
        header: contribution.header,
        location: contribution.location,
        headerLocations: {},
        files: [],
        activities: [],
        cases: [],
        waivers: [],
        features: [],
        staff: [],
        incomplete: false,
      };
      branches.set(contribution.id, branch);
    }
    branch.files.push(facts.file);
    mergeHeader(branch, contribution, findings);
    findings.push(...facts.recordFindings);
    for (const activity of contribution.activities) branch.activities.push(activity);
    for (const item of contribution.cases) branch.cases.push(item);
    for (const item of contribution.waivers) branch.waivers.push(item);
    for (const item of contribution.features) branch.features.push(item);
    for (const item of contribution.staff) branch.staff.push(item);
  }

  for (const id of incompleteIds) {
    const branch = branches.get(id);
    if (branch) branch.incomplete = true;
  }
  const list = [...branches.values()].sort((a, b) => compareStrings(a.header.id, b.header.id));
  for (const branch of list) markDuplicates(branch.activities);
  return { branches: list, findings };
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

/** Header fields given in several files must agree; the first file's value stands. */
function mergeHeader(branch: Branch, contribution: BranchContribution, findings: RawFinding[]): void {
  const incoming = contribution.header;
  for (const field of HEADER_FIELDS) {
    const location = contribution.given[field];
    if (!location) continue;
    const first = branch.headerLocations[field];
    if (!first) {
      // The first file to give a field sets it (files that omit a field never conflict).
      branch.headerLocations[field] = location;
      (branch.header as unknown as Json)[field] = incoming[field];
      continue;
    }
    const before = JSON.stringify(branch.header[field]);
    const now = JSON.stringify(incoming[field]);
    if (before !== now) {
      findings.push({
        ruleId: 'branch-conflict',
        branch: branch.header.id,
        location,
        messageId: 'model.branchConflict',
        params: {
          branch: branch.header.id,
          field,
          value: display(incoming[field]),
          first: display(branch.header[field]),
          where: `${first.file}:${first.line}`,
        },
      });
    }
  }
}

function display(value: unknown): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** Type ids by the type as written (a name, or names joined by NUL), per registry. */
const resolvedTypes = new WeakMap<TypeRegistry, Map<string, string[]>>();

/** The normalised type ids of an activity's `type` (one name or a list), shared between records. */
function typeIds(value: string | string[], types: TypeRegistry): string[] {
  let cache = resolvedTypes.get(types);
  if (!cache) resolvedTypes.set(types, (cache = new Map()));
  const key = typeof value === 'string' ? value : value.join('\u0000');
  let ids = cache.get(key);
  if (!ids) {
    const names = ([] as string[]).concat(value);
    ids = sharedList([...new Set(names.map((name) => types.resolve(name)!.id))]);
    if (cache.size < 10_000) cache.set(key, ids);
  }
  return ids;
}

function readActivity(item: Json, location: Location, types: TypeRegistry): Activity {
  return {
    location,
    date: item.date as string,
    types: typeIds(item.type as string | string[], types),
    title: item.title as string | undefined,
    group: item.group as string | undefined,
    firstTopic: item.firstTopic as string | undefined,
    assignments: (item.assignments as string[] | undefined) ?? NO_ITEMS,
    attendance: item.attendance as Activity['attendance'],
    lecturerRole: item.lecturerRole as string | undefined,
    makeUpFor: item.makeUpFor === undefined ? undefined : parsePeriod(String(item.makeUpFor)),
  };
}

function readWaiver(
  item: Json,
  location: Location,
  ruleLocation: Location,
  periodLocation: Location,
  rules: RuleCatalogue,
  findings: RawFinding[],
): Waiver | undefined {
  const rule = item.rule as string;
  const period = parsePeriod(String(item.period))!;
  const kind = rules.periodOf(rule);
  if (kind === undefined) {
    findings.push({ ruleId: 'schema', location: ruleLocation, messageId: 'schema.waiverUnknownRule', params: { rule } });
    return undefined;
  }
  if (kind === null) {
    findings.push({ ruleId: 'schema', location: ruleLocation, messageId: 'schema.waiverNoPeriod', params: { rule } });
    return undefined;
  }
  if (period.kind !== kind) {
    findings.push({
      ruleId: 'schema',
      location: periodLocation,
      messageId: 'schema.waiverPeriodKind',
      params: { rule, period: period.id, kind: { 'zh-CN': KIND_ZH[kind], en: kind } },
    });
    return undefined;
  }
  return { location, rule, period, reason: item.reason as string, approvedBy: item.approvedBy as string };
}

const KIND_ZH: Record<PeriodKind, string> = { month: '月', quarter: '季度', 'half-year': '半年', year: '年' };

/** Sorted type ids as one string, by shared type list. */
const sortedTypeKeys = new WeakMap<readonly string[], string>();

/** Marks an activity that repeats an earlier one's date, types, title, group and make-up period. */
function markDuplicates(activities: Activity[]): void {
  const seen = new Map<string, Location>();
  for (const activity of activities) {
    let types = sortedTypeKeys.get(activity.types);
    if (types === undefined) {
      types = JSON.stringify([...activity.types].sort());
      if (Object.isFrozen(activity.types)) sortedTypeKeys.set(activity.types, types);
    }
    const title = activity.title ?? '';
    const group = activity.group ?? '';
    // The parts joined by NUL, or (when a part holds one) the JSON of them: equal keys, equal parts.
    const key =
      title.includes('\u0000') || group.includes('\u0000')
        ? JSON.stringify([activity.date, types, title, group, activity.makeUpFor?.id ?? ''])
        : `${activity.date}\u0000${types}\u0000${title}\u0000${group}\u0000${activity.makeUpFor?.id ?? ''}`;
    const first = seen.get(key);
    if (first) activity.duplicateOf = first;
    else seen.set(key, activity.location);
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
