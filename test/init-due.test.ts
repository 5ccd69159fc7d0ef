import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from './helpers.js';

describe('a log begun by init', () => {
  it('starts on the 1st of this month, so that due lists what this month still needs', async () => {
    const dir = tempTree({});
    expect((await runMain(['init', '--yes'], { cwd: dir })).status).toBe(0);
    const since = /\nsince: (\d{4}-\d{2}-\d{2})\n/.exec(readFileSync(path.join(dir, 'dangjian.config.yaml'), 'utf8'))?.[1];
    const due = await runMain(['due', '--format', 'json'], { cwd: dir });
    expect(due.status).toBe(0);
    const result = JSON.parse(due.stdout) as { asOf: string; items: { ruleId: string; period?: string }[] };
    const month = result.asOf.slice(0, 7);
    expect(since).toBe(`${month}-01`);
    expect(result.items.filter((item) => item.period === month).map((item) => item.ruleId)).toEqual(
      expect.arrayContaining(['political-study-monthly', 'discipline-education-monthly', 'party-day-monthly', 'committee-meeting-monthly']),
    );
    // This month has not ended: it is due, never a finding.
    expect((await runMain(['check'], { cwd: dir })).status).toBe(0);
  });
});
