import { addMonths } from '../../model/dates.js';
import type { Branch, EvaluationWindow } from '../../model/model.js';
import { defineRule, zh, type TermStage } from '../rule.js';

/** `due` reminds of the election this many months before the term ends (and monthly after). */
const REMINDER_MONTHS = [6, 3, 1] as const;

/** The current term's end, when the branch has a term and is not dissolved. */
function termOf(branch: Branch, window: EvaluationWindow, years: number): { termStart: string; expiry: string } | undefined {
  const { termStart, dissolved } = branch.header;
  if (!termStart || (dissolved && dissolved <= window.asOf)) return undefined;
  return { termStart, expiry: addMonths(termStart, years * 12) };
}

export default defineRule({
  meta: {
    id: 'term-expiry',
    category: 'content',
    severity: 'error',
    title: zh('支委会按期换届', 'The committee is re-elected when its term ends'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：党支部委员会每届任期一般为 3 年',
      'Regulations on the Work of Party Branches: a committee term is normally 3 years',
    ),
    options: {
      years: { type: 'integer', minimum: 1, default: 3, description: zh('任期（年）', 'Term in years') },
      warnMonths: { type: 'integer', minimum: 0, default: 6, description: zh('提前提醒（月）', 'Months of early warning') },
    },
    messages: {
      expired: zh(
        '支委会任期已届满：{termStart} 换届，{years} 年任期于 {expiry} 到期，请及时换届',
        'The committee’s term has ended: elected on {termStart}, its {years}-year term ended on {expiry}; hold an election',
      ),
      expiring: zh(
        '支委会任期即将届满：{termStart} 换届，{years} 年任期于 {expiry} 到期，请做好换届准备',
        'The committee’s term ends soon: elected on {termStart}, its {years}-year term ends on {expiry}; prepare the election',
      ),
      due: zh('支委会换届（{termStart} 选举，任期 {years} 年）', 'Committee election (elected {termStart}, {years}-year term)'),
    },
  },
  checkBranch({ branch, window, options, flag }) {
    const { years, warnMonths } = options;
    const term = termOf(branch, window, years);
    if (!term) return;
    const { termStart, expiry } = term;
    const location = branch.headerLocations.termStart ?? branch.location;
    if (window.asOf >= expiry) {
      flag('expired', { location, params: { termStart, expiry, years } });
    } else if (warnMonths > 0 && window.asOf >= addMonths(expiry, -warnMonths)) {
      flag('expiring', { location, params: { termStart, expiry, years }, severity: 'warning' });
    }
  },
  /**
   * The election is reminded of 6, 3 and 1 months before the term ends and every month after it
   * has ended, until a new termStart is recorded: the item is due from the first reminder in the
   * window on, at the stage reached by the as-of date (or, before the first, the coming one).
   */
  due({ branch, window, until, options }) {
    const term = termOf(branch, window, options.years);
    if (!term) return [];
    const { termStart, expiry } = term;
    const { asOf } = window;
    const reminders = REMINDER_MONTHS.map((months) => addMonths(expiry, -months));
    for (let month = 0; addMonths(expiry, month) <= until || addMonths(expiry, month) <= asOf; month++) reminders.push(addMonths(expiry, month));
    const reached = REMINDER_MONTHS.filter((months) => asOf >= addMonths(expiry, -months));
    const coming = REMINDER_MONTHS.filter((months) => addMonths(expiry, -months) <= until);
    const months = reached.length ? reached.at(-1) : coming.at(-1);
    const stage: TermStage | undefined = asOf >= expiry ? 'expired' : months !== undefined ? (String(months) as TermStage) : undefined;
    if (!stage) return [];
    return [
      {
        kind: 'term',
        key: `term:${termStart}`,
        deadline: expiry,
        stage,
        reminders,
        title: { messageId: 'due', params: { termStart, years: options.years } },
        ...(stage === 'expired' ? {} : { severity: 'warning' as const }),
      },
    ];
  },
});
