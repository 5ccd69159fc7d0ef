import { evaluatedPeriods } from '../scope.js';
import { projectedDue } from '../due.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'branch-feature-declared',
    category: 'content',
    severity: 'warning',
    period: 'year',
    title: zh('每年明确“一支部一特色、一支部一亮点”', 'A branch feature and highlight every year'),
    source: zh('讲话第二部分：广泛开展“一支部一特色，一支部一亮点”活动', 'Speech, section 2: one feature and one highlight per branch'),
    column: { short: zh('特色', 'Ftr'), name: zh('特色亮点', 'Feature') },
    messages: {
      none: zh('{period} 年度没有填写“一支部一特色、一支部一亮点”（features）', '{period}: no branch feature and highlight (features) for the year'),
      feature: zh('{period} 年度没有填写支部特色（feature）', '{period}: no branch feature (feature) for the year'),
      highlight: zh('{period} 年度没有填写支部亮点（highlight）', '{period}: no branch highlight (highlight) for the year'),
      'feature-highlight': zh(
        '{period} 年度没有填写支部特色（feature）和亮点（highlight）',
        '{period}: no branch feature (feature) and highlight (highlight) for the year',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    if (branch.incomplete) return;
    for (const year of evaluatedPeriods(branch, 'year', window)) {
      const entry = branch.features.find((f) => String(f.year) === year.id);
      const feature = !entry?.value.feature?.trim();
      const highlight = !entry?.value.highlight?.trim();
      if (!feature && !highlight) continue;
      const messageId = !entry ? 'none' : feature && highlight ? 'feature-highlight' : feature ? 'feature' : 'highlight';
      flag(messageId, { period: year.id, location: entry?.location ?? branch.location, params: { period: year.id } });
    }
  },
  due: projectedDue,
});
