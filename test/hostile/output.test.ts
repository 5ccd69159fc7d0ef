/**
 * Hostile targets for what the tool writes: --output naming an input by any name or link, a full
 * device under stdout or --output. Nothing the run reads is ever replaced; an output that cannot be
 * written is one line and exit status 2, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, openSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE } from './catalogue.js';

const CONFIG = 'since: 2026-01-01\n';
const EXTRA: Record<string, string[]> = { check: ['--format', 'json'], report: ['--period', '2026-01', '--format', 'json'], due: ['--format', 'json'] };

function refused(command: string, dir: string, target: string, paths: string[] = ['.']) {
  const before = Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
  const result = runCli([command, ...paths, '--as-of', AS_OF, ...EXTRA[command], '-o', target], { cwd: dir });
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^dangjian: -{2}output .*：该文件是本次的输入文件或配置文件（.*），不能用结果覆盖。请换一个文件名，如 result\.json\n$/);
  // Every file as it was.
  for (const [name, text] of Object.entries(before)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
}

describe('hostile output: --output never replaces an input', () => {
  for (const command of ['check', 'report', 'due']) {
    it(`${command}: a log named with another extension, given as the output`, () => {
      const dir = tempTree({ 'branch.txt': CONTROL });
      refused(command, dir, 'branch.txt', ['branch.txt']);
    });

    it(`${command}: a symbolic link to a log, to the configuration`, () => {
      const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'dangjian.config.yaml': CONFIG });
      symlinkSync(CONTROL_FILE, path.join(dir, 'result.json'));
      symlinkSync('dangjian.config.yaml', path.join(dir, 'settings.json'));
      refused(command, dir, 'result.json');
      refused(command, dir, 'settings.json');
    });

    it(`${command}: a hard link to a log found in a folder`, () => {
      const dir = tempTree({ [`logs/${CONTROL_FILE}`]: CONTROL });
      linkSync(path.join(dir, 'logs', CONTROL_FILE), path.join(dir, 'result.json'));
      refused(command, dir, 'result.json', ['logs']);
    });
  }

  it('check: the output is not the cache either', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    expect(runCli(['check', '.', '--as-of', AS_OF, '--cache', '--format', 'json', '-o', 'out.json'], { cwd: dir }).status).toBe(1);
    refused('check', dir, '.dangjian-cache/check.cache', ['.', '--cache']);
  });

  it('merge: the output is not one of the results merged', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    for (const shard of ['1/2', '2/2']) {
      runCli(['check', '.', '--as-of', AS_OF, '--format', 'json', '--shard', shard, '-o', `shard-${shard[0]}.json`], { cwd: dir });
    }
    const before = readFileSync(path.join(dir, 'shard-1.json'), 'utf8');
    const result = runCli(['merge', 'shard-1.json', 'shard-2.json', '--format', 'json', '-o', 'shard-1.json'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dangjian: [^\n]*shard-1\.json[^\n]*\n$/);
    expect(readFileSync(path.join(dir, 'shard-1.json'), 'utf8')).toBe(before);
  });

  it('still writes through a symbolic link to a file that is no input, keeping the link', () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL, 'reports/old.json': 'old' });
    symlinkSync('reports/old.json', path.join(dir, 'latest.json'));
    expect(runCli(['check', CONTROL_FILE, '--as-of', AS_OF, '--format', 'json', '-o', 'latest.json'], { cwd: dir }).status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/old.json'), 'utf8')).summary.files).toBe(1);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['old.json']);
  });
});

/** Runs the CLI with stdout going to `target` (a file descriptor of it). */
function runTo(target: string, args: string[], cwd: string) {
  const fd = openSync(target, 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' },
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stderr: result.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.runIf(existsSync('/dev/full'))('hostile output: a full device', () => {
  const dir = tempTree({ [CONTROL_FILE]: CONTROL });
  it.each([
    ['check', ['check', '.', '--as-of', AS_OF]],
    ['check --format sarif', ['check', '.', '--as-of', AS_OF, '--format', 'sarif']],
    ['report', ['report', '.', '--as-of', AS_OF, '--period', '2026-01']],
    ['due', ['due', '.', '--as-of', AS_OF]],
    ['due --format ics', ['due', '.', '--as-of', AS_OF, '--format', 'ics']],
    ['rules', ['rules']],
    ['rules first-topic', ['rules', 'first-topic']],
    ['--help', ['--help']],
    ['--version', ['--version']],
    ['check --help', ['check', '--help']],
    ['template', ['template', '-o', 'template.xlsx', '--force']],
  ])('%s > /dev/full: one line and exit status 2', (_name, args) => {
    const result = runTo('/dev/full', args, dir);
    expect(result.stderr).toBe('dangjian: 无法写出结果（ENOSPC），输出不完整。请检查磁盘空间或输出目标\n');
    expect(result.status).toBe(2);
  });

  it.each(['check', 'report', 'due'])('%s -o /dev/full: one line and exit status 2', (command) => {
    const result = runCli([command, '.', '--as-of', AS_OF, ...EXTRA[command], '-o', '/dev/full'], { cwd: dir });
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 无法写入 /dev/full（ENOSPC）\n' });
  });
});
