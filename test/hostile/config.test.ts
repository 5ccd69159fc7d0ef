/** Hostile configuration files: each is one usage error line (exit 2) naming file, line and column. */
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, runMain, tempTree } from '../helpers.js';
import { CONTROL, encodeGb18030 } from './catalogue.js';

const cadence = (id: string) => `cadences:\n  - id: ${id}\n    type: 党课\n    period: month\n    min: 1\n    severity: warning\n    title: { zh-CN: 每月党课, en: Monthly lecture }\n    source: 公司党委\n`;

const cases: [string, string | Uint8Array, string][] = [
  ['an anchor', 'rules: &r\n  first-topic: off\n', '配置文件 dangjian.config.yaml:1:8 有误：不支持 YAML 锚点（&）。台账应逐条写明内容，请删除 & 及其名称'],
  ['a duplicate key', 'since: 2026-01-01\nsince: 2026-02-01\n', '配置文件 dangjian.config.yaml:2:1 有误：同一层级出现了重复的字段名。每个字段只能写一次，请删除或合并重复的一项'],
  ['deep nesting', `rules: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, '配置文件 dangjian.config.yaml:1:39 有误：嵌套层级过深（超过 32 层）。台账的结构不会这么深，请检查缩进或括号是否写错'],
  ['GBK', encodeGb18030('# 配置\nlang: zh-CN\n'), '无法读取配置文件 dangjian.config.yaml（须为 UTF-8 编码）'],
  ['a date in the year 9999', 'since: 9999-01-01\n', '配置文件 dangjian.config.yaml:1:8 有误：since“9999-01-01”超出范围：日期应在 1900 年至 2999 年之间'],
  ['a date in the year 1', 'since: 0001-01-01\n', '配置文件 dangjian.config.yaml:1:8 有误：since“0001-01-01”超出范围：日期应在 1900 年至 2999 年之间'],
  ['a date out of range and not real', 'since: 0001-02-30\n', '配置文件 dangjian.config.yaml:1:8 有误：since“0001-02-30”不是真实存在的日期，请核对年、月、日'],
  ['days in scientific notation', 'rules:\n  case-follow-up: [error, { days: 1e20 }]\n', '配置文件 dangjian.config.yaml:2:35 有误：days应为整数（如 7），“1e20”不是整数（不能写成小数或科学计数法）'],
  ['days with decimals, quoted', 'rules:\n  case-follow-up: [error, { days: "7.5" }]\n', '配置文件 dangjian.config.yaml:2:35 有误：days应为整数（如 7），“7.5”不是整数（不能写成小数或科学计数法）'],
  ['a size with an unknown unit', 'maxFileSize: 1 GB\n', '配置文件 dangjian.config.yaml:1:14 有误：maxFileSize“1 GB”无效：应写成字节数或带单位的大小，如 2MiB、512KiB（单位：B、KB、KiB、MB、MiB）'],
  ['a type id that is not an id', 'types:\n  - { id: toString, name: 原型 }\n', '配置文件 dangjian.config.yaml:2:11 有误：id“toString”无效：编号只能由小写英文字母、数字和短横线组成（如 safety-observation-monthly），最长 64 个字符'],
  ['__proto__ as a rule', 'rules:\n  __proto__: off\n', '配置文件 dangjian.config.yaml:2:3 有误：没有规则“__proto__”。运行 dangjian rules 查看所有规则'],
  ['a mobile number in a title', cadence('call-monthly').replace('每月党课', '每月联系 13800138000'), '配置文件 dangjian.config.yaml:7:26 有误：此处有身份证号、手机号或银行卡号 138****8000。配置文件中不得出现个人信息，请删除'],
  ['CR-only line ends keep positions', 'lang: zh-CN\rsince: 2026-02-30\r', '配置文件 dangjian.config.yaml:2:8 有误：since“2026-02-30”不是真实存在的日期，请核对年、月、日'],
];

describe('hostile input: configuration', () => {
  it.each(cases)('%s', async (_name, config, message) => {
    const dir = tempTree({ 'dangjian.config.yaml': config, 'logs/control.yaml': CONTROL });
    const result = await runMain(['check', 'logs', '--as-of', '2026-01-31'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`dangjian: ${message}`)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a cadence whose id is "constructor" is a rule like any other', async () => {
    const dir = tempTree({ 'dangjian.config.yaml': `${cadence('constructor')}rules:\n  constructor: off\n`, 'logs/control.yaml': CONTROL });
    const off = await runMain(['check', 'logs', '--as-of', '2026-03-01', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(off.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('constructor');
    const on = await runMain(['check', 'logs', '--as-of', '2026-03-01', '--format', 'json', '--rule', 'constructor:warning'], { cwd: dir });
    expect(JSON.parse(on.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'constructor').map((f: { period: string }) => f.period)).toEqual(['2026-01', '2026-02']);
  });
});

describe('hostile configuration: what it reaches, and which one is used', () => {
  it.each([['../outside/*.yaml'], ['/etc/**'], ['logs/../../outside/*.yaml'], ['{..,logs}/*.yaml'], ['C:/logs/*.yaml']])('include %j stays inside its folder: refused', async (pattern) => {
    const dir = tempTree({ 'repo/dangjian.config.yaml': `include: [${JSON.stringify(pattern)}]\n`, 'repo/logs/control.yaml': CONTROL, 'outside/secret.yaml': 'password: x\n' });
    const result = await runMain(['check', '--as-of', '2026-01-31'], { cwd: path.join(dir, 'repo') });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^dangjian: 配置文件 dangjian\.config\.yaml:1:\d+ 有误：include 中的“.*”指向配置文件所在文件夹之外。include 只能列出该文件夹内的台账；其他位置的台账请在命令行中给出\n$/);
  });

  it('a log outside the folder is still checked when named on the command line', async () => {
    const dir = tempTree({ 'repo/dangjian.config.yaml': 'include: ["logs/*.yaml"]\n', 'outside/control.yaml': CONTROL });
    const result = await runMain(['check', '../outside/control.yaml', '--as-of', '2026-01-31', '--format', 'json'], { cwd: path.join(dir, 'repo') });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

});

describe('hostile configuration: one found in a folder above', () => {
  const tree = () =>
    tempTree({
      'dangjian.config.yaml': 'rules:\n  default: off\n  first-topic: error\n',
      'logs/b.yaml': 'version: 1\nbranch:\n  id: b\n  name: 测试党支部\n  members: 5\nactivities:\n  - date: 2026-01-06\n    type: 支委会\n',
    });

  it('is named on stderr and in the JSON result, in both languages', async () => {
    const dir = tree();
    const cwd = path.join(dir, 'logs');
    const zh = await runMain(['check', 'b.yaml', '--as-of', '2026-02-01', '--format', 'json'], { cwd });
    expect(zh.stderr).toBe('dangjian: 使用上级文件夹中的配置文件 ../dangjian.config.yaml\n');
    expect(JSON.parse(zh.stdout).config).toBe('../dangjian.config.yaml');
    expect(JSON.parse(zh.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['first-topic']);
    const en = await runMain(['report', '-p', '2026-01', 'b.yaml', '--as-of', '2026-02-01', '--lang', 'en'], { cwd });
    expect(en.stderr).toBe('dangjian: Using the configuration file ../dangjian.config.yaml from a folder above\n');
  });

  it('is not announced when it sits in the working directory or is given with --config', async () => {
    const dir = tree();
    const here = await runMain(['check', 'logs', '--as-of', '2026-02-01', '--format', 'json'], { cwd: dir });
    expect(here.stderr).toBe('');
    expect(JSON.parse(here.stdout).config).toBeUndefined();
    const given = await runMain(['check', 'b.yaml', '--as-of', '2026-02-01', '--config', '../dangjian.config.yaml'], { cwd: path.join(dir, 'logs') });
    expect(given.stderr).toBe('');
  });
});

describe('hostile input: a configuration or assignments file that never ends', () => {
  // Run in a process of its own: a read that never ends is stopped after a minute, as a failure.
  it.each([
    ['--config /dev/zero', [], ['--config', '/dev/zero'], '/dev/zero'],
    ['assignments: /dev/zero', [['dangjian.config.yaml', 'assignments: /dev/zero\n']], [], '/dev/zero'],
    ['a 2 MiB configuration', [['big.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`]], ['--config', 'big.yaml'], 'big.yaml'],
  ] as [string, [string, string][], string[], string][])('%s: one line, exit status 2', (_name, files, args, shown) => {
    const dir = tempTree({ 'logs/control.yaml': CONTROL, ...Object.fromEntries(files) });
    const result = runCli(['check', 'logs', '--as-of', '2026-01-31', ...args], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^dangjian: 配置文件 \\S*${shown.replace(/[./]/g, '\\$&')} 过大（超过 1 MiB），不是 dangjian 的配置或规定作业文件。请检查 --config 或 assignments 所指的文件\\n$`));
    expect(result.status).toBe(2);
  });

  it('--config /dev/null is an empty configuration, as before', async () => {
    const dir = tempTree({ 'logs/control.yaml': CONTROL });
    expect((await runMain(['check', 'logs', '--as-of', '2026-01-31', '--config', '/dev/null'], { cwd: dir })).status).toBe(1);
  });
});

describe('hostile input: include through a symbolic link that leads out of the folder', () => {
  it('finds nothing outside; a link to a log inside, and a folder named ..x, are read as usual', async () => {
    const root = tempTree({ 'outside/secret.yaml': CONTROL.replace('id: control', 'id: secret'), 'repo/logs/a.yaml': CONTROL, 'repo/..archive/b.yaml': CONTROL.replace('id: control', 'id: archived') });
    const repo = path.join(root, 'repo');
    symlinkSync('../outside', path.join(repo, 'link'));
    symlinkSync('../outside/secret.yaml', path.join(repo, 'secret.yaml'));
    symlinkSync('logs/a.yaml', path.join(repo, 'current.yaml'));
    const files = async (include: string) => {
      writeFileSync(path.join(repo, 'dangjian.config.yaml'), `include: [${include}]\n`);
      const result = await runMain(['check', '--as-of', '2026-01-31', '--format', 'json'], { cwd: repo });
      return result.status === 2 ? result.stderr : [...new Set(JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file))].sort();
    };
    expect(await files('"link/*.yaml"')).toBe('dangjian: 在 link/*.yaml 中没有找到 .yaml、.yml 或 .xlsx 文件\n');
    expect(await files('"secret.yaml"')).toBe('dangjian: 在 secret.yaml 中没有找到 .yaml、.yml 或 .xlsx 文件\n');
    expect(await files('"current.yaml", "link/*.yaml", "..archive/*.yaml"')).toEqual(['..archive/b.yaml', 'current.yaml']);
  });
});

describe('hostile input: a named pipe where a configuration or a result is read', () => {
  it('is a usage error at once when nothing writes to it; a pipe that is written to is read', () => {
    const dir = tempTree({ 'log.yaml': CONTROL });
    if (spawnSync('mkfifo', [path.join(dir, 'config.yaml'), path.join(dir, 'result.json')]).status !== 0) return; // no mkfifo on this system
    expect(runCli(['check', 'log.yaml', '-c', 'config.yaml', '--as-of', '2026-01-31'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: 配置文件 config.yaml 不是普通文件（例如管道或设备），不能作为配置读取\n',
    });
    expect(runCli(['merge', 'result.json'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 无法读取 result.json（ENOTFILE）\n' });
    // A result piped in by another program is waited for and read.
    const result = runCli(['check', 'log.yaml', '--as-of', '2026-01-31', '--format', 'json'], { cwd: dir });
    writeFileSync(path.join(dir, 'result-file.json'), result.stdout);
    const piped = `(sleep 0.2; cat result-file.json) | ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} merge /dev/stdin --format json`;
    const merged = spawnSync('sh', ['-c', piped], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' }, timeout: 60_000 });
    expect(merged.stderr).toBe('');
    expect(JSON.parse(merged.stdout).summary).toEqual(JSON.parse(result.stdout).summary);
  });
});
