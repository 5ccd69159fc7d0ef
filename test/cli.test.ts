/**
 * The command line as a user runs it: whole outputs, exit codes, languages, colours and usage
 * errors. Run in this process, except where the process itself is what is tested (its exit status,
 * the machine's time zone and locale, colour from the environment).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { ROOT, runCli, runMain } from './helpers.js';

const AS_OF = ['--as-of', '2026-07-01'];

describe('check: the shipped examples', () => {
  it('finds nothing in the clean example as of its date and exits 0', async () => {
    const result = await runMain(['check', 'examples/clean', ...AS_OF]);
    expect(result).toEqual({ status: 0, stdout: '✔ 没有发现问题（检查了 1 个文件、1 个支部，自 2026-01-01 起）\n', stderr: '' });
  });

  it('merges the branch split over two files and finds nothing', async () => {
    const result = await runMain(['check', 'examples/split', ...AS_OF, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual({ files: 2, branches: 1, errors: 0, warnings: 0, waived: 0 });
  });

  it('prints the whole JSON contract for all examples (exit 1)', async () => {
    const result = await runMain(['check', 'examples/', ...AS_OF, '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expectGolden('examples.json', result.stdout);
  });

  it('prints the stylish report in Chinese by default', async () => {
    const result = await runMain(['check', 'examples/', ...AS_OF]);
    expect(result.status).toBe(1);
    expectGolden('examples.stylish.txt', result.stdout);
  });

  it('prints English with --lang en and with an English locale', async () => {
    const flag = await runMain(['check', 'examples/', ...AS_OF, '--lang', 'en']);
    const env = await runMain(['check', 'examples/', ...AS_OF], { env: { LANG: 'en_US.UTF-8' } });
    expectGolden('examples.stylish.en.txt', flag.stdout);
    expect(env.stdout).toBe(flag.stdout);
  });

  // The machine's time zone and locale are the process's: these runs are processes of their own.
  it('gives byte-identical JSON whatever the time zone and locale', () => {
    const outputs = [
      { TZ: 'UTC', LANG: 'C' },
      { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8' },
      { TZ: 'Asia/Shanghai', LANG: 'C.UTF-8' },
      { TZ: 'Pacific/Kiritimati', LC_ALL: 'zh_CN.UTF-8' },
    ].map((env) => runCli(['check', 'examples/', ...AS_OF, '--format', 'json'], { env }).stdout);
    expect(new Set(outputs).size).toBe(1);
  });

  it('gives the same JSON whatever the order and spelling of the paths', async () => {
    const a = (await runMain(['check', 'examples/split', 'examples/broken', 'examples/clean', ...AS_OF, '--format', 'json'])).stdout;
    const b = (await runMain(['check', path.join(ROOT, 'examples'), './examples/clean/', ...AS_OF, '--format', 'json'])).stdout;
    const c = (await runMain(['check', 'examples/**/*.yaml', ...AS_OF, '--format', 'json'])).stdout;
    expect(b).toBe(a);
    expect(c).toBe(a);
  });
});

