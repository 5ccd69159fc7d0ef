/**
 * The page of a built-in cadence row that has no page written for it (no
 * `src/rules/cadence/pages/<id>.md`): everything it says comes from the row, its activity type and
 * its period kind, so a new row is documented, with examples that are run as tests, as soon as it
 * is added. A row whose page is written keeps its own words.
 */
import type { TypeRegistry } from '../../model/activity-types.js';
import type { PeriodKind } from '../../model/period.js';
import type { CadenceDefinition } from './definitions.js';

interface KindWords {
  zh: string;
  en: string;
  /** Checking the last period of a year early in the next one. */
  lastZh: string;
  lastEn: string;
  /** Two periods, each with a date inside it, a make-up date for the first, and an as-of date after both. */
  example: { asOf: string; since: string; first: [string, string]; second: [string, string]; makeUp: string };
}

const KINDS: Record<PeriodKind, KindWords> = {
  month: {
    zh: '月份', en: 'month', lastZh: '上一年 12 月', lastEn: 'December',
    example: { asOf: '2026-03-01', since: '2026-01-01', first: ['2026-01', '2026-01-15'], second: ['2026-02', '2026-02-15'], makeUp: '2026-02-20' },
  },
  quarter: {
    zh: '季度', en: 'quarter', lastZh: '上一年第四季度', lastEn: 'the fourth quarter',
    example: { asOf: '2026-07-01', since: '2026-01-01', first: ['2026-Q1', '2026-02-15'], second: ['2026-Q2', '2026-05-15'], makeUp: '2026-05-20' },
  },
  'half-year': {
    zh: '半年', en: 'half-year', lastZh: '上一年下半年', lastEn: 'the second half-year',
    example: { asOf: '2027-01-01', since: '2026-01-01', first: ['2026-H1', '2026-03-15'], second: ['2026-H2', '2026-09-15'], makeUp: '2026-09-20' },
  },
  year: {
    zh: '年度', en: 'year', lastZh: '上一年度', lastEn: 'last year',
    example: { asOf: '2028-01-01', since: '2026-01-01', first: ['2026', '2026-06-15'], second: ['2027', '2027-06-15'], makeUp: '2027-02-20' },
  },
};

const GROUPS = ['第一党小组', '第二党小组'];

/** A small log: the branch, and an activity of the row's type on each date. */
function exampleLog(row: CadenceDefinition, name: string, held: { date: string; makeUpFor?: string }[]): string {
  const lines = ['version: 1', 'branch:', '  id: smelter-1', '  name: 冶炼厂第一党支部', '  members: 23'];
  if (row.perGroup) lines.push(`  groups: [${GROUPS.join(', ')}]`);
  lines.push('activities:');
  for (const { date, makeUpFor } of held) {
    for (const group of row.perGroup ? GROUPS : [undefined]) {
      lines.push(`  - date: ${date}`, `    type: ${name}`);
      if (group) lines.push(`    group: ${group}`);
      if (makeUpFor) lines.push(`    makeUpFor: ${makeUpFor}`);
    }
  }
  return lines.join('\n');
}

function chinese(row: CadenceDefinition, name: string, kind: KindWords, source: string): string[] {
  const scope = row.perGroup ? '在 `branch.groups` 中列出的每个党小组，' : '';
  const group = row.perGroup ? '，并用 `group` 写明是哪个党小组' : '';
  return [
    '## 中文',
    '### 检查内容',
    '',
    `${scope}每个${kind.zh}至少要开展 ${row.min} 次${name}，\`type\` 写 \`${row.type}\` 或 \`${name}\`${group}。`,
    '',
    '计数时：',
    '',
    '- 一次活动同时满足几项要求的，`type` 写成列表，每一项各计一次。',
    `- 写了 \`makeUpFor\` 的补开活动，计入所补的${kind.zh}，不计入实际举行的${kind.zh}，汇总表中显示为“补开”。补开必须在所补${kind.zh}结束之后举行，否则按格式错误（\`schema\`）处理。`,
    '- 与前面某条记录完全相同的重复记录（见 `duplicate-activity`）、日期晚于检查日期的记录（见 `future-date`），以及因格式错误被排除的记录，都不计数。',
    '',
    `只检查已到期的${kind.zh}：该${kind.zh}在检查日期（\`--as-of\`）之前已经结束，开始日不早于检查起点（\`--since\`）和支部成立日期（\`branch.established\`），并且在支部撤销日期（\`branch.dissolved\`）之前结束。年初检查${kind.lastZh}时，须用 \`--since\` 把检查起点提前，例如 \`--since 2026-01-01 --as-of 2027-01-10\`。`,
    '',
    `每个不达标的${kind.zh}${row.perGroup ? '，每个缺少活动的党小组各' : ''}报一条问题，位置指向该支部第一个台账文件（按路径排序）的 \`branch:\` 行。同一支部有文件无法检查时，暂不评判该支部的这项要求。`,
    '',
    '### 为什么',
    '',
    `出处：${source}。`,
    '',
    '### 如何修改',
    '',
    '- 活动已经开展、只是没有记入台账的：补记这条活动，写明日期、类型和标题。',
    `- 确实没有开展的：尽快补开，并用 \`makeUpFor\` 写明补的是哪个${kind.zh}。`,
    `- 经上级党组织批准不开展或顺延的：在 \`waivers\` 中登记规则 \`${row.id}\`、周期、理由和批准单位。`,
    '',
  ];
}

