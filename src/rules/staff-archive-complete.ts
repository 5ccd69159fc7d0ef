import { evaluatedPeriods } from './scope.js';
import { zh, type Rule } from './rule.js';

export const staffArchiveComplete: Rule = {
  meta: {
    id: 'staff-archive-complete',
    category: 'content',
    severity: 'warning',
    period: 'year',
    title: zh('职工个人及家庭信息档案建档齐全', 'Staff archives are complete every year'),
    source: zh('讲话第三部分：建立职工个人及家庭信息档案', 'Speech, section 3: keep a personal and family archive for every employee'),
  },
  checkBranch({ branch, window, report }) {
    if (branch.incomplete) return;
    for (const year of evaluatedPeriods(branch, 'year', window)) {
      const entries = branch.staff.filter((entry) => String(entry.year) === year.id);
      if (entries.length === 0) {
        report({ period: year.id, location: branch.location, messageId: 'staff.missing', params: { period: year.id } });
        continue;
      }
      const entry = entries[0];
      if (entry.value.archived >= entry.value.total) continue;
      report({
        period: year.id,
        location: entry.location,
        messageId: 'staff.incomplete',
        params: { period: year.id, archived: entry.value.archived, total: entry.value.total },
      });
    }
  },
};
