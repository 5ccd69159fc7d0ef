/** dangjian init: starter files that check cleanly of schema problems, never overwriting. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { initCommand, installation } from '../src/commands/init.js';
import { BIN, runCli, tempTree } from './helpers.js';

describe('dangjian init', () => {
  it('writes a starter log and configuration without asking when not on a terminal', () => {
    const dir = tempTree({});
    const result = runCli(['init', '--id', 'smelter-1', '--name', '冶炼厂第一党支部', '--since', '2026-01-01'], { cwd: dir, input: '' });
    expect(result).toEqual({
      status: 0,
      stdout: `已创建 branch.yaml\n已创建 dangjian.config.yaml\n下一步：编辑 branch.yaml（去掉示例行首的“# ”即可启用），然后运行 node ${BIN} check branch.yaml\n`,
      stderr: '',
    });
    const log = readFileSync(path.join(dir, 'branch.yaml'), 'utf8');
    expect(log).toMatch(/^# yaml-language-server: \$schema=.*schemas\/branch-log\.schema\.json\n/);
    expect(log).toContain('  id: smelter-1\n  name: 冶炼厂第一党支部\n');

    const check = runCli(['check', '--as-of', '2026-02-01', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(check.stdout).findings as { ruleId: string }[];
    expect(check.stderr).toBe('');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => ['schema', 'yaml-syntax'].includes(f.ruleId))).toEqual([]);
  });

  it('never overwrites a file', () => {
    const dir = tempTree({ 'branch.yaml': 'mine\n' });
    const result = runCli(['init', '--lang', 'en'], { cwd: dir, input: '' });
    expect(result.stdout).toBe(`branch.yaml exists; not overwritten\nCreated dangjian.config.yaml\nNext: edit branch.yaml (remove the “# ” at the start of an example line to use it), then run node ${BIN} check branch.yaml\n`);
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe('mine\n');
    writeFileSync(path.join(dir, 'dangjian.config.yaml'), 'timezone: UTC\n');
    runCli(['init'], { cwd: dir, input: '' });
    expect(readFileSync(path.join(dir, 'dangjian.config.yaml'), 'utf8')).toBe('timezone: UTC\n');
  });

  it('rejects a branch id with spaces', () => {
    expect(runCli(['init', '--id', 'a b'], { cwd: tempTree({}) })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: 支部编号“a b”无效：不能含空格，长度为 1–64 个字符\n',
    });
  });

  it('asks for the branch on a terminal', async () => {
    const dir = tempTree({});
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let out = '';
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    stdout.on('data', (chunk) => (out += chunk));
    const io = { cwd: dir, env: {}, stdout, stderr: { write: () => true } };
    const running = initCommand({}, 'zh-CN', io, stdin);
    for (const answer of ['bad id', 'power-3', '动力厂第三党支部', '动力厂党委', '0', '12', '第一党小组、第二党小组', '2024-02-30', '2024/5/10']) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stdin.write(`${answer}\n`);
    }
    expect(await running).toBe(0);
    expect(out).toContain('支部编号“bad id”无效');
    const log = readFileSync(path.join(dir, 'branch.yaml'), 'utf8');
    expect(out).toContain('党员人数应为正整数，实际是“0”');
    expect(out).toContain('“2024-02-30”不是真实存在的日期');
    expect(log).toContain('  id: power-3\n  name: 动力厂第三党支部\n  parent: 动力厂党委\n  members: 12\n  groups: [第一党小组, 第二党小组]\n  termStart: 2024-05-10\n');
  });
});

/** Removes the `# ` of the example lines between two line numbers (1-based, inclusive), as an editor's "toggle comment" does. */
function uncomment(text: string, from: number, to: number, marker = '# '): string {
  return text
    .split('\n')
    .map((line, index) => (index + 1 >= from && index + 1 <= to ? line.replace(marker, '') : line))
    .join('\n');
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('the starter log survives the first edits', () => {
  const inputFindings = (dir: string) => {
    const check = runCli(['check', '--as-of', '2026-12-04', '--format', 'json'], { cwd: dir });
    expect(check.stderr).toBe('');
    return (JSON.parse(check.stdout).findings as { ruleId: string; message: string }[]).filter((f) => ['schema', 'yaml-syntax'].includes(f.ruleId));
  };

  for (const [how, marker] of [['“# ” removed', '# '], ['only “#” removed', '#']] as const) {
    it(`uncommenting examples, copying an activity and changing its date (${how})`, () => {
      const dir = tempTree({});
      runCli(['init', '--id', 'smelter-1', '--name', '冶炼厂第一党支部', '--since', '2026-01-01', '--yes'], { cwd: dir });
      const file = path.join(dir, 'branch.yaml');
      let log = readFileSync(file, 'utf8');
      log = uncomment(log, lineOf(log, '# - { year: 2026'), lineOf(log, '# - { year: 2026'), marker);
      log = uncomment(log, lineOf(log, '# groups:'), lineOf(log, '# groups:'), marker);
      const first = lineOf(log, '# - date: 2026-01-06');
      const last = lineOf(log, '#   assignments:');
      log = uncomment(log, first, last, marker);
      writeFileSync(file, log);
      if (marker === '#') {
        // A single line uncommented this way is one space out of step: named, and repaired by --fix.
        expect(inputFindings(dir).map((f) => f.message)).toEqual([
          '第 11 行的缩进（3 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“  groups: [第一党小组, 第二党小组]”（2 个空格）。可用 --fix 自动修复',
        ]);
        runCli(['check', '--as-of', '2026-12-04', '--fix'], { cwd: dir });
        log = readFileSync(file, 'utf8');
      }
      expect(inputFindings(dir)).toEqual([]);

      // Copy the first activity below the last one and change its date.
      const lines = log.split('\n');
      const copy = lines.slice(first - 1, first + 4).map((line) => line.replace('2026-01-06', '2026-02-03').replace('一月', '二月'));
      lines.splice(last, 0, ...copy);
      writeFileSync(file, lines.join('\n'));
      expect(inputFindings(dir)).toEqual([]);
      const result = JSON.parse(runCli(['check', '--as-of', '2026-12-04', '--format', 'json'], { cwd: dir }).stdout);
      expect(result.summary.branches).toBe(1);
      expect(result.findings.some((f: { ruleId: string; period?: string }) => f.ruleId === 'committee-meeting-monthly' && ['2026-01', '2026-02'].includes(f.period!))).toBe(false);
    });
  }

  it('gives the wording of the example lines in English too', () => {
    const dir = tempTree({});
    runCli(['init', '--lang', 'en', '--yes'], { cwd: dir });
    const log = readFileSync(path.join(dir, 'branch.yaml'), 'utf8');
    expect(log).toContain('activities:\n  # - date: 2026-01-06\n  #   type: committee-meeting\n');
    expect(log).toContain('features:\n  # - { year: 2026');
    expect(log).not.toContain('[]');
  });

  it('rejects a members count or election date that is not one', () => {
    expect(runCli(['init', '--members', '0'], { cwd: tempTree({}) }).stderr).toBe('dangjian: 党员人数应为正整数，实际是“0”\n');
    expect(runCli(['init', '--term-start', '2024-02-30', '--lang', 'en'], { cwd: tempTree({}) }).stderr).toBe(
      'dangjian: "2024-02-30" is not a real date; try again, e.g. 2024-05-10\n',
    );
  });
});

describe('a fresh log is judged from the day it began', () => {
  it('init writes that day as the configuration’s since: no 未开展 for the months before it', () => {
    const dir = tempTree({});
    expect(runCli(['init', '--since', '2026-12-04', '--yes'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dangjian.config.yaml'), 'utf8')).toContain('\nsince: 2026-12-04\n');
    for (const asOf of ['2026-12-04', '2027-01-05']) {
      const check = runCli(['check', '--as-of', asOf, '--format', 'json'], { cwd: dir });
      const findings = JSON.parse(check.stdout).findings as { ruleId: string; severity: string; message: string }[];
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(check.status).toBe(0);
    }
    // A month after the log began, that month is judged.
    const later = JSON.parse(runCli(['check', '--as-of', '2027-02-01', '--format', 'json'], { cwd: dir }).stdout);
    expect(later.findings.filter((f: { period?: string }) => f.period === '2027-01').length).toBeGreaterThan(0);
  });

  it('rejects a since that is not a date', () => {
    expect(runCli(['init', '--since', '2026-13-01'], { cwd: tempTree({}) }).status).toBe(2);
  });
});

describe('init names the command and the schema that work where it ran', () => {
  const root = path.join(path.sep, 'srv');
  it('in a logs repository that has dangjian as a devDependency: npx, the schema in node_modules', () => {
    const pkg = path.join(root, 'logs', 'node_modules', 'dangjian');
    expect(installation(pkg, path.join(root, 'logs', '2026'))).toEqual({ command: 'npx dangjian', schema: '../node_modules/dangjian/schemas/branch-log.schema.json' });
  });
  it('inside the clone: npx, the schema of the clone', () => {
    const clone = path.join(root, 'dangjian');
    expect(installation(clone, path.join(clone, 'examples'))).toEqual({ command: 'npx dangjian', schema: '../schemas/branch-log.schema.json' });
  });
  it('installed globally: the command itself; the schema of a devDependency once the folder is a project', () => {
    const global = path.join(root, 'usr', 'lib', 'node_modules', 'dangjian');
    const logs = tempTree({ 'package.json': '{}', 'q1/.keep': '' });
    expect(installation(global, path.join(logs, 'q1'))).toEqual({ command: 'dangjian', schema: '../node_modules/dangjian/schemas/branch-log.schema.json' });
    const bare = tempTree({});
    expect(installation(global, bare).command).toBe('dangjian');
    expect(installation(global, bare).schema).toMatch(/usr\/lib\/node_modules\/dangjian\/schemas\/branch-log\.schema\.json$/);
  });
  it('run from npx’s cache: npx; run by path: node and the path', () => {
    expect(installation(path.join(root, 'home', '.npm', '_npx', 'abc', 'node_modules', 'dangjian'), path.join(root, 'work')).command).toBe('npx dangjian');
    const copy = path.join(root, 'tools', 'dangjian');
    expect(installation(copy, path.join(root, 'work')).command).toBe(`node ${path.join(copy, 'bin', 'dangjian.cjs')}`);
  });
});
