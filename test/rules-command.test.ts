/** `dangjian rules`: a rule found by its Chinese title or an activity type, its page rendered for a terminal. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from './helpers.js';

const rules = (args: string[]) => runMain(['rules', ...args], { cwd: ROOT });

describe('rules WORD', () => {
  it('finds a rule by its Chinese title', async () => {
    const result = await rules(['第一议题']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('first-topic — 支委会须有“第一议题”');
  });

  it('lists the rules about an activity type, by its Chinese name or id', async () => {
    for (const word of ['党课', 'party-lecture']) {
      const ids = [...(await rules([word])).stdout.matchAll(/│ ([a-z-]+) +│/g)].map((m) => m[1]).filter((id) => id !== 'id');
      expect(ids).toEqual(['party-lecture-quarterly', 'secretary-lecture-yearly']);
    }
  });

  it('finds a rule by its English title, in English', async () => {
    const result = await rules(['first topic', '--lang', 'en']);
    expect(result.stdout.split('\n')[0]).toBe('first-topic — Every committee meeting has a first topic');
  });

  it('is a usage error when nothing matches', async () => {
    expect(await rules(['不存在的规则'])).toMatchObject({ status: 2, stdout: '' });
  });
});

describe('rules ID renders the page for a terminal', () => {
  it('names the speech, underlines headings, captions the examples and drops Markdown marks', async () => {
    const { stdout } = await rules(['first-topic']);
    expect(stdout).toContain('出处: 《在基层党建专题会议上的讲话》第三部分“要坚持实事求是”：要严格落实“第一议题”“三会一课”制度\n');
    expect(stdout).toContain('\n检查内容\n────────\n');
    expect(stdout).toContain('（会报问题，检查日期 2026-01-20）\n    version: 1\n');
    expect(stdout).not.toMatch(/```|^#+ |`firstTopic`/m);
  });

  it('in English too', async () => {
    const { stdout } = await rules(['first-topic', '--lang', 'en']);
    expect(stdout).toContain('source: Speech at the meeting on grassroots Party building, section 3 (“seek truth from facts”): strictly apply the “first topic” system\n');
    expect(stdout).toContain('(reported, checked as of 2026-01-20)\n    version: 1\n');
    expect(stdout).not.toMatch(/```|^#+ /m);
  });
});

describe('commands say what they did', () => {
  it('--concurrency 0 is a usage error, in both languages', async () => {
    expect(await runMain(['check', 'examples/clean', '--concurrency', '0'], { cwd: ROOT })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: --concurrency 的值“0”无效，应为不小于 1 的整数\n',
    });
    expect((await runMain(['check', 'examples/clean', '--concurrency', '0', '--lang', 'en'], { cwd: ROOT })).stderr).toBe(
      'dangjian: --concurrency "0" is not valid; give a whole number of 1 or more\n',
    );
  });

  it('--output of check, report and due prints one line: what was written, and the counts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-wrote-'));
    const out = (name: string) => path.join(dir, name);
    const check = await runMain(['check', 'examples', '--as-of', '2026-07-01', '-f', 'json', '-o', out('r.json')], { cwd: ROOT });
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(`dangjian: 已写入 ${out('r.json')}：5 个错误、1 个警告（检查了 5 个文件、3 个支部）\n`);
    const report = await runMain(['report', '-p', '2026-Q2', 'examples', '--as-of', '2026-07-01', '-f', 'csv', '-o', out('r.csv')], { cwd: ROOT });
    expect(report.stderr).toBe(`dangjian: 已写入 ${out('r.csv')}：4 个支部（读取了 5 个文件）；1 个文件有格式问题，未计入\n`);
    const due = await runMain(['due', 'examples/clean', '--as-of', '2026-07-01', '-f', 'ics', '-o', out('d.ics'), '--lang', 'en'], { cwd: ROOT });
    expect(due.stderr).toMatch(new RegExp(`^dangjian: Wrote ${out('d.ics').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ items? due, \\d+ overdue \\(1 branch\\)\n$`));
    expect(readFileSync(out('d.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});
