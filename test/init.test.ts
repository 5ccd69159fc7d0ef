/** dangjian init: starter files that check cleanly of schema problems, never overwriting. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { initCommand } from '../src/commands/init.js';
import { runCli, tempTree } from './helpers.js';

describe('dangjian init', () => {
  it('writes a starter log and configuration without asking when not on a terminal', () => {
    const dir = tempTree({});
    const result = runCli(['init', '--id', 'smelter-1', '--name', '冶炼厂第一党支部'], { cwd: dir, input: '' });
    expect(result).toEqual({
      status: 0,
      stdout: '已创建 branch.yaml\n已创建 dangjian.config.yaml\n下一步：编辑 branch.yaml，然后运行 npx dangjian check branch.yaml\n',
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
    expect(result.stdout).toBe('branch.yaml exists; not overwritten\nCreated dangjian.config.yaml\nNext: edit branch.yaml, then run npx dangjian check branch.yaml\n');
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
    for (const answer of ['bad id', 'power-3', '动力厂第三党支部', '动力厂党委', '12']) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stdin.write(`${answer}\n`);
    }
    expect(await running).toBe(0);
    expect(out).toContain('支部编号“bad id”无效');
    const log = readFileSync(path.join(dir, 'branch.yaml'), 'utf8');
    expect(log).toContain('  id: power-3\n  name: 动力厂第三党支部\n  parent: 动力厂党委\n  members: 12\n');
  });
});
