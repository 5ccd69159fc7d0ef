/** dangjian.config.yaml: what each setting changes, and mistakes in it (exit 2 with file and line). */
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from '../src/schema/validate.js';
import { CADENCE_SCHEMA } from '../src/config/schema.js';
import { BUILTIN_CADENCES } from '../src/rules/index.js';
import { HEADER } from './check-yaml.js';
import { runMain, tempTree } from './helpers.js';

const LOG = `${HEADER}activities:
  - date: 2026-01-06
    type: 支委会
  - date: 2026-01-15
    type: 主题党日
    assignments: [学习党章第一章]
  - date: 2026-01-20
    type: 安全观察活动
`;

type Finding = { ruleId: string; severity: string; period?: string; line: number; message: string };

async function run(files: Record<string, string>, args: string[] = [], cwdSub = '') {
  const dir = tempTree(files);
  const result = await runMain(['check', ...args, '--as-of', '2026-03-01', '--format', 'json'], { cwd: cwdSub ? `${dir}/${cwdSub}` : dir });
  return { ...result, findings: result.stdout ? (JSON.parse(result.stdout).findings as Finding[]) : [] };
}

const ids = (findings: Finding[]) => [...new Set(findings.map((f) => f.ruleId))].sort();

describe('configuration', () => {
  const config = `rules:
  family-safety-yearly: off
  first-topic: warning
  party-day-monthly: [warning]
  political-study-monthly: off
  discipline-education-monthly: off
  committee-meeting-monthly: off
  record-complete: off
  term-unknown: off
types:
  - { id: safety-observation, name: 安全观察, aliases: [安全观察活动], en: safety observation }
cadences:
  - id: safety-observation-monthly
    type: 安全观察
    period: month
    min: 1
    severity: warning
    title: { zh-CN: 每月开展安全观察, en: Monthly safety observation }
    source: 公司党委〔2026〕3号
assignments: plans/assignments-2026.yaml
`;
  const plan = `2026-01: [学习党章第一章, 重温入党誓词]\n2026-02: [学习党章第二章]\n`;

  it('turns rules off, changes severities, adds a type, a cadence and the assignments', async () => {
    const without = await run({ 'logs/a.yaml': LOG });
    expect(without.findings.find((f) => f.line === 13)?.message).toContain('未知的活动类型“安全观察活动”');
    expect(ids(without.findings)).toContain('political-study-monthly');

    const result = await run({ 'logs/a.yaml': LOG, 'dangjian.config.yaml': config, 'plans/assignments-2026.yaml': plan });
    expect(result.stderr).toBe('');
    const shown = result.findings.map((f) => [f.ruleId, f.severity, f.period ?? '', f.message]);
    expect(shown).toEqual([
      ['party-day-assignments', 'error', '2026-01', '2026-01 的主题党日未完成上级布置的 1 项规定作业（共 2 项）：重温入党誓词'],
      ['party-day-assignments', 'error', '2026-02', '2026-02 的主题党日未完成上级布置的 1 项规定作业（共 1 项）：学习党章第二章'],
      ['party-day-monthly', 'warning', '2026-02', '2026-02 未开展主题党日：要求每月至少 1 次，实际 0 次'],
      ['safety-observation-monthly', 'warning', '2026-02', '2026-02 未开展安全观察：要求每月至少 1 次，实际 0 次'],
      ['first-topic', 'warning', '2026-01', '2026-01-06 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容'],
    ]);
    expect(result.status).toBe(1);
  });

  it('runs only the listed rules with rules: { default: off }, with --rule on top and the input rules always', async () => {
    const broken = `${HEADER}activities:\n  - { date: 2026-01-05, type: 支委会 }\n  - date: [\n`;
    const files = { 'a.yaml': LOG, 'b.yaml': broken.replace('id: b1', 'id: b2') };
    const all = await run(files);
    expect(ids(all.findings).length).toBeGreaterThan(4);
    const only = await run({ ...files, 'dangjian.config.yaml': 'rules:\n  default: off\n  first-topic: warning\n  party-day-monthly: error\n' });
    expect(only.stderr).toBe('');
    expect(ids(only.findings)).toEqual(['first-topic', 'party-day-monthly', 'schema', 'yaml-syntax']);
    expect(only.findings.find((f) => f.ruleId === 'first-topic')?.severity).toBe('warning');
    const more = await run({ ...files, 'dangjian.config.yaml': 'rules:\n  default: off\n  first-topic: warning\n' }, ['--rule', 'political-study-monthly:info']);
    expect(ids(more.findings)).toEqual(['first-topic', 'political-study-monthly', 'schema', 'yaml-syntax']);
    // on is the default: the same as no setting at all.
    const on = await run({ ...files, 'dangjian.config.yaml': 'rules:\n  default: on\n' });
    expect(on.findings).toEqual(all.findings);
  });

  it('changes and extends what a record must carry under records:, validated by the schema', async () => {
    const records = `types:\n  - { id: safety-observation, name: 安全观察, aliases: [安全观察活动] }\nrecords:\n  安全观察: [host, place]\n  支委会: []\n`;
    const result = await run({ 'logs/a.yaml': LOG, 'dangjian.config.yaml': records });
    const own = result.findings.filter((f) => f.ruleId === 'record-complete');
    expect(own.map((f) => [f.line, f.message])).toEqual([
      [9, '2026-01-15 的主题党日记录不完整：缺少应到人数、实到人数'],
      [12, '2026-01-20 的安全观察记录不完整：缺少地点、主持人'],
    ]);
    const wrong = await run({ 'logs/a.yaml': LOG, 'dangjian.config.yaml': 'records:\n  支委会: [chairman]\n' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('dangjian.config.yaml');
    const unknown = await run({ 'logs/a.yaml': LOG, 'dangjian.config.yaml': 'records:\n  支委员会: [host]\n' });
    expect(unknown.status).toBe(2);
  });

  it('is found in a parent directory, and --rule overrides it', async () => {
    const files = { 'logs/a.yaml': LOG, 'dangjian.config.yaml': config, 'plans/assignments-2026.yaml': plan };
    const result = await run(files, ['a.yaml', '--rule', 'first-topic:off', '--rule', 'party-day-assignments:off'], 'logs');
    expect(ids(result.findings)).toEqual(['party-day-monthly', 'safety-observation-monthly']);
    expect(result.status).toBe(0);
  });

  it('uses include when no paths are given, and ignore', async () => {
    const files = {
      'logs/a.yaml': LOG,
      'logs/archive/old.yaml': 'not: [valid',
      'other/b.yaml': 'also: [broken',
      'dangjian.config.yaml': 'include: ["logs/**/*.yaml"]\nignore: ["logs/archive/**"]\n',
    };
    const result = await run(files);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

  it('sets lang, since and maxFileSize', async () => {
    const result = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': 'lang: en\nsince: 2026-02-01\nmaxFileSize: 100B\n' });
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['file-too-large', 'The file is too large (254 B; the limit is 100 B). Split it into one file per quarter or year, or raise maxFileSize in the configuration'],
    ]);
    const since = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': 'since: 2026-02-01\n' });
    expect(new Set(since.findings.filter((f) => f.period).map((f) => f.period))).toEqual(new Set(['2026-02']));
  });

  const mistakes: [string, string, string][] = [
    ['an unknown setting', 'rulez:\n  first-topic: off\n', 'dangjian: 配置文件 dangjian.config.yaml:1:1 有误：未知字段“rulez”，是否想写“rules”？\n'],
    ['an unknown rule', 'rules:\n  first-topics: off\n', 'dangjian: 配置文件 dangjian.config.yaml:2:3 有误：没有规则“first-topics”，是否想写“first-topic”？\n'],
    ['a bad severity', 'rules:\n  first-topic: fatal\n', 'dangjian: 配置文件 dangjian.config.yaml:2:16 有误：first-topic的值“fatal”无效，可选：error, warning, info, off\n'],
    ['a bad option', 'rules:\n  case-follow-up: [error, { dayz: 5 }]\n', 'dangjian: 配置文件 dangjian.config.yaml:2:29 有误：未知字段“dayz”，是否想写“days”？\n'],
    ['an input rule', 'rules:\n  schema: off\n', 'dangjian: 配置文件 dangjian.config.yaml:2:3 有误：规则 schema 检查的是文件本身能否读取，不能调整或关闭\n'],
    ['a cadence of an unknown type', 'cadences:\n  - { id: x-monthly, type: 安全观擦, period: month, min: 1, severity: error, title: { zh-CN: x, en: x }, source: x }\n', 'dangjian: 配置文件 dangjian.config.yaml:2:28 有误：活动类型“安全观擦”不存在；请先在 types 中定义\n'],
    ['a bad time zone', 'timezone: Asia/Beijing\n', 'dangjian: 配置文件 dangjian.config.yaml:1:11 有误：时区“Asia/Beijing”无效，应为 IANA 时区名，如 Asia/Shanghai\n'],
    ['a YAML error', 'rules: [\n', expect.stringMatching(/^dangjian: 配置文件 dangjian.config.yaml:2:1 有误：YAML 格式错误/) as unknown as string],
    ['a missing assignments file', 'assignments: nowhere.yaml\n', 'dangjian: 配置文件 dangjian.config.yaml:1:14 有误：找不到规定作业文件“nowhere.yaml”（路径相对于配置文件）\n'],
    ['a bad default for the rules not listed', 'rules:\n  default: error\n', 'dangjian: 配置文件 dangjian.config.yaml:2:12 有误：default的值“error”无效，可选：on, off\n'],
    ['a cadence named default', 'cadences:\n  - { id: default, type: 支委会, period: month, min: 1, severity: error, title: { zh-CN: x, en: x }, source: x }\n', 'dangjian: 配置文件 dangjian.config.yaml:2:11 有误：规则编号“default”已存在，请换一个编号\n'],
    ['an option of a rule without options', 'rules:\n  first-topic: [warning, { days: 5 }]\n', 'dangjian: 配置文件 dangjian.config.yaml:2:28 有误：未知选项“days”：这条规则没有可设置的选项，只能设置严重程度\n'],
  ];
  it.each(mistakes)('%s is a usage error with file and line', async (_name, text, stderr) => {
    const result = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': text });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toEqual(stderr);
  });

  it('lists every problem of the file, in its order, in both languages', async () => {
    const text = 'lang: fr\nrules:\n  first-topic: fatal\n  case-follow-up: [error, { dayz: 5 }]\n  my-rule: "a\\nb"\nrulez: {}\n';
    const zh = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': text });
    expect([zh.status, zh.stdout]).toEqual([2, '']);
    expect(zh.stderr).toBe(
      [
        'dangjian: 配置文件 dangjian.config.yaml 有 5 处错误：',
        '  1:7  lang的值“fr”无效，可选：zh-CN, en',
        '  3:16  first-topic的值“fatal”无效，可选：error, warning, info, off',
        '  4:29  未知字段“dayz”，是否想写“days”？',
        // A line break in a value is shown, never printed: each problem stays on its own line.
        '  5:12  my-rule的值“a\\nb”无效，可选：error, warning, info, off',
        '  6:1  未知字段“rulez”，是否想写“rules”？',
        '',
      ].join('\n'),
    );
    const en = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': text }, ['--lang', 'en']);
    expect(en.stderr.split('\n').slice(0, 3)).toEqual([
      'dangjian: Configuration dangjian.config.yaml has 5 problems:',
      '  1:7  lang "fr" is not valid; allowed: zh-CN, en',
      '  3:16  first-topic "fatal" is not valid; allowed: error, warning, info, off',
    ]);
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const text = `rules:\n${Array.from({ length: 25 }, (_, i) => `  rule-${i + 1}: bad\n`).join('')}`;
    const result = await run({ 'a.yaml': LOG, 'dangjian.config.yaml': text });
    const lines = result.stderr.trimEnd().split('\n');
    expect(result.status).toBe(2);
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('dangjian: 配置文件 dangjian.config.yaml 有 25 处错误：');
    expect(lines[20]).toBe('  21:12  rule-20的值“bad”无效，可选：error, warning, info, off');
    expect(lines[21]).toBe('  ……另有 5 处未列出');
  });

  it('--config names a file, and a missing one is a usage error', async () => {
    const ok = await run({ 'a.yaml': LOG, 'conf/x.yaml': 'rules:\n  first-topic: off\n' }, ['--config', 'conf/x.yaml']);
    expect(ids(ok.findings)).not.toContain('first-topic');
    const missing = await run({ 'a.yaml': LOG }, ['--config', 'nope.yaml']);
    expect([missing.status, missing.stderr]).toEqual([2, 'dangjian: 找不到配置文件“nope.yaml”\n']);
  });

  it('the built-in cadences are rows of the same shape as configured ones', async () => {
    const validator = new SchemaValidator({ type: 'array', items: CADENCE_SCHEMA });
    expect(validator.check(JSON.parse(JSON.stringify(BUILTIN_CADENCES)))).toEqual([]);
  });
});
