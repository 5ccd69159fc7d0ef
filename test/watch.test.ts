/** `check --watch`: a check, then another on every save, until stopped; in both languages. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXPLICIT_RULES, header, runCli, tempTree } from './helpers.js';

/** Runs `check --watch`, waits for each round's line on stderr, and calls `edit` after each one. */
function watching(dir: string, args: string[], edits: (() => void)[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', '--watch', '--as-of', '2026-01-31', ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' },
    });
    let stdout = '';
    let stderr = '';
    let rounds = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const seen = stderr.split('\n').filter((line) => /监视|Watching/.test(line)).length;
      while (rounds < seen) {
        const edit = edits[rounds++];
        // Each edit after a pause, so that the watcher sees it as one save.
        if (edit) setTimeout(edit, 300);
        else child.kill('SIGTERM');
      }
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const WRONG = `${header('b1')}activities:\n  - date: 2026-01-06\n    type: 支委汇\n`;

describe('check --watch', () => {
  it('checks again on every save, until stopped, and exits with the last check’s status', async () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'logs/b.yaml': WRONG });
    const file = path.join(dir, 'logs', 'b.yaml');
    const result = await watching(dir, ['logs'], [
      () => writeFileSync(file, WRONG.replace('支委汇', '支委会')),
      () => writeFileSync(file, `${WRONG.replace('支委汇', '支委会')}    firstTopic: 学习党章\n`),
    ]);
    const rounds = result.stdout.split(/(?=logs\/b\.yaml\n|✔)/);
    expect(rounds).toEqual([
      'logs/b.yaml\n  8:11  错误  未知的活动类型“支委汇”，应为“支委会”。可用 --fix 自动修复  schema\n\n✖ 共 1 个问题：1 个错误，0 个警告（检查了 1 个文件、1 个支部，自 2026-01-01 起）\n',
      'logs/b.yaml\n  7:5  错误  2026-01-06 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容  first-topic\n\n✖ 共 1 个问题：1 个错误，0 个警告（检查了 1 个文件、1 个支部，自 2026-01-01 起）\n',
      expect.stringMatching(/^✔ 没有发现问题（检查了 1 个文件、1 个支部，自 2026-01-01 起）/),
    ]);
    expect(result.stderr).toBe('正在监视 1 个台账文件：保存后自动重新检查（按 Ctrl+C 退出）\n'.repeat(3));
    expect(result.status).toBe(0);
  }, 60_000);

  it('sees a new file in a watched folder, in English', async () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'logs/b.yaml': WRONG.replace('支委汇', '支委会').replace('type: 支委会', 'type: 支委会\n    firstTopic: 学习党章') });
    const result = await watching(dir, ['logs', '--lang', 'en'], [() => writeFileSync(path.join(dir, 'logs', 'c.yaml'), header('c1'))]);
    expect(result.stderr).toBe('Watching 1 log file: saving one checks again (Ctrl+C to stop)\nWatching 2 log files: saving one checks again (Ctrl+C to stop)\n');
    expect(result.stdout).toContain('2 files, 2 branches checked');
    expect(result.status).toBe(0);
  }, 60_000);

  it('shows its results in the terminal: --output and --fix-dry-run are usage errors', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'b.yaml': WRONG });
    expect(runCli(['check', '--watch', '-o', 'out.json'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: --watch 在终端中显示结果，不能与 --output 一起使用\n',
    });
    expect(runCli(['check', '--watch', '--fix-dry-run', '--lang', 'en'], { cwd: dir }).stderr).toBe(
      'dangjian: --watch shows its results in the terminal and cannot be combined with --fix-dry-run\n',
    );
  });
});
