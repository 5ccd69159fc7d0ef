/**
 * Files that carry the same branch id make one branch: their records are joined in path order, and
 * header fields given in several files must agree.
 */
import { lineRef } from '../util/where.js';
import type { RawFinding } from '../types.js';
import { compareText } from '../util/compare.js';
import { markDuplicates } from './duplicates.js';
import { HEADER_FIELDS, type BranchContribution, type FileFacts } from './file-facts.js';
import type { Branch } from './model.js';

export interface ModelResult {
  branches: Branch[];
  findings: RawFinding[];
  /**
   * Branches known only from files that could not be read (a YAML or schema error in the file or
   * its header): nothing of them is evaluated, but the report still gives each its row.
   */
  unread: UnreadBranch[];
}

export interface UnreadBranch {
  id: string;
  name?: string;
  parent?: string;
  files: string[];
}

/** Merges the files' facts, in path order, into branches; the findings in the order they arise. */
export function mergeFileFacts(files: FileFacts[]): ModelResult {
  const findings: RawFinding[] = [];
  const branches = new Map<string, Branch>();
  const incompleteIds = new Set<string>();
  const unread = new Map<string, UnreadBranch>();

  for (const facts of files) {
    findings.push(...facts.findings);
    if (facts.incompleteId !== undefined) {
      incompleteIds.add(facts.incompleteId);
      const known = unread.get(facts.incompleteId) ?? { id: facts.incompleteId, files: [] };
      known.name ??= facts.incompleteName;
      known.parent ??= facts.incompleteParent;
      known.files.push(facts.file);
      unread.set(facts.incompleteId, known);
    }
    const contribution = facts.contribution;
    if (!contribution) continue;
    let branch = branches.get(contribution.id);
    if (!branch) branches.set(contribution.id, (branch = newBranch(contribution)));
    else addRecords(branch, contribution);
    branch.files.push(facts.file);
    mergeHeader(branch, contribution, findings);
    findings.push(...facts.recordFindings);
  }

  for (const id of incompleteIds) {
    const branch = branches.get(id);
    if (branch) {
      branch.incomplete = true;
      unread.delete(id);
    }
  }
  const list = [...branches.values()].sort((a, b) => compareText(a.header.id, b.header.id));
  for (const branch of list) markDuplicates(branch.activities);
  return { branches: list, findings, unread: [...unread.values()].sort((a, b) => compareText(a.id, b.id)) };
}

/**
 * A branch as its first file begins it, with that file's records: copies of its lists, each made at
 * its size at once (most branches are one file), so that the file's facts stay as they were.
 */
function newBranch(contribution: BranchContribution): Branch {
  return {
    header: contribution.header,
    location: contribution.location,
    headerLocations: {},
    files: [],
    activities: contribution.activities.slice(),
    cases: contribution.cases.slice(),
    waivers: contribution.waivers.slice(),
    features: contribution.features.slice(),
    staff: contribution.staff.slice(),
    excluded: contribution.excluded?.slice() ?? [],
    incomplete: false,
  };
}

/** The records of a further file of the branch, after those of the files before it. */
function addRecords(branch: Branch, contribution: BranchContribution): void {
  for (const activity of contribution.activities) branch.activities.push(activity);
  for (const item of contribution.cases) branch.cases.push(item);
  for (const item of contribution.waivers) branch.waivers.push(item);
  for (const item of contribution.features) branch.features.push(item);
  for (const item of contribution.staff) branch.staff.push(item);
  for (const item of contribution.excluded ?? []) branch.excluded.push(item);
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
      (branch.header as unknown as Record<string, unknown>)[field] = incoming[field];
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
          where: lineRef(first),
        },
      });
    }
  }
}

function display(value: unknown): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}
