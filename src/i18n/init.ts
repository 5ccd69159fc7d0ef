/** Messages of `dangjian init`: the questions it asks and what it says it did. */
const zh = {
  'init.nextCommand': '下一步：编辑 branch.yaml（去掉示例行首的“# ”即可启用），然后运行 {command}',
  'init.askGroups': '党小组名称，用顿号或逗号分隔（没有请直接回车）',
  'init.askTermStart': '本届支委会的选举（换届）日期，如 2024-05-10（不清楚请直接回车）',
  'init.badTermStart': '“{value}”不是真实存在的日期，请重新输入，例如 2024-05-10 或 2024年5月10日',
  'init.badMembers': '党员人数应为正整数，实际是“{value}”',
  'init.cancelled': '已取消，没有创建任何文件',
  'cli.initMembers': '党员人数',
  'cli.initGroups': '党小组名称，用逗号分隔，例如 第一党小组,第二党小组',
  'cli.initTermStart': '本届支委会选举（换届）日期，YYYY-MM-DD',
  'cli.initSince': '台账从哪一天开始（写入配置的 since；默认本月 1 日）：此前的月份不检查',
} as const;

export type InitMessageId = keyof typeof zh;

const en: Record<InitMessageId, string> = {
  'init.nextCommand': 'Next: edit branch.yaml (remove the “# ” at the start of an example line to use it), then run {command}',
  'init.askGroups': 'Party group names, separated by commas (press Enter for none)',
  'init.askTermStart': 'Date of the last committee election, e.g. 2024-05-10 (press Enter if unknown)',
  'init.badTermStart': '"{value}" is not a real date; try again, e.g. 2024-05-10',
  'init.badMembers': 'The number of members must be a whole number of at least 1, not "{value}"',
  'init.cancelled': 'Cancelled; no file was created',
  'cli.initMembers': 'number of members',
  'cli.initGroups': 'Party group names, separated by commas, e.g. group-1,group-2',
  'cli.initTermStart': 'date of the last committee election, YYYY-MM-DD',
  'cli.initSince': 'the day the log begins (the configuration’s since; default the 1st of this month): earlier months are not checked',
};

export const initMessages = { 'zh-CN': zh as Record<InitMessageId, string>, en };
