/**
 * The report never disagrees with check. On 240 generated branches (random gaps, make-ups,
 * waivers, Party groups, content mistakes, unreadable files), every missing cell of
 * `report --format json` is an unwaived finding of `check --format json` for the same inputs and
 * as-of date, every waived cell a waived finding, every other cell no finding at all; and every
 * finding of a report column lands in a cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from './helpers.js';
import { generateLogs } from './generate-logs.js';

interface Finding {
  ruleId: string;
  branch?: string;
  period?: string;
  waived?: unknown;
}
interface Mark {
  period: string;
  state: string;
  groups?: { state: string }[];
  findings: unknown[];
}
interface Attendance {
  meetings: number;
  expected: number;
  present: number;
  rate: number | null;
}
interface Model {
  columns: { ruleId: string; category: string; periods: { id: string }[] }[];
  groups: { branches: { id: string; attendance: Attendance; cells: { ruleId: string; marks: Mark[] }[] }[]; subtotal: { attendance: Attendance } }[];
  uncounted: { file: string }[];
  meetings: { branch: string; expected?: number; present?: number }[];
  total: { tally: Record<string, number>; attendance: Attendance };
}

/** 出勤率 of every row, subtotal and the total is Σ present ÷ Σ expected of the meetings listed. */
function attendanceAgrees(model: Model): void {
  const sum = (list: Attendance[]) => list.reduce((a, b) => ({ expected: a.expected + b.expected, present: a.present + b.present }), { expected: 0, present: 0 });
  const rows = model.groups.flatMap((g) => g.branches);
  for (const row of rows) {
    const meetings = model.meetings.filter((m) => m.branch === row.id && m.expected !== undefined && m.present !== undefined && m.expected > 0);
    expect([row.attendance.expected, row.attendance.present, row.attendance.meetings], row.id).toEqual([
      meetings.reduce((n, m) => n + m.expected!, 0),
      meetings.reduce((n, m) => n + m.present!, 0),
      meetings.length,
    ]);
    const { expected, present } = row.attendance;
    expect(row.attendance.rate, row.id).toBe(expected === 0 ? null : Math.floor((present * 2000 + expected) / (2 * expected)) / 1000);
  }
  for (const group of model.groups) expect(sum([group.subtotal.attendance])).toEqual(sum(group.branches.map((b) => b.attendance)));
  expect(sum([model.total.attendance])).toEqual(sum(rows.map((r) => r.attendance)));
}

const BRANCHES = 240;
const dir = tempTree(generateLogs(BRANCHES, 20260915));

async function run(args: string[], output: string): Promise<{ status: number; json: unknown }> {
  const file = path.join(dir, output);
  const result = await runMain([...args, '--output', file, 'logs'], { cwd: dir });
  expect(result.stderr).toMatch(/^dangjian: 已写入 [^\n]+\n$/);
  return { status: result.status, json: JSON.parse(readFileSync(file, 'utf8')) };
}

async function agreement(period: string, asOf: string): Promise<{ model: Model; findings: Finding[]; marks: number }> {
  const check = (await run(['check', '--as-of', asOf, '--format', 'json'], `check-${asOf}.json`)).json as { findings: Finding[] };
  const report = await run(['report', '--period', period, '--as-of', asOf, '--format', 'json'], `report-${period}-${asOf}.json`);
  const model = report.json as Model;
  const columns = new Set(model.columns.map((c) => c.ruleId));
  const key = (branch: string, rule: string, p: string) => `${branch}|${rule}|${p}`;
  const unwaived = new Map<string, number>();
  const waived = new Map<string, number>();
  for (const f of check.findings) {
    if (!columns.has(f.ruleId) || !f.branch || !f.period) continue;
    const map = f.waived ? waived : unwaived;
    const k = key(f.branch, f.ruleId, f.period);
    map.set(k, (map.get(k) ?? 0) + 1);
  }
  const seen = new Set<string>();
  let marks = 0;
  for (const group of model.groups) {
    for (const row of group.branches) {
      for (const cell of row.cells) {
        for (const mark of cell.marks) {
          marks++;
          const k = key(row.id, cell.ruleId, mark.period);
          seen.add(k);
          const u = unwaived.get(k) ?? 0;
          const w = waived.get(k) ?? 0;
          const where = `${k}: ${mark.state}, ${u} unwaived and ${w} waived findings`;
          if (mark.state === 'missing' || mark.state === 'problem') expect(u, where).toBeGreaterThan(0);
          else if (mark.state === 'waived') expect([u > 0, w > 0], where).toEqual([false, true]);
          else expect(u + w, where).toBe(0);
          expect(mark.findings.length, where).toBe(u + w);
          if (mark.groups && (mark.state === 'missing' || mark.state === 'waived')) {
            const unmet = mark.groups.filter((g) => g.state === 'missing' || g.state === 'waived').length;
            expect(unmet, where).toBe(u + w);
          }
        }
      }
    }
  }
  // Vice versa: a finding of a report column whose period is shown has its cell.
  const shown = new Map(model.columns.map((c) => [c.ruleId, new Set(c.periods.map((p) => p.id))]));
  const findings = check.findings.filter((f) => f.branch && f.period && shown.get(f.ruleId)?.has(f.period));
  for (const f of findings) expect(seen.has(key(f.branch!, f.ruleId, f.period!)), `${f.branch} ${f.ruleId} ${f.period}`).toBe(true);
  // Input problems make the exit status 1 and are listed, never dropped.
  const inputs = check.findings.filter((f) => ['yaml-syntax', 'encoding', 'schema', 'file-too-large', 'file-unreadable', 'branch-conflict'].includes(f.ruleId));
  expect(report.status).toBe(inputs.length > 0 ? 1 : 0);
  attendanceAgrees(model);
  return { model, findings, marks };
}

describe('report and check agree', () => {
  it('for a whole year, as of mid-October', async () => {
    const { model, findings, marks } = await agreement('2026', '2026-10-15');
    const rows = model.groups.flatMap((g) => g.branches);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(marks).toBeGreaterThan(20_000);
    // The generator produced every kind of cell.
    const states = new Set(rows.flatMap((r) => r.cells.flatMap((c) => c.marks.map((m) => m.state))));
    expect([...states].sort()).toEqual(['done', 'late', 'missing', 'not-applicable', 'not-counted', 'pending', 'problem', 'waived']);
    expect(model.total.attendance.meetings).toBeGreaterThan(1000);
    expect(findings.filter((f) => f.waived).length).toBeGreaterThan(10);
    expect(model.uncounted.length).toBeGreaterThan(0);
  }, 300_000);

  it('for a quarter in progress', async () => {
    const { model } = await agreement('2026-Q3', '2026-08-20');
    expect(model.total.tally.pending).toBeGreaterThan(0);
    expect(model.total.tally.missing).toBeGreaterThan(0);
  }, 300_000);
});
