import { periodState } from '../../model/model.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'stale-waiver',
    category: 'content',
    severity: 'warning',
    title: zh('豁免须有实际豁免的检查结果', 'Every waiver waives a finding'),
    source: zh('经批准的例外只用于确有缺项的周期', 'An approved exception is for a period that has a finding'),
    messages: {
      stale: zh(
        '豁免 {rule} {period} 没有豁免任何检查结果，请删除或核对规则和周期',
        'The waiver for {rule} {period} waives nothing; remove it or check its rule and period',
      ),
    },
  },
  /** Once every other finding is waived or not: a waiver of an evaluated period that waived nothing. */
  finish({ branches, windowOf, usedWaivers, enabled, flag }) {
    for (const branch of branches) {
      if (branch.incomplete) continue;
      for (const waiver of branch.waivers) {
        if (usedWaivers.has(waiver) || !enabled(waiver.rule)) continue;
        if (periodState(branch, waiver.period, windowOf(branch)) !== 'evaluated') continue;
        flag('stale', {
          branch: branch.header.id,
          period: waiver.period.id,
          location: waiver.location,
          params: { rule: waiver.rule, period: waiver.period.id },
        });
      }
    }
  },
});
