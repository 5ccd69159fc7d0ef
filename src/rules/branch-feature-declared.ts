import { evaluatedPeriods } from './scope.js';
import { zh, type Rule } from './rule.js';

export const branchFeatureDeclared: Rule = {
  meta: {
    id: 'branch-feature-declared',
    category: 'content',
    severity: 'warning',
    period: 'year',
    title: zh('每年明确“一支部一特色、一支部一亮点”', 'A branch feature and highlight every year'),
    source: zh('讲话第二部分：广泛开展“一支部一特色，一支部一亮点”活动', 'Speech, section 2: one feature and one highlight per branch'),
  },
  checkBranch({ branch, window, report }) {
    if (branch.incomplete) return;
    for (const year of evaluatedPeriods(branch, 'year', window)) {
      const entry = branch.features.find((f) => String(f.year) === year.id);
      const missing = [
        entry?.value.feature?.trim() ? '' : 'feature',
        entry?.value.highlight?.trim() ? '' : 'highlight',
      ].filter(Boolean);
      if (missing.length === 0) continue;
      report({
        period: year.id,
        location: entry?.location ?? branch.location,
        messageId: entry ? `feature.missing.${missing.join('-')}` : 'feature.none',
        params: { period: year.id },
      });
    }
  },
};
