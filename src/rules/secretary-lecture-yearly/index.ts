import { counts, creditedPeriod } from '../cadence/index.js';
import { projectedDue } from '../due.js';
import { activitiesByType, evaluatedPeriods } from '../scope.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'secretary-lecture-yearly',
    category: 'content',
    severity: 'error',
    period: 'year',
    title: zh('书记每年至少讲一次党课', 'The secretary gives a Party lecture every year'),
    source: zh(
      '《中国共产党支部工作条例（试行）》第十五条：党支部书记每年至少讲 1 次党课',
      'Regulations on the Work of Party Branches, art. 15: the secretary lectures at least once a year',
    ),
    column: { short: zh('书记', 'Sec'), name: zh('书记讲党课', 'Secretary’s lecture') },
    messages: {
      missing: zh(
        '{period} 年度支部书记没有讲党课（需有一次 party-lecture 且 lecturerRole: secretary）',
        '{period}: the branch secretary gave no Party lecture (a party-lecture with lecturerRole: secretary)',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    if (branch.incomplete) return;
    const lectures = (activitiesByType(branch).get('party-lecture') ?? []).filter(
      (a) => a.lecturerRole === 'secretary' && counts(a, window),
    );
    for (const year of evaluatedPeriods(branch, 'year', window)) {
      // A make-up lecture (makeUpFor) counts for the year it makes up for, as in the cadence rules.
      if (lectures.some((a) => creditedPeriod(a, 'year').id === year.id)) continue;
      flag('missing', { period: year.id, location: branch.location, params: { period: year.id } });
    }
  },
  due: projectedDue,
});
