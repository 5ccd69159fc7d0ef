/**
 * The one function that evaluates every cadence requirement: how many activities of a type each
 * period (and each Party group) had, and whether that meets the minimum. `check` turns missing cells
 * into findings and `report` shows every cell, so the two can never disagree.
 */
import type { Activity, Branch, EvaluationWindow } from '../model/model.js';
import { periodState } from '../model/model.js';
import { isFinerOrEqual, periodOf, periodsOverlapping, type Period } from '../model/period.js';
import type { TypeRegistry } from '../model/activity-types.js';
import type { CadenceDefinition } from './cadence-definitions.js';
import type { Rule } from './rule.js';

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
  periods: Period[],
  window: EvaluationWindow,
): CadenceCell[] {
  const units: (string | undefined)[] = definition.perGroup ? branch.header.groups : [undefined];
  const credited = new Map<string, { onTime: Activity[]; late: Activity[] }>();
  for (const activity of branch.activities) {
    if (!activity.types.includes(definition.type) || !counts(activity, window)) continue;
    if (definition.perGroup && !branch.header.groups.includes(activity.group ?? '')) continue;
    const { period, late } = creditedPeriod(activity, definition.period);
    const key = `${period.id}\u0000${definition.perGroup ? activity.group : ''}`;
    let entry = credited.get(key);
    if (!entry) credited.set(key, (entry = { onTime: [], late: [] }));
    (late ? entry.late : entry.onTime).push(activity);
  }
  const cells: CadenceCell[] = [];
  for (const period of periods) {
    const state = periodState(branch, period, window);
    for (const group of units) {
      const entry = credited.get(`${period.id}\u0000${group ?? ''}`) ?? { onTime: [], late: [] };
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

/** A cadence definition as a rule: the periods from the evaluation start to the as-of date. */
export function cadenceRule(definition: CadenceDefinition, types: TypeRegistry): Rule {
  const source = typeof definition.source === 'string' ? { 'zh-CN': definition.source, en: definition.source } : definition.source;
  return {
    meta: {
      id: definition.id,
      category: 'cadence',
      severity: definition.severity,
      period: definition.period,
      title: definition.title,
      source,
    },
    checkBranch({ branch, window, report }) {
      if (branch.incomplete) return;
      const periods = periodsOverlapping(definition.period, window.since, window.asOf);
      for (const cell of evaluateCadence(branch, definition, periods, window)) {
        if (cell.state !== 'missing') continue;
        report({
          period: cell.period.id,
          location: branch.location,
          messageId: cell.group === undefined ? 'cadence.missing' : 'cadence.missingGroup',
          params: {
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
  };
}
