import { projectedDue } from '../due.js';
import { evaluatedPeriods } from '../scope.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'staff-archive-complete',
    category: 'content',
    severity: 'warning',
    period: 'year',
    title: zh('职工个人及家庭信息档案建档齐全', 'Staff archives are complete every year'),
    source: zh('讲话第三部分：建立职工个人及家庭信息档案', 'Speech, section 3: keep a personal and family archive for every employee'),
    column: { short: zh('档案', 'Stf'), name: zh('职工档案', 'Staff archive') },
    messages: {
      missing: zh('{period} 年度没有职工档案建档情况（staff）', '{period}: no staff archive counts (staff) for the year'),
      incomplete: zh(
        '{period} 年度职工档案建档不全：已建档 {archived} 人，职工 {total} 人',
        '{period}: staff archives are incomplete: {archived} archived of {total} staff',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    if (branch.incomplete) return;
    for (const year of evaluatedPeriods(branch, 'year', window)) {
      const entries = branch.staff.filter((entry) => String(entry.year) === year.id);
      if (entries.length === 0) {
        flag('missing', { period: year.id, location: branch.location, params: { period: year.id } });
        continue;
      }
      const entry = entries[0];
      if (entry.value.archived >= entry.value.total) continue;
      flag('incomplete', {
        period: year.id,
        location: entry.location,
        params: { period: year.id, archived: entry.value.archived, total: entry.value.total },
      });
    }
  },
  due: projectedDue,
});