function english(row: CadenceDefinition, label: string, name: string, kind: KindWords, source: string): string[] {
  const scope = row.perGroup ? ' in every Party group listed in `branch.groups`' : '';
  const group = row.perGroup ? ', and `group` names the group' : '';
  return [
    '## English',
    '### What it checks',
    '',
    `At least ${row.min} ${label} every ${kind.en}${scope}; its \`type\` is \`${row.type}\` or \`${name}\`${group}.`,
    '',
    'What counts:',
    '',
    '- An activity that serves several requirements lists them all as its `type`; it counts once for each.',
    `- A make-up activity (\`makeUpFor\`, 补开) counts for the ${kind.en} it makes up for, not for the ${kind.en} it was held in, and reports show that ${kind.en} as late. It must be held after that ${kind.en} has ended; otherwise it is a \`schema\` finding.`,
    '- A repeat of an earlier record (see `duplicate-activity`), an activity dated after the as-of date (see `future-date`) and a record excluded for a schema problem do not count.',
    '',
    `Only evaluated ${kind.en}s are checked: the ${kind.en} ended before the as-of date (\`--as-of\`), starts on or after the evaluation start (\`--since\`) and \`branch.established\`, and ends before \`branch.dissolved\`. To check ${kind.lastEn} early in the next year, move the evaluation start back with \`--since\`, for example \`--since 2026-01-01 --as-of 2027-01-10\`.`,
    '',
    `Each ${kind.en} that falls short is one finding${row.perGroup ? ' for each group without one' : ''}, located at the \`branch:\` key of the branch's first file (in path order). While one of the branch's files cannot be checked, the requirement is not evaluated for the branch.`,
    '',
    '### Why',
    '',
    `Source: ${source}.`,
    '',
    '### How to fix',
    '',
    '- The activity took place but was not recorded: add it, with its date, type and title.',
    `- It did not take place: hold it as soon as possible and name the ${kind.en} it makes up for with \`makeUpFor\`.`,
    `- It was approved not to take place, or to move: record the approval under \`waivers\` with the rule \`${row.id}\`, the period, the reason and who approved it.`,
    '',
  ];
}

/** The page below the generated head: both languages and examples that pass and fail. */
export function generatedCadencePage(row: CadenceDefinition, types: TypeRegistry): string {
  const kind = KINDS[row.period];
  const label = types.label(row.type);
  const name = label['zh-CN'];
  const source = typeof row.source === 'string' ? { 'zh-CN': row.source, en: row.source } : row.source;
  const { asOf, since, first, second, makeUp } = kind.example;
  const fence = (verdict: string, log: string) => [`\`\`\`yaml ${verdict} as-of=${asOf} since=${since}`, log, '```', ''];
  return [
    ...chinese(row, name, kind, source['zh-CN']),
    ...english(row, label.en, name, kind, source.en),
    '## 示例 / Examples',
    '',
    `${first[0]} 没有${name}，报问题。/ No ${label.en} in ${first[0]}: a finding.`,
    '',
    ...fence('failing', exampleLog(row, name, [{ date: second[1] }])),
    `两个${kind.zh}各一次。/ One in each ${kind.en}.`,
    '',
    ...fence('passing', exampleLog(row, name, [{ date: first[1] }, { date: second[1] }])),
    `${first[0]} 的${name}在其结束后补开。/ ${first[0]}'s, made up after it ended.`,
    '',
    ...fence('passing', exampleLog(row, name, [{ date: makeUp, makeUpFor: first[0] }, { date: second[1] }])),
  ].join('\n');
}
