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
  onTime: Activity[];
  /** Activities held after the period, for it (补开). */
  late: Activity[];
}

/** The period an activity counts for under a requirement of `kind`, and whether it is a make-up. */
export function creditedPeriod(activity: Activity, kind: Period['kind']): { period: Period; late: boolean } {
  const makeUp = activity.makeUpFor;
  if (makeUp && isFinerOrEqual(makeUp.kind, kind)) {
    const period = periodOf(makeUp.start, kind);
    return { period, late: activity.date > period.end };
  }
  return { period: periodOf(activity.date, kind), late: false };
}

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
  const credited = new Map<string, Map<string | undefined, { onTime: Activity[]; late: Activity[] }>>();
  for (const activity of activitiesByType(branch).get(definition.type) ?? []) {
    if (!counts(activity, window)) continue;
    if (definition.perGroup && !branch.header.groups.includes(activity.group ?? '')) continue;
    const { period, late } = creditedPeriod(activity, definition.period);
    let byGroup = credited.get(period.id);
    if (!byGroup) credited.set(period.id, (byGroup = new Map()));
    const unit = definition.perGroup ? activity.group : undefined;
    let entry = byGroup.get(unit);
    if (!entry) byGroup.set(unit, (entry = { onTime: [], late: [] }));
    (late ? entry.late : entry.onTime).push(activity);
  }
  const cells: CadenceCell[] = [];
  for (const period of periods) {
    const state = periodState(branch, period, window);
    const byGroup = credited.get(period.id);
    for (const group of units) {
      const entry = byGroup?.get(group) ?? { onTime: [], late: [] };
      cells.push({ period, group, min: definition.min, onTime: entry.onTime, late: entry.late, state: cellState(state, entry, definition.min) });
    }
  }
  return cells;
}

function cellState(
  state: ReturnType<typeof periodState>,
  entry: { onTime: Activity[]; late: Activity[] },
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

