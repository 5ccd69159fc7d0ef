import { addMonths } from '../model/dates.js';
import { zh, type Rule } from './rule.js';

export const termExpiry: Rule = {
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
  },
  checkBranch({ branch, window, options, report }) {
    const { termStart, dissolved } = branch.header;
    if (!termStart || (dissolved && dissolved <= window.asOf)) return;
    const years = Number(options.years ?? 3);
    const warnMonths = Number(options.warnMonths ?? 6);
    const expiry = addMonths(termStart, years * 12);
    const location = branch.headerLocations.termStart ?? branch.location;
    if (window.asOf >= expiry) {
      report({ location, messageId: 'term.expired', params: { termStart, expiry, years } });
    } else if (warnMonths > 0 && window.asOf >= addMonths(expiry, -warnMonths)) {
      report({ location, messageId: 'term.expiring', params: { termStart, expiry, years }, severity: 'warning' });
    }
  },
};
