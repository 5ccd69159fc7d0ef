/**
 * The one function that evaluates every cadence requirement: how many activities of a type each
 * period (and each Party group) had, and whether that meets the minimum. `check` turns missing cells
 * into findings, the quarterly report shows every cell and `due` the open ones, so they can never
 * disagree.
 */
import type { ExcludedActivity } from '../../model/excluded.js';
import type { Activity, Branch, EvaluationWindow } from '../../model/model.js';
import { periodState } from '../../model/model.js';
import { isFinerOrEqual, periodOf, periodsOverlapping, type Period } from '../../model/period.js';
import type { TypeRegistry } from '../../model/activity-types.js';
import { defineRule, zh, type Rule } from '../rule.js';
import { activitiesByType, duePeriods } from '../scope.js';
import type { CadenceDefinition } from './definitions.js';

export type CellState = 'done' | 'late' | 'missing' | 'pending' | 'not-applicable' | 'future';

export interface CadenceCell {
  period: Period;
  group?: string;
  state: CellState;
  min: number;
  /** Activities held inside the period. */
  onTime: readonly Activity[];
  /** Activities held after the period, for it (补开). */
  late: readonly Activity[];
}

/**
 * The period an activity counts for under a requirement of `kind` (its make-up period, when it has
 * one as fine as `kind`); it is late, a make-up held after the period, when dated after its end.
 */
export function creditedPeriod(activity: Activity, kind: Period['kind']): Period {
  const makeUp = activity.makeUpFor;
  return periodOf(makeUp && isFinerOrEqual(makeUp.kind, kind) ? makeUp.start : activity.date, kind);
}

/** A cell's activities: none yet (shared, never changed). */
const NO_ACTIVITIES: readonly Activity[] = Object.freeze([]);
const NO_CREDIT = Object.freeze({ onTime: NO_ACTIVITIES, late: NO_ACTIVITIES });

/** Whether an activity can count at all: not a repeat, and not dated after the as-of date. */
export function counts(activity: Activity, window: EvaluationWindow): boolean {
  return !activity.duplicateOf && activity.date <= window.asOf;
}

export function evaluateCadence(
  branch: Branch,
  definition: CadenceDefinition,
  periods: readonly Period[],
  window: EvaluationWindow,
): CadenceCell[] {
  const units: (string | undefined)[] = definition.perGroup ? branch.header.groups : [undefined];
  // By period id, then by Party group: no key is built per activity.
  // By period id (and Party group): a key string is built only for a row kept per group.
  const key = (period: Period, group: string | undefined) => (definition.perGroup ? `${period.id}\u0000${group}` : period.id);
  const credited = new Map<string, { onTime: Activity[]; late: Activity[] }>();
  for (const activity of activitiesByType(branch).get(definition.type) ?? []) {
    if (!counts(activity, window)) continue;
    if (definition.perGroup && !branch.header.groups.includes(activity.group ?? '')) continue;
    const period = creditedPeriod(activity, definition.period);
    const at = key(period, activity.group);
    let entry = credited.get(at);
    if (!entry) credited.set(at, (entry = { onTime: [], late: [] }));
    (activity.date > period.end ? entry.late : entry.onTime).push(activity);
  }
  const cells: CadenceCell[] = [];
  for (const period of periods) {
    const state = periodState(branch, period, window);
    for (const group of units) {
      const entry = credited.get(key(period, group)) ?? NO_CREDIT;
      cells.push({ period, group, min: definition.min, onTime: entry.onTime, late: entry.late, state: cellState(state, entry, definition.min) });
    }
  }
  return cells;
}

function cellState(
  state: ReturnType<typeof periodState>,
  entry: { onTime: readonly Activity[]; late: readonly Activity[] },
  min: number,
): CellState {
  if (state === 'not-applicable' || state === 'future') return state;
  if (state === 'pending') return 'pending';
  if (entry.onTime.length >= min) return 'done';
  if (entry.onTime.length + entry.late.length >= min) return 'late';
  return 'missing';
}

const UNIT = {
  month: { 'zh-CN': '月', en: 'month' },
  quarter: { 'zh-CN': '季度', en: 'quarter' },
  'half-year': { 'zh-CN': '半年', en: 'half-year' },
  year: { 'zh-CN': '年', en: 'year' },
} as const;

const MESSAGES = {
  missing: zh('{period} 未开展{type}：要求每{unit}至少 {min} 次，实际 {count} 次', '{period}: no {type} held; at least {min} per {unit} required, {count} held'),
  missingGroup: zh(
    '{period} 党小组“{group}”未开展{type}：要求每{unit}至少 {min} 次，实际 {count} 次',
    '{period}: Party group "{group}" held no {type}; at least {min} per {unit} required, {count} held',
  ),
  excluded: zh(
    '{period} 未开展{type}：第 {line} 行的{type}因格式错误未计入，改正该行后即可计入（要求每{unit}至少 {min} 次，实际 {count} 次）',
    '{period}: no {type} counted: the {type} on line {line} was left out for a format error; correct that line and it counts (at least {min} per {unit} required, {count} held)',
  ),
};

/** An activity left out for a schema problem that would have counted for the cell. */
function excludedFor(branch: Branch, definition: CadenceDefinition, cell: CadenceCell): ExcludedActivity | undefined {
  return branch.excluded.find(
    (left) =>
      left.month !== undefined &&
      left.types.includes(definition.type) &&
      periodOf(left.month, definition.period).id === cell.period.id &&
      (cell.group === undefined || left.group === undefined || left.group === cell.group),
  );
}

/** A cadence definition as a rule: the periods from the evaluation start to the as-of date. */
export function cadenceRule(definition: CadenceDefinition, types: TypeRegistry): Rule {
  const source = typeof definition.source === 'string' ? { 'zh-CN': definition.source, en: definition.source } : definition.source;
  return defineRule({
    meta: {
      id: definition.id,
      category: 'cadence',
      severity: definition.severity,
      period: definition.period,
      title: definition.title,
      source,
      ...(definition.short ? { column: { short: definition.short } } : {}),
      messages: MESSAGES,
    },
    checkBranch({ branch, window, flag }) {
      if (branch.incomplete) return;
      const periods = periodsOverlapping(definition.period, window.since, window.asOf);
      for (const cell of evaluateCadence(branch, definition, periods, window)) {
        if (cell.state !== 'missing') continue;
        // Listed after the schema problem that explains it, at the activity that was left out.
        const left = excludedFor(branch, definition, cell);
        flag(left ? 'excluded' : cell.group === undefined ? 'missing' : 'missingGroup', {
          period: cell.period.id,
          location: left ? left.after : branch.location,
          params: {
            line: left?.location.line ?? 0,
            period: cell.period.id,
            type: types.label(definition.type),
            unit: UNIT[definition.period],
            min: definition.min,
            count: cell.onTime.length + cell.late.length,
            group: cell.group ?? '',
          },
        });
      }
    },
    /** Every cell of the current (and coming) periods that is not met yet. */
    due({ branch, window, until }) {
      return evaluateCadence(branch, definition, duePeriods(definition.period, window, until), window)
        .filter((cell) => (cell.state === 'pending' || cell.state === 'future') && cell.onTime.length + cell.late.length < cell.min)
        .map((cell) => ({
          kind: 'cadence' as const,
          key: cell.period.id,
          period: cell.period.id,
          ...(cell.group !== undefined ? { group: cell.group } : {}),
          deadline: cell.period.end,
          progress: { count: cell.onTime.length + cell.late.length, required: cell.min },
        }));
    },
  });
}

