/**
 * Accept/reject tables for every cadence rule, generated from the cadence rows: one activity in every
 * evaluated period passes; taking away the activity of one period gives exactly one finding there.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CADENCES } from '../src/rules/index.js';
import { periodsOverlapping } from '../src/model/period.js';
import { activities, checkBody, checkFiles, HEADER, of } from './check-yaml.js';

const AS_OF = '2027-01-01';
const SINCE = '2026-01-01';

describe.each(BUILTIN_CADENCES)('$id', (row) => {
  const periods = periodsOverlapping(row.period, SINCE, '2026-12-31');
  const groups = row.perGroup ? '  groups: [一组, 二组]\n' : '';
  const held = (skip?: string) =>
    periods
      .filter((p) => p.id !== skip)
      .flatMap((p) =>
        row.perGroup
          ? ([[p.start, row.type, 'group: 一组'], [p.start, row.type, 'group: 二组']] as [string, string, string][])
          : ([[p.start, row.type]] as [string, string][]),
      );
  const file = (items: [string, string, string?][]) => ({ 'log.yaml': HEADER + groups + activities(items) });

  it('accepts one activity in every period', async () => {
    expect(of(await checkFiles(file(held()), { asOf: AS_OF, since: SINCE }), row.id)).toEqual([]);
  });

  it('rejects a period without the activity, at the branch key', async () => {
    const missing = periods[periods.length > 1 ? 1 : 0];
    const expected = row.perGroup ? [[missing.id, 2], [missing.id, 2]] : [[missing.id, 2]];
    const findings = await checkFiles(file(held(missing.id)), { asOf: AS_OF, since: SINCE });
    expect(of(findings, row.id)).toEqual(expected);
    expect(findings.find((f) => f.ruleId === row.id)?.severity).toBe(row.severity);
  });

  it('does not evaluate a period that has not ended (pending)', async () => {
    const last = periods[periods.length - 1];
    const findings = await checkFiles(file(held(last.id)), { asOf: last.end, since: SINCE });
    expect(of(findings, row.id)).toEqual([]);
  });

  it('counts a make-up (makeUpFor) held after the period, for every Party group of a per-group row', async () => {
    const missing = periods[0];
    const makeUpDate = periods.length > 1 ? periods[1].start : '2027-01-01';
    const makeUps = (units: (string | undefined)[]) =>
      units.map((group) => [makeUpDate, row.type, `${group ? `group: ${group}\n    ` : ''}makeUpFor: ${missing.id}`] as [string, string, string]);
    const options = { asOf: '2027-01-02', since: SINCE };
    const items = [...held(missing.id), ...makeUps(row.perGroup ? ['一组', '二组'] : [undefined])];
    expect(of(await checkFiles(file(items), options), row.id)).toEqual([]);
    if (row.perGroup) {
      // A group's make-up counts for that group only: the other group still misses the period.
      const findings = (await checkFiles(file([...held(missing.id), ...makeUps(['一组'])]), options)).filter((f) => f.ruleId === row.id);
      expect(findings.map((f) => [f.period, f.line])).toEqual([[missing.id, 2]]);
      expect(findings[0].message).toContain('“二组”');
    }
  });
});

describe('cadence details', () => {
  const months = ['01', '02', '03'];
  const study = (skip: string[] = [], type = 'political-study') =>
    months.filter((m) => !skip.includes(m)).map((m) => [`2026-${m}-10`, type] as [string, string]);

  it('accepts the Chinese name and an alias for the type', async () => {
    const items = [['2026-01-10', '政治业务学习'], ['2026-02-10', '政治学习'], ['2026-03-10', 'political-study']] as [string, string][];
    expect(of(await checkBody(activities(items), { asOf: '2026-04-01' }), 'political-study-monthly')).toEqual([]);
  });

  it('counts one activity with several types for each type', async () => {
    const items = months.map((m) => [`2026-${m}-10`, '[political-study, 党纪教育, party-day]', 'assignments: [学习党章]'] as [string, string, string]);
    const findings = await checkBody(activities(items), { asOf: '2026-04-01' });
    expect(of(findings, 'political-study-monthly')).toEqual([]);
    expect(of(findings, 'discipline-education-monthly')).toEqual([]);
    expect(of(findings, 'party-day-monthly')).toEqual([]);
    expect(of(findings, 'committee-meeting-monthly')).toEqual([['2026-01', 2], ['2026-02', 2], ['2026-03', 2]]);
  });

  it('evaluates a month only once it has ended (as of 2026-07-01 June is evaluated; as of 2026-06-30 it is not)', async () => {
    expect(of(await checkBody('activities: []\n', { asOf: '2026-06-30' }), 'political-study-monthly').map(([p]) => p)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
    ]);
    expect(of(await checkBody('activities: []\n', { asOf: '2026-07-01' }), 'political-study-monthly').at(-1)).toEqual(['2026-06', 2]);
  });

  it('starts at --since, and at branch.established', async () => {
    expect(of(await checkBody(activities(study()), { asOf: '2026-06-01', since: '2026-04-01' }), 'political-study-monthly').map(([p]) => p)).toEqual(['2026-04', '2026-05']);
    const established = HEADER.replace('members: 10', 'members: 10\n  established: 2026-02-15');
    const findings = await checkFiles({ 'a.yaml': established + 'activities: []\n' }, { asOf: '2026-04-01' });
    expect(of(findings, 'political-study-monthly').map(([p]) => p)).toEqual(['2026-03']);
  });

  it('stops before branch.dissolved', async () => {
    const dissolved = HEADER.replace('members: 10', 'members: 10\n  dissolved: 2026-03-01');
    const findings = await checkFiles({ 'a.yaml': dissolved + 'activities: []\n' }, { asOf: '2026-06-01' });
    expect(of(findings, 'political-study-monthly').map(([p]) => p)).toEqual(['2026-01', '2026-02']);
  });

  it('does not count a make-up inside the month it names', async () => {
    const items: [string, string, string?][] = [...study(['02']), ['2026-03-20', 'political-study', 'makeUpFor: 2026-03']];
    const findings = await checkBody(activities(items), { asOf: '2026-04-01' });
    expect(of(findings, 'schema')).toEqual([['', 13]]);
    expect(of(findings, 'political-study-monthly')).toEqual([['2026-02', 2]]);
  });

  it('does not count a repeated record or a future-dated activity', async () => {
    const items: [string, string, string?][] = [
      ['2026-01-10', 'party-day', 'assignments: [学习党章]'],
      ['2026-01-10', 'party-day', 'assignments: [学习党章]'],
    ];
    const findings = await checkBody(activities(items), { asOf: '2026-03-01' });
    expect(of(findings, 'party-day-monthly')).toEqual([['2026-02', 2]]);
    expect(of(findings, 'duplicate-activity')).toEqual([['2026-01', 10]]);
  });

  it('finds a repeat with another activity of its date between, in a log in date order or not', async () => {
    const partyDay: [string, string, string] = ['2026-01-10', 'party-day', 'assignments: [学习党章]'];
    const inOrder: [string, string, string?][] = [partyDay, ['2026-01-10', 'political-study', 'title: 学习'], partyDay];
    expect(of(await checkBody(activities(inOrder), { asOf: '2026-03-01' }), 'duplicate-activity')).toEqual([['2026-01', 13]]);
    const outOfOrder: [string, string, string?][] = [partyDay, ['2026-01-05', 'political-study', 'title: 学习'], partyDay];
    expect(of(await checkBody(activities(outOfOrder), { asOf: '2026-03-01' }), 'duplicate-activity')).toEqual([['2026-01', 13]]);
  });

  it('requires group meetings per group, and none of a branch without groups', async () => {
    const groups = HEADER + '  groups: [一组, 二组, 三组]\n';
    const items: [string, string, string?][] = [
      ['2026-01-10', '党小组会', 'group: 一组'],
      ['2026-01-11', '党小组会', 'group: 二组'],
      ['2026-01-12', '党小组会', 'group: 三组'],
      ['2026-02-10', '党小组会', 'group: 一组'],
    ];
    const findings = await checkFiles({ 'a.yaml': groups + activities(items) }, { asOf: '2026-03-01' });
    expect(findings.filter((f) => f.ruleId === 'group-meeting-monthly').map((f) => f.message)).toEqual([
      '2026-02 党小组“三组”未开展党小组会：要求每月至少 1 次，实际 0 次',
      '2026-02 党小组“二组”未开展党小组会：要求每月至少 1 次，实际 0 次',
    ]);
    expect(of(await checkBody('activities: []\n', { asOf: '2026-03-01' }), 'group-meeting-monthly')).toEqual([]);
  });

  it('invents no missing period for a branch one of whose files is broken', async () => {
    const files = {
      'a.yaml': HEADER + 'activities: []\n',
      'b.yaml': HEADER + 'activities:\n  - date: 2026-01-10\n    type: party-day\n  bad indentation\n',
    };
    const findings = await checkFiles(files, { asOf: '2026-04-01' });
    expect(findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });
});