describe('check: options', () => {
  // Colour follows the environment of the process: as a user starts it.
  it('colours only on a terminal or when forced, never with NO_COLOR or --no-color', () => {
    const plain = runCli(['check', 'examples/broken', ...AS_OF], { env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const forced = runCli(['check', 'examples/broken', ...AS_OF], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\x1b\[31m错误/);
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    const noColorFlag = runCli(['check', 'examples/broken', ...AS_OF, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(noColorFlag.stdout).toBe(plain.stdout);
    const noColorEnv = runCli(['check', 'examples/broken', ...AS_OF], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColorEnv.stdout).toBe(plain.stdout);
    const json = runCli(['check', 'examples/broken', ...AS_OF, '--format', 'json'], { env: { NO_COLOR: undefined, FORCE_COLOR: '3' } });
    expect(json.stdout).not.toMatch(/\x1b\[/);
  });

  it('--quiet reports errors only', async () => {
    const result = await runMain(['check', 'examples/broken', ...AS_OF, '--quiet', '--format', 'json']);
    const findings = JSON.parse(result.stdout).findings as { severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const args = ['check', 'examples/broken/smelter-1.yaml', ...AS_OF, '--rule', 'first-topic:warning', '--rule', 'party-day-assignments:off', '--rule', 'national-defense-quarterly:off', '--rule', 'case-follow-up:warning'];
    expect((await runMain(args)).status).toBe(0);
    expect((await runMain([...args, '--max-warnings', '3'])).status).toBe(0);
    expect((await runMain([...args, '--max-warnings', '2'])).status).toBe(1);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-out-'));
    const target = path.join(dir, 'sub', 'result.json');
    const result = await runMain(['check', 'examples/', ...AS_OF, '--format', 'json', '--output', target]);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe((await runMain(['check', 'examples/', ...AS_OF, '--format', 'json'])).stdout);
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  const cases: [string, string[], string][] = [
    ['an impossible as-of date', ['check', 'examples', '--as-of', '2026-02-30'], 'dangjian: --as-of 的值“2026-02-30”不是有效日期，应为真实存在的 YYYY-MM-DD 日期（如 2026-07-01）\n'],
    ['an as-of date in the year 9999', ['check', 'examples', '--as-of', '9999-12-31'], 'dangjian: --as-of 的值“9999-12-31”超出范围：日期的年份应在 1900–2999 之间\n'],
    ['a since date in the year 1', ['check', 'examples', '--since', '0001-01-01', '--as-of', '2026-07-01'], 'dangjian: --since 的值“0001-01-01”超出范围：日期的年份应在 1900–2999 之间\n'],
    ['a since after the as-of date', ['check', 'examples', '--as-of', '2026-02-01', '--since', '2026-03-01'], 'dangjian: --since 2026-03-01 晚于检查日期 2026-02-01\n'],
    ['an unknown option', ['check', '--colour'], 'dangjian: 未知选项 --colour，是否想写 --color？\n'],
    ['an unknown command', ['chek'], 'dangjian: 未知命令“chek”，是否想写 check？\n'],
    ['an option the command does not have, with that command’s help', ['due', 'examples', '--since', '2026-01-01'], 'dangjian: 未知选项 --since。运行 dangjian due --help 查看可用选项\n'],
    ['an option the tool does not have, with its help', ['--bogus'], 'dangjian: 未知选项 --bogus。运行 dangjian --help 查看可用选项\n'],
    ['too many arguments, with the command’s help', ['rules', 'a', 'b'], 'dangjian: 参数过多。运行 dangjian rules --help 查看用法\n'],
    ['an unknown format', ['check', 'examples', '--format', 'xml'], 'dangjian: --format 的值“xml”无效，可选：stylish, json, sarif, junit, github, markdown, codequality\n'],
    ['an unknown rule', ['check', 'examples', '--rule', 'first-topics:off'], 'dangjian: 没有规则“first-topics”，是否想写“first-topic”？\n'],
    ['a bad rule severity', ['check', 'examples', '--rule', 'first-topic:fatal'], 'dangjian: --rule 的值“first-topic:fatal”无效，应写成 规则编号:严重程度，严重程度为 error、warning、info 或 off\n'],
    ['turning off an input rule', ['check', 'examples', '--rule', 'schema:off'], 'dangjian: 规则 schema 检查的是文件本身能否读取，不能调整或关闭\n'],
    ['a bad --max-warnings', ['check', 'examples', '--max-warnings', '-1'], 'dangjian: --max-warnings 的值“-1”无效，应为不小于 0 的整数\n'],
    ['a missing path', ['check', 'no-such-dir'], 'dangjian: 找不到“no-such-dir”：既不是文件、目录，也不是能匹配到文件的通配符\n'],
    ['no YAML files', ['check', 'src'], 'dangjian: 在 src 中没有找到 .yaml、.yml 或 .xlsx 文件\n'],
    ['a glob that matches nothing', ['check', 'nothing/**/*.yaml'], 'dangjian: 在 nothing/**/*.yaml 中没有找到 .yaml、.yml 或 .xlsx 文件\n'],
    ['a bad language', ['check', 'examples', '--lang', 'fr'], 'dangjian: --lang 的值“fr”无效，可选：zh-CN、en\n'],
    ['an option without its value', ['check', 'examples', '--as-of'], 'dangjian: 选项 --as-of <date> 缺少值\n'],
  ];
  it.each(cases)('%s', async (_name, args, stderr) => {
    const result = await runMain(args);
    expect(result).toEqual({ status: 2, stdout: '', stderr });
  });

  it('speaks English with --lang en', async () => {
    const result = await runMain(['check', 'examples', '--as-of', '2026-13-01', '--lang', 'en']);
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'dangjian: --as-of "2026-13-01" is not a date; give a real calendar date YYYY-MM-DD (e.g. 2026-07-01)\n' });
  });
});

describe('the process', () => {
  it('exits with the status of the run: 0 clean, 1 findings, 2 a usage error', () => {
    expect(runCli(['check', 'examples/clean', ...AS_OF]).status).toBe(0);
    expect(runCli(['check', 'examples/broken', ...AS_OF, '--format', 'json']).status).toBe(1);
    expect(runCli(['check', '--colour'])).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 未知选项 --colour，是否想写 --color？\n' });
  });
});

describe('help, version and rules', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(await runMain(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('check --help is in Chinese with examples, and in English with --lang en', async () => {
    const zh = await runMain(['check', '--help']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('用法: dangjian check [options] [paths...]');
    expect(zh.stdout).toContain('示例：');
    expect(zh.stdout).toContain('退出状态：0');
    const en = await runMain(['check', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: dangjian check [options] [paths...]');
    expect(en.stdout).toContain('Exit status: 0');
  });

  it('rules lists every rule with its severity', async () => {
    const result = await runMain(['rules']);
    expect(result.status).toBe(0);
    for (const id of ['political-study-monthly', 'national-defense-quarterly', 'first-topic', 'no-personal-data', 'stale-waiver', 'yaml-syntax']) {
      expect(result.stdout).toContain(id);
    }
  });

  it('rules ID prints the rule, and an unknown id is a usage error with a suggestion', async () => {
    const result = await runMain(['rules', 'national-defense-quarterly']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'national-defense-quarterly — 每季度一次国防教育',
      '',
      '严重程度: 错误',
      '周期: 每季度',
      '出处: 《在基层党建专题会议上的讲话》第三部分“要坚持实事求是”：每季度进行一次国防教育',
    ]);
    expect(await runMain(['rules', 'national-defence-quarterly'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: 没有规则“national-defence-quarterly”，是否想写“national-defense-quarterly”？\n',
    });
  });
});
