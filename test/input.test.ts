/** Input problems: each bad file gives one clear finding, and the other files are still checked. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADER } from './check-yaml.js';
import { EXPLICIT_RULES, ROOT, runMain, tempTree } from './helpers.js';

const clean = readFileSync(path.join(ROOT, 'examples/clean/concentrator-2.yaml'), 'utf8');
const encoding = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/encoding', name));

/** Checks the files under the repository's explicit rule list (whole outputs are compared). */
async function check(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const dir = tempTree({ ...files, 'dangjian.config.yaml': EXPLICIT_RULES });
  const result = await runMain(['check', '.', '--as-of', '2026-07-01', '--format', 'json', ...args], { cwd: dir });
  return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
}

type Row = { file: string; ruleId: string; line: number; column: number; message: string };
const rows = (json: { findings: Row[] }) => json.findings.map((f) => [f.file, f.ruleId, f.line, f.column, f.message]);

describe('bad files next to a good one', () => {
  const deepFlow = `${HEADER}activities: ${'['.repeat(40)}${']'.repeat(40)}\n`;
  const deepBlock = `${HEADER}features:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
  const files = {
    'good.yaml': clean,
    'gbk.yaml': encoding('gbk.yaml'),
    'utf16.yaml': encoding('utf16le-bom.yaml'),
    'empty.yaml': '',
    'comments.yaml': '# 只有注释\n# comments only\n',
    'list.yaml': '- version: 1\n- branch: x\n',
    'scalar.yaml': '支部台账\n',
    'deep-flow.yaml': deepFlow,
    'deep-block.yaml': deepBlock,
    'dup.yaml': `${HEADER}activities: []\nactivities: []\n`,
    'two-docs.yaml': `${HEADER}---\n${HEADER}`,
    'anchor.yaml': `${HEADER}activities:\n  - &a { date: 2026-01-06, type: 支委会, firstTopic: 学习 }\n  - *a\n`,
    'tag.yaml': `${HEADER}activities:\n  - !!binary aGk=\n`,
    'merge.yaml': `${HEADER}activities:\n  - <<: { date: 2026-01-06 }\n    type: 支委会\n`,
  };
  let result: Awaited<ReturnType<typeof check>>;
  beforeAll(async () => {
    result = await check(files);
  });

  it('reports one finding per bad file, at its position, with an actionable message', async () => {
    const bad = rows(result.json).filter(([file]) => file !== 'good.yaml');
    expect(bad).toEqual([
      ['anchor.yaml', 'yaml-syntax', 7, 5, '不支持 YAML 锚点（&）。台账应逐条写明内容，请删除 & 及其名称'],
      ['comments.yaml', 'schema', 1, 1, '文件是空的。支部台账至少要写 version: 1 和 branch（支部信息）'],
      ['deep-block.yaml', 'yaml-syntax', 38, 65, '嵌套层级过深（超过 32 层）。台账的结构不会这么深，请检查缩进或括号是否写错'],
      ['deep-flow.yaml', 'yaml-syntax', 6, 44, '嵌套层级过深（超过 32 层）。台账的结构不会这么深，请检查缩进或括号是否写错'],
      ['dup.yaml', 'yaml-syntax', 7, 1, '同一层级出现了重复的字段名。每个字段只能写一次，请删除或合并重复的一项'],
      ['empty.yaml', 'schema', 1, 1, '文件是空的。支部台账至少要写 version: 1 和 branch（支部信息）'],
      ['gbk.yaml', 'encoding', 2, 3, expect.stringContaining('看起来是 GBK')],
      ['list.yaml', 'schema', 1, 1, '支部台账应是一个映射（“字段: 值”），这里却是列表。请参照示例，以 version: 1 和 branch: 开头'],
      ['merge.yaml', 'yaml-syntax', 7, 5, '不支持 YAML 合并键（<<）。请把要合并的字段逐项写出'],
      ['scalar.yaml', 'schema', 1, 1, '支部台账应是一个映射（“字段: 值”），这里却是文字。请参照示例，以 version: 1 和 branch: 开头'],
      ['tag.yaml', 'yaml-syntax', 7, 5, '不支持 YAML 标签（! 或 !!）。请删除标签，直接写值'],
      ['two-docs.yaml', 'yaml-syntax', 6, 1, '文件包含 2 个 YAML 文档（用 --- 分隔）。一个文件只能写一个支部台账，请拆分成多个文件'],
      ['utf16.yaml', 'encoding', 1, 1, expect.stringContaining('UTF-16LE')],
    ]);
  });

  it('still checks the good file completely', async () => {
    expect(result.json.findings.filter((f: Row) => f.file === 'good.yaml')).toEqual([]);
    expect(result.json.summary).toEqual({ files: 14, branches: 1, errors: 13, warnings: 0, waived: 0 });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const bom = await check({ 'bom.yaml': encoding('utf8-bom.yaml') });
    expect(bom.json.findings).toEqual([]);
    expect(bom.status).toBe(0);
  });
});

describe('schema messages', () => {
  const body = (activity: string) => `${HEADER}activities:\n  - ${activity}\n  - { date: 2026-01-06, type: 支委会 }\n`;
  const cases: [string, string, number, number, string][] = [
    ['an impossible date', 'date: 2026-02-30\n    type: 支委会', 7, 11, '日期（date）“2026-02-30”不是真实存在的日期，请核对年、月、日'],
    ['a month 13', 'date: 2026-13-01\n    type: 支委会', 7, 11, '日期（date）“2026-13-01”不是真实存在的日期，请核对年、月、日'],
    ['a date without dashes', 'date: 20260101\n    type: 支委会', 7, 11, '日期（date）应写成 YYYY-MM-DD 格式的日期（例如 2026-01-05），实际是“20260101”'],
    ['a date with slashes', 'date: 2026/01/05\n    type: 支委会', 7, 11, '日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026/01/05”应写作 2026-01-05。可用 --fix 自动修复'],
    ['a type typo', 'date: 2026-01-05\n    type: 政治学系', 8, 11, '未知的活动类型“政治学系”，应为“政治学习”。可用 --fix 自动修复'],
    ['a type typo in a list', 'date: 2026-01-05\n    type: [党课, party-dya]', 8, 16, '未知的活动类型“party-dya”，应为“party-day”。可用 --fix 自动修复'],
    ['types joined by a full-width comma', 'date: 2026-01-05\n    type: 党课，党纪教育', 8, 11, '活动类型“党课，党纪教育”中有逗号或顿号。一次活动满足多项要求时，请写成列表，如 [主题党日, 党规党纪教育]'],
    ['a missing type', 'date: 2026-01-05\n    title: 学习', 7, 5, '缺少必填字段 活动类型（type）'],
    ['an unknown field', 'date: 2026-01-05\n    type: 党课\n    titel: 学习', 9, 5, '未知字段“titel”，是否想写“title”？'],
    ['a period typo in makeUpFor', 'date: 2026-05-05\n    type: 党课\n    makeUpFor: 2026-Q5', 9, 16, '补开周期（makeUpFor）“2026-Q5”不是有效的周期，应写成 2026-03（月）、2026-Q1（季度）、2026-H1（半年）或 2026（年）'],
  ];
  it.each(cases)('%s', async (_name, activity, line, column, message) => {
    const result = await check({ 'log.yaml': body(activity) });
    const schema = result.json.findings.filter((f: Row) => f.ruleId === 'schema');
    expect(schema.map((f: Row) => [f.line, f.column, f.message])).toEqual([[line, column, message]]);
    // the bad activity alone is excluded: the good one is still checked (it has no first topic)
    expect(result.json.findings.filter((f: Row) => f.ruleId === 'first-topic').map((f: Row) => f.line)).toEqual([line >= 9 ? 10 : line === 8 ? 9 : 9]);
  });

  it('a problem in the branch header excludes the whole file', async () => {
    const result = await check({ 'log.yaml': HEADER.replace('members: 10', 'members: 0') + 'activities: []\n' });
    expect(rows(result.json)).toEqual([['log.yaml', 'schema', 5, 12, '党员人数（members）不能小于 1，实际是 0']]);
  });
});
