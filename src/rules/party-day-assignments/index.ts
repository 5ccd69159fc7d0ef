import { listHasContent } from '../../model/placeholder.js';
import { counts, creditedPeriod } from '../cadence/index.js';
import { activitiesByType, activitiesOfType, evaluatedPeriods, monthOf } from '../scope.js';
import { defineRule, zh } from '../rule.js';
import { activityLocation } from '../../model/model.js';

/** Assigned items per month (`2026-03` → items), from the parent committee's assignments file. */
export type AssignmentPlan = Record<string, string[]>;

export default defineRule({
  meta: {
    id: 'party-day-assignments',
    category: 'content',
    severity: 'error',
    period: 'month',
    title: zh('主题党日须完成“规定作业”', 'Every Party day completes its assignments'),
    source: zh('讲话第三部分：开展“党员主题活动日”，按月完成“规定作业”', 'Speech, section 3: complete the assignments every month'),
    column: { short: zh('作业', 'Asg'), name: zh('规定作业', 'Assignments') },
    messages: {
      noAssignment: zh('{date} 的主题党日没有记录完成的“规定作业”（assignments；“无”之类的占位内容不算）', 'The Party day of {date} records no completed assignment (assignments; a placeholder such as “none” does not count)'),
      planMissing: zh(
        '{period} 的主题党日未完成上级布置的 {count} 项规定作业（共 {total} 项）：{items}',
        '{period}: the Party days did not complete {count} of the {total} assigned items: {items}',
      ),
    },
  },
  checkBranch({ branch, window, options, flag }) {
    for (const activity of activitiesOfType(branch, 'party-day', window)) {
      // 无, 略, N/A… record no assignment.
      if (activity.assignments && listHasContent(activity.assignments)) continue;
      flag('noAssignment', { period: monthOf(activity.date), location: activityLocation(activity), params: { date: activity.date } });
    }
    // Set by the configuration's `assignments:` file, not by a rule option.
    const plan = options.assignments as AssignmentPlan | undefined;
    if (!plan || branch.incomplete) return;
    for (const month of evaluatedPeriods(branch, 'month', window)) {
      const assigned = plan[month.id] ?? [];
      if (assigned.length === 0) continue;
      const done = new Set<string>();
      for (const activity of activitiesByType(branch).get('party-day') ?? []) {
        if (!counts(activity, window)) continue;
        if (creditedPeriod(activity, 'month').id !== month.id) continue;
        activity.assignments?.forEach((item) => done.add(item));
      }
      const missing = assigned.filter((item) => !done.has(item));
      if (missing.length === 0) continue;
      flag('planMissing', {
        period: month.id,
        location: branch.location,
        params: { period: month.id, items: missing.join('、'), count: missing.length, total: assigned.length },
      });
    }
  },
});
