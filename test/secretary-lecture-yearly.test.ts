/** secretary-lecture-yearly counts a make-up lecture (makeUpFor) for the year it makes up for. */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/types.js';
import { header, runMain, tempTree } from './helpers.js';

const lecture = (date: string, makeUpFor?: string) =>
  `  - date: ${date}\n    type: 党课\n    lecturerRole: secretary\n${makeUpFor ? `    makeUpFor: ${makeUpFor}\n` : ''}`;

async function missingYears(activities: string, asOf: string, since: string): Promise<string[]> {
  const dir = tempTree({ 'log.yaml': `${header()}activities:\n${activities}` });
  const result = await runMain(['check', dir, '--as-of', asOf, '--since', since, '--format', 'json']);
  const parsed = JSON.parse(result.stdout) as CheckResult;
  expect(parsed.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  return parsed.findings.filter((f) => f.ruleId === 'secretary-lecture-yearly').map((f) => f.period!);
}

describe('secretary-lecture-yearly', () => {
  it('accepts a lecture made up early in the next year for the year it names', async () => {
    expect(await missingYears(lecture('2027-01-15', '2026'), '2027-02-01', '2026-01-01')).toEqual([]);
  });

  it('does not count the make-up for the year it was given in', async () => {
    expect(await missingYears(lecture('2026-01-10', '2025-Q4'), '2027-01-01', '2025-01-01')).toEqual(['2026']);
  });

  it('counts a lecture given inside the year', async () => {
    expect(await missingYears(lecture('2025-06-10') + lecture('2026-06-10'), '2027-01-01', '2025-01-01')).toEqual([]);
  });
});
