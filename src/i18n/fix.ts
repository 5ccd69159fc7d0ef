/**
 * Messages of the first hour: syntax and schema mistakes named with the corrected line or shape,
 * and what `--fix` did. Every message of a mistake that `--fix` repairs says so.
 */
const zh = {
  'load.yaml.fix.missing-space': '第 {line} 行冒号后少了空格：YAML 的“字段: 值”中，冒号后要有一个空格。应改为“{fixed}”。可用 --fix 自动修复',
  'load.yaml.fix.indent': '第 {line} 行的缩进（{spaces} 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“{fixed}”（{expected} 个空格）。可用 --fix 自动修复',
  'load.yaml.fix.tab': '第 {line} 行用 Tab 键缩进，YAML 只能用空格缩进。应改为“{fixed}”。可用 --fix 自动修复',
  'load.yaml.fix.fullwidth-colon': '第 {line} 行用了中文冒号“：”，字段名后要用英文冒号“:”加一个空格。应改为“{fixed}”。可用 --fix 自动修复',
  'load.yaml.fix.fullwidth-space': '第 {line} 行用了中文全角空格，缩进和冒号后要用英文半角空格。应改为“{fixed}”。可用 --fix 自动修复',
  'load.yaml.fix.fullwidth-dash': '第 {line} 行的列表项用了中文破折号或全角“－”，要以英文短横线“-”加空格开头。应改为“{fixed}”。可用 --fix 自动修复',
  'load.yaml.fix.placeholder': '第 {line} 行的“[]”表示空列表，它下面就不能再写条目了。请删去“[]”，改为“{fixed}”。可用 --fix 自动修复',
  'schema.chineseField': '字段名要用英文：{field}（{suggestion}）请写作“{suggestion}:”。可用 --fix 自动修复',
  'schema.chineseFieldTaken': '字段名要用英文：{field}（{suggestion}）应写作“{suggestion}:”，但这里已经有 {suggestion}，请删去重复的一项',
  'schema.dateFixable': '{name}要写成“年-月-日”（YYYY-MM-DD），“{value}”应写作 {fixed}。可用 --fix 自动修复',
  'schema.unknownTypeFixable': '未知的活动类型“{value}”，应为“{suggestion}”。可用 --fix 自动修复',
  'schema.dateWrittenAs': '{name}要写成“年-月-日”（YYYY-MM-DD），“{value}”应写作 {fixed}',
  'schema.unknownTypeCertain': '未知的活动类型“{value}”，应为“{suggestion}”',
  'schema.mappingExample': '{name}要写成“字段: 值”的形式，例如 {example}，这里却是{actual}',
  'schema.listExample': '{name}要写成列表（方括号），例如 {example}，这里却是{actual}',
  'fix.fixed': '{file}：已自动修复 {count} 处',
  'cli.fix': '自动修复可以确定的格式问题（日期写法、中文标点、缩进、字段名等），再报告余下的问题',
  'cli.fixDryRun': '只显示 --fix 会做的修改（diff），不改动文件',
  'fix.none': '没有可以自动修复的问题',
  'fix.dryRun': '可自动修复 {count} 处（{files} 个文件），未改动任何文件。改用 --fix 即可写入',
  'fix.unreadable': '无法写入修复后的 {file}（{detail}）：请检查文件是否只读或被其他程序占用',
} as const;

export type FixMessageId = keyof typeof zh;

const en: Record<FixMessageId, string> = {
  'load.yaml.fix.missing-space': 'Line {line} lacks a space after the colon: YAML writes “key: value” with one space after the colon. Write “{fixed}”. --fix repairs this',
  'load.yaml.fix.indent': 'Line {line} is indented by {spaces} spaces, out of line with the other lines at its level: keys of one level start in the same column. Write “{fixed}” ({expected} spaces). --fix repairs this',
  'load.yaml.fix.tab': 'Line {line} is indented with a tab; YAML indents with spaces only. Write “{fixed}”. --fix repairs this',
  'load.yaml.fix.fullwidth-colon': 'Line {line} has a full-width colon “：”; a key is followed by an ASCII colon “:” and a space. Write “{fixed}”. --fix repairs this',
  'load.yaml.fix.fullwidth-space': 'Line {line} has a full-width space; indentation and the space after a colon are ASCII spaces. Write “{fixed}”. --fix repairs this',
  'load.yaml.fix.fullwidth-dash': 'Line {line} starts a list item with a full-width dash; an item starts with an ASCII “-” and a space. Write “{fixed}”. --fix repairs this',
  'load.yaml.fix.placeholder': 'On line {line}, “[]” is an empty list, so no items can follow it. Remove the “[]”: write “{fixed}”. --fix repairs this',
  'schema.chineseField': 'Field names are English: write “{suggestion}:” for {field} ({suggestion}). --fix repairs this',
  'schema.chineseFieldTaken': 'Field names are English: {field} ({suggestion}) is written “{suggestion}:”, but {suggestion} is already here; remove one of the two',
  'schema.dateFixable': '{name} is written YYYY-MM-DD: write “{value}” as {fixed}. --fix repairs this',
  'schema.unknownTypeFixable': 'Unknown activity type “{value}”; it should be “{suggestion}”. --fix repairs this',
  'schema.dateWrittenAs': '{name} is written YYYY-MM-DD: write “{value}” as {fixed}',
  'schema.unknownTypeCertain': 'Unknown activity type “{value}”; it should be “{suggestion}”',
  'schema.mappingExample': '{name} takes fields with values, for example {example}; here it is {actual}',
  'schema.listExample': '{name} is a list in square brackets, for example {example}; here it is {actual}',
  'fix.fixed': '{file}: fixed {count|problem|problems}',
  'cli.fix': 'repair what is certain (dates, full-width punctuation, indentation, field names, …), then report what remains',
  'cli.fixDryRun': 'show the changes --fix would make (a diff) and change nothing',
  'fix.none': 'Nothing to fix automatically',
  'fix.dryRun': '{count|problem|problems} in {files|file|files} can be fixed; no file was changed. Run with --fix to write them',
  'fix.unreadable': 'Cannot write the fixed {file} ({detail}): check that it is not read-only or open in another program',
};

export const fixMessages = { 'zh-CN': zh as Record<FixMessageId, string>, en };
