/**
 * The one function that evaluates every cadence requirement: how many activities of a type each
 * period (and each Party group) had, and whether that meets the minimum. `check` turns missing cells
 * into findings, the quarterly report shows every cell and `due` the open ones, so they can never
 * disagree.
 */
import type { ExcludedActivity } from '../../model/excluded.js';
import type { Activity, Branch, EvaluationWindow } from '../../model/model.js';
import { periodState, type PeriodState } from '../../model/model.js';
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
/** The one unit of a requirement of the branch as a whole. */
const WHOLE_BRANCH: readonly undefined[] = Object.freeze([undefined]);

/** Whether an activity can count at all: not a repeat, and not dated after the as-of date. */
export function counts(activity: Activity, window: EvaluationWindow): boolean {
  return !activity.duplicateOf && activity.date <= window.asOf;
}

/**
 * The cells of a requirement: one per period (of the definition's kind, in order) and unit (each
 * Party group, or the branch). Each activity goes straight into its cell, found by position, so
 * that no key, map or list is made per activity.
 */
export function evaluateCadence(
  branch: Branch,
  definition: CadenceDefinition,
  periods: readonly Period[],
  window: EvaluationWindow,
): CadenceCell[] {
  const units: readonly (string | undefined)[] = definition.perGroup ? branch.header.groups : WHOLE_BRANCH;
  const cells: CadenceCell[] = [];
  for (let row = 0; row < periods.length; row++) {
    const period = periods[row];
    const state = stateBeforeCounting(periodState(branch, period, window));
    for (let unit = 0; unit < units.length; unit++) {
      cells.push({ period, group: units[unit], state, min: definition.min, onTime: NO_ACTIVITIES, late: NO_ACTIVITIES });
    }
  }
  const activities = activitiesByType(branch).get(definition.type) ?? NO_ACTIVITIES;
  for (let i = 0; i < activities.length; i++) {
    const activity = activities[i];
    if (!counts(activity, window)) continue;
    const period = creditedPeriod(activity, definition.period);
    const row = indexOfPeriod(periods, period);
    if (row < 0) continue;
    for (let unit = 0; unit < units.length; unit++) {
      if (definition.perGroup && units[unit] !== activity.group) continue;
      const cell = cells[row * units.length + unit];
      if (activity.date > period.end) cell.late = withActivity(cell.late, activity);
      else cell.onTime = withActivity(cell.onTime, activity);
    }
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.state === 'missing') cell.state = countedState(cell);
  }
  return cells;
}

/** A cell's state before its activities are counted: an evaluated period's is missing until they meet the minimum. */
function stateBeforeCounting(state: PeriodState): CellState {
  return state === 'evaluated' ? 'missing' : state;
}

/** An evaluated cell's state: done when held in time, late when only with make-ups, else missing. */
function countedState(cell: CadenceCell): CellState {
  if (cell.onTime.length >= cell.min) return 'done';
  if (cell.onTime.length + cell.late.length >= cell.min) return 'late';
  return 'missing';
}

/** Where `period` is in `periods` (of its kind, in order), or -1. */
function indexOfPeriod(periods: readonly Period[], period: Period): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = periods[middle].start;
    if (start === period.start) return middle;
    if (start < period.start) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The list with `activity` added: a cell's first activity replaces the shared empty list. */
function withActivity(list: readonly Activity[], activity: Activity): readonly Activity[] {
  if (list === NO_ACTIVITIES) return [activity];
  (list as Activity[]).push(activity);
  return list;
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

