import { creditedPeriod, counts } from './cadence.js';
import { activitiesOfType, evaluatedPeriods, monthOf } from './scope.js';
import { zh, type Rule } from './rule.js';

/** Assigned items per month (`2026-03` → items), from the parent committee's assignments file. */
export type AssignmentPlan = Record<string, string[]>;

export const partyDayAssignments: Rule = {
  meta: {
    id: 'party-day-assignments',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('主题党日须完成“规定作业”', 'Every Party day completes its assignments'),
    source: zh('讲话第三部分：开展“党员主题活动日”，按月完成“规定作业”', 'Speech, section 3: complete the assignments every month'),
  },
  checkBranch({ branch, window, options, report }) {
    for (const activity of activitiesOfType(branch, 'party-day', window)) {
      if (activity.assignments.length > 0) continue;
      report({
        period: monthOf(activity.date),
        location: activity.location,
        messageId: 'partyDay.noAssignment',
        params: { date: activity.date },
      });
    }
    const plan = options.assignments as AssignmentPlan | undefined;
    if (!plan || branch.incomplete) return;
    for (const month of evaluatedPeriods(branch, 'month', window)) {
      const assigned = plan[month.id] ?? [];
      if (assigned.length === 0) continue;
      const done = new Set<string>();
      for (const activity of branch.activities) {
        if (!activity.types.includes('party-day') || !counts(activity, window)) continue;
        if (creditedPeriod(activity, 'month').period.id !== month.id) continue;
        activity.assignments.forEach((item) => done.add(item));
      }
      const missing = assigned.filter((item) => !done.has(item));
      if (missing.length === 0) continue;
      report({
        period: month.id,
        location: branch.location,
        messageId: 'partyDay.planMissing',
        params: { period: month.id, items: missing.join('、'), count: missing.length, total: assigned.length },
      });
    }
  },
};
