/** term-unknown: the branch records no `termStart`, so its 换届 cannot be checked or reminded of. */
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'term-unknown',
    category: 'content',
    severity: 'warning',
    title: zh('写明上次换届日期', 'The date of the last election is recorded'),
    source: zh(
      '《中国共产党支部工作条例（试行）》：党支部委员会每届任期一般为 3 年，任期届满应当按期进行换届选举',
      'Regulations on the Work of Party Branches: a committee term is normally 3 years and ends in an election',
    ),
    messages: {
      missing: zh(
        '{branch}没有写明上次换届日期（branch.termStart），无法检查和提醒按期换届',
        '{branch} records no date of its last election (branch.termStart): its 换届 cannot be checked or reminded of',
      ),
    },
  },
  checkBranch({ branch, window, flag }) {
    const { termStart, dissolved } = branch.header;
    if (termStart || branch.incomplete || (dissolved && dissolved <= window.asOf)) return;
    flag('missing', { location: branch.location, params: { branch: branch.header.name } });
  },
});
