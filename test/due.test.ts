/**
 * `dangjian due`: the items of the report fixture as of 2026-09-15, the agreement of overdue cases
 * with check, the iCalendar file read back with a real parser, and usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../src/formats/due-ics.js';
import { parseWithin } from '../src/commands/due.js';
import { EXPLICIT_RULES, header, ROOT, runMain, tempTree } from './helpers.js';

const FIXTURE = 'test/fixtures/report/logs';

interface Item {
  branch: string;
  kind: string;
  ruleId: string;
  title: string;
  period?: string;
  group?: string;
  deadline: string;
  daysLeft: number;
  overdue: boolean;
  progress?: { count: number; required: number };
  stage?: string;
  uid: string;
}

async function due(asOf: string, extra: string[] = []): Promise<{ status: number; items: Item[]; model: Record<string, unknown> }> {
  const result = await runMain(['due', FIXTURE, '--as-of', asOf, '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  const model = JSON.parse(result.stdout);
  return { status: result.status, items: model.items, model };
}

describe('due', () => {
  let status: number;
  let items: Item[];
  let model: Record<string, unknown>;
  beforeAll(async () => {
    ({ status, items, model } = await due('2026-09-15'));
  });
  const of = (branch: string) => items.filter((i) => i.branch === branch);

  it('lists what is not met yet in the current periods, with deadline and progress', async () => {
    expect(status).toBe(1);
    expect(model).toMatchObject({ asOf: '2026-09-15', within: 30, until: '2026-10-15' });
    expect(of('smelter-1').map((i) => [i.ruleId, i.period ?? '', i.group ?? '', i.deadline, i.progress ? `${i.progress.count}/${i.progress.required}` : ''])).toEqual([
      ['case-follow-up', '', '', '2026-09-17', ''],
      ['group-meeting-monthly', '2026-09', '动力党小组', '2026-09-30', '0/1'],
      ['general-meeting-quarterly', '2026-Q3', '', '2026-09-30', '0/1'],
      ['term-expiry', '', '', '2026-11-20', ''],
    ]);
  });

  it('respects --within: what falls due later is left out, however current its period', async () => {
    const of2 = (list: Item[], branch: string) => list.filter((i) => i.branch === branch).map((i) => i.ruleId);
    const longer = of2((await due('2026-09-15', ['--within', '120d'])).items, 'smelter-1');
    expect(longer).toContain('law-education-semiannual');
    expect(longer).toContain('family-safety-yearly');
    for (const within of ['2w', '0']) {
      const listed = await due('2026-09-15', ['--within', within]);
      const until = listed.model.until as string;
      expect(listed.items.filter((i) => i.kind !== 'term').every((i) => i.deadline <= until || i.overdue)).toBe(true);
    }
    expect((await due('2026-09-15', ['--within', '0'])).items.filter((i) => i.kind !== 'term')).toEqual([]);
  });

  it('lists overdue items first, across branches', async () => {
    const later = (await due('2026-10-05')).items;
    const firstOnTime = later.findIndex((i) => !i.overdue);
    expect(firstOnTime).toBeGreaterThan(0);
    expect(later.slice(firstOnTime).some((i) => i.overdue)).toBe(false);
  });

  it('leaves out what is met, what is not required and what lies beyond the window', async () => {
    expect(of('smelter-1').some((i) => i.ruleId === 'national-defense-quarterly')).toBe(false);
    expect(of('smelter-2').map((i) => i.ruleId)).toEqual(['discipline-education-monthly', 'party-day-monthly']);
    expect(items.some((i) => i.period === '2026-10')).toBe(false);
    const longer = (await due('2026-09-15', ['--within', '7w'])).items;
    expect(longer.filter((i) => i.branch === 'smelter-2' && i.period === '2026-10').map((i) => i.ruleId)).toContain('committee-meeting-monthly');
  });

  it('reminds of a committee election six, three and one months before the term ends, and every month after', async () => {
    expect(of('smelter-1').find((i) => i.kind === 'term')).toMatchObject({
      stage: '3',
      deadline: '2026-11-20',
      daysLeft: 66,
      overdue: false,
      reminders: ['2026-05-20', '2026-08-20', '2026-10-20'],
    });
    expect(of('office').find((i) => i.kind === 'term')).toMatchObject({ stage: '6', deadline: '2027-01-08' });
    // Its six-month reminder (2026-10-01) falls within the next 30 days.
    expect(of('concentrator-1').find((i) => i.kind === 'term')).toMatchObject({ stage: '6', deadline: '2027-04-01' });
    expect((await due('2026-09-15', ['--within', '0'])).items.some((i) => i.branch === 'concentrator-1' && i.kind === 'term')).toBe(false);
    const stage = async (asOf: string) => (await due(asOf)).items.find((i) => i.branch === 'smelter-1' && i.kind === 'term');
    expect(await stage('2026-05-10')).toMatchObject({ stage: '6', overdue: false });
    expect(await stage('2026-10-25')).toMatchObject({ stage: '1', overdue: false });
    const ended = (await stage('2027-02-01')) as Item & { reminders: string[] };
    expect(ended).toMatchObject({ stage: 'expired', overdue: true, severity: 'error' });
    expect(ended.reminders.slice(3)).toEqual(['2026-11-20', '2026-12-20', '2027-01-20', '2027-02-20']);
    expect(await stage('2026-04-01')).toBeUndefined();
  });

  it('lists the yearly content requirements still open', async () => {
    const longer = (await due('2026-09-15', ['--within', '120d'])).items.filter((i) => i.branch === 'concentrator-1');
    expect(longer.filter((i) => i.kind === 'content').map((i) => i.ruleId)).toEqual(['secretary-lecture-yearly', 'staff-archive-complete']);
    expect(of('smelter-1').some((i) => i.kind === 'content')).toBe(false);
  });

  it('shows an overdue case exactly when check reports one', async () => {
    const later = (await due('2026-09-20')).items.filter((i) => i.kind === 'case');
    expect(later).toMatchObject([{ branch: 'smelter-1', deadline: '2026-09-17', daysLeft: -3, overdue: true }]);
    const check = JSON.parse((await runMain(['check', FIXTURE, '--as-of', '2026-09-20', '--format', 'json'])).stdout);
    const overdue = check.findings.filter((f: { ruleId: string; message: string }) => f.ruleId === 'case-follow-up' && f.message.includes('至今未跟进'));
    expect(overdue.map((f: { branch: string }) => f.branch)).toEqual(later.map((i) => i.branch));
  });

  it('keeps the identifiers of the same items from one day to the next', async () => {
    const tomorrow = (await due('2026-09-16')).items;
    for (const item of items.filter((i) => i.deadline > '2026-09-16')) {
      expect(tomorrow.find((t) => t.uid === item.uid)?.title).toBe(item.title);
    }
    expect(new Set(items.map((i) => i.uid)).size).toBe(items.length);
  });

  it('prints a table by default, in Chinese, nearest deadline first within each branch', async () => {
    const result = await runMain(['due', FIXTURE, '--as-of', '2026-09-15']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^待办事项（截至 2026-09-15，未来 30 天）\n/);
    expect(result.stdout).toMatch(/│ 冶炼厂第一党支部 │ 跟进“五必谈”情况 2026-0/);
    expect(result.stdout).toContain('│ 动力党小组 │');
    expect(result.stdout).toContain('个文件有问题');
    expect(result.stdout).toContain(`${items.length} 项待办，其中 0 项已逾期`);
  });

  it('says so when nothing is due', async () => {
    const dir = tempTree({ 'a.yaml': header('a', '  dissolved: 2026-09-01\n') });
    const result = await runMain(['due', '.', '--as-of', '2026-09-15', '--lang', 'en'], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stdout: 'What is due (as of 2026-09-15, next 30 days)\nNothing is due in the 30 days after 2026-09-15\n' });
  });
});

describe('due, branch by branch', () => {
  it('lists the same items when a branch turns out to have a file after it was checked', async () => {
    // b.yaml's branch id lies beyond what is read to predict it: the run starts again with every
    // branch kept to the end, and lists what a run that predicted right lists.
    const padding = '# 备注\n'.repeat(3000);
    const logs = (pad: string) => ({
      'dangjian.config.yaml': EXPLICIT_RULES,
      'a.yaml': `${header('b1')}activities:\n  - { date: 2026-01-05, type: 支委会 }\n`,
      'b.yaml': `${pad}${header('b1')}activities:\n  - { date: 2026-02-05, type: 支委会 }\n`,
      'c.yaml': header('b2'),
    });
    const run = async (dir: string) => runMain(['due', '.', '--as-of', '2026-03-10', '--format', 'json'], { cwd: dir });
    const late = await run(tempTree(logs(padding)));
    const early = await run(tempTree(logs('')));
    expect(late.stderr).toBe('');
    expect(late.stdout).toBe(early.stdout);
    const model = JSON.parse(late.stdout);
    expect(model.summary.branches).toBe(2);
    expect(model.items.map((i: Item) => `${i.branch} ${i.ruleId} ${i.period ?? ''}`)).toContain('b1 committee-meeting-monthly 2026-03');
  });
});

describe('due --format ics', () => {
  let ics: string;
  let items: Item[];
  beforeAll(async () => {
    ics = (await runMain(['due', FIXTURE, '--as-of', '2026-09-15', '--format', 'ics'])).stdout;
    ({ items } = await due('2026-09-15'));
  });

  it('is an RFC 5545 calendar that ical.js reads, one all-day event per item', async () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/^-\/\/dangjian\/\/dangjian /);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    // A 换届 has events of its own before the term ends (their UIDs marked -6m, -3m, -1m).
    const all = calendar.getAllSubcomponents('vevent');
    const events = all.filter((e) => !/-\dm@/.test(String(e.getFirstPropertyValue('uid'))));
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(items.map((i) => i.uid));
    const reminders = all.filter((e) => /-1m@/.test(String(e.getFirstPropertyValue('uid'))));
    expect(reminders.map((e) => (e.getFirstPropertyValue('dtstart') as ICAL.Time).toString())).toContain('2026-10-20');
    const term = events.find((e) => e.getFirstPropertyValue('categories') === 'term-expiry')!;
    expect(String(term.getFirstPropertyValue('rrule'))).toBe('FREQ=MONTHLY');
    for (const [i, event] of events.entries()) {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(items[i].deadline);
      expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe('2026-09-15T00:00:00Z');
    }
    const group = events.find((e) => String(e.getFirstPropertyValue('summary')).includes('动力党小组'))!;
    expect(group.getFirstPropertyValue('summary')).toBe('【冶炼厂第一党支部】每个党小组每月召开党小组会（动力党小组）（2026年9月）');
    expect(String(group.getFirstPropertyValue('description'))).toContain('目前进度：0/1\n');
    expect(group.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('-P3D');
  });

  it('uses CRLF, folds lines at 75 octets and never splits a character', async () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('gives the same bytes on every run', async () => {
    expect((await runMain(['due', FIXTURE, '--as-of', '2026-09-15', '--format', 'ics'])).stdout).toBe(ics);
  });

  it('folds and escapes by the rules', async () => {
    const long = `SUMMARY:${'党支部工作台账'.repeat(12)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.byteLength(parts[0])).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(long);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('writes the calendar to a file', async () => {
    // Elsewhere, under the repository's rule list, as the calendar it is compared with.
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES });
    const file = path.join(dir, '待办.ics');
    await runMain(['due', path.join(ROOT, FIXTURE), '--as-of', '2026-09-15', '--format', 'ics', '--output', file], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(ics);
  });
});

describe('due usage', () => {
  it('reads --within as days, weeks or a number', async () => {
    expect(parseWithin(undefined)).toBe(30);
    expect(parseWithin('30d')).toBe(30);
    expect(parseWithin('2w')).toBe(14);
    expect(parseWithin('45')).toBe(45);
    expect(parseWithin('0')).toBe(0);
  });

  for (const value of ['3m', '-1', '', '2 weeks', '99999']) {
    it(`rejects --within "${value}" with exit 2 in one line`, async () => {
      const result = await runMain(['due', FIXTURE, '--within', value]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^dangjian: --within 的值“[^”]*”无效，应写成天数或周数，如 30d、2w 或 45（最多 3660 天）\n$/);
    });
  }

  it('rejects an unknown format, in English too', async () => {
    const result = await runMain(['due', FIXTURE, '--format', 'pdf', '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dangjian: --format "pdf" is not valid; choose one of: table, json, ics\n');
  });
});
