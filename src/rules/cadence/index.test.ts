/**
 * The accept/reject table of every cadence row, built from the row itself: a row added to
 * definitions.ts is tested here without a line of its own. Two evaluated periods of the row's kind;
 * an activity of its type in both passes, a make-up held after the first one ended counts for it,
 * and a period without one is one finding (one per Party group for a per-group row).
 */
import type { PeriodKind } from '../../model/period.js';
import { type Expected, ruleTable } from '../../../test/rule-table.js';
import type { CadenceDefinition } from './definitions.js';
import { BUILTIN_CADENCES } from '../index.js';

/** Per kind: the as-of date and evaluation start, and for each of two periods its id and a date in it. */
const WINDOWS: Record<PeriodKind, { asOf: string; since: string; periods: [string, string][]; makeUp: string }> = {
  month: { asOf: '2026-03-01', since: '2026-01-01', periods: [['2026-01', '2026-01-15'], ['2026-02', '2026-02-15']], makeUp: '2026-02-20' },
  quarter: { asOf: '2026-07-01', since: '2026-01-01', periods: [['2026-Q1', '2026-02-15'], ['2026-Q2', '2026-05-15']], makeUp: '2026-05-20' },
  'half-year': { asOf: '2027-01-01', since: '2026-01-01', periods: [['2026-H1', '2026-03-15'], ['2026-H2', '2026-09-15']], makeUp: '2026-09-20' },
  year: { asOf: '2028-01-01', since: '2026-01-01', periods: [['2026', '2026-06-15'], ['2027', '2027-06-15']], makeUp: '2027-02-20' },
};

const GROUPS = ['一组', '二组'];

function log(row: CadenceDefinition, held: { date: string; makeUpFor?: string }[]): string {
  if (held.length === 0) return 'activities: []\n';
  const groups = row.perGroup ? GROUPS : [undefined];
  const items = held.flatMap(({ date, makeUpFor }) =>
    groups.map((group) => `  - { date: ${date}, type: ${row.type}${group ? `, group: ${group}` : ''}${makeUpFor ? `, makeUpFor: ${makeUpFor}` : ''} }\n`),
  );
  return `activities:\n${items.join('')}`;
}

function missing(row: CadenceDefinition, period: string): Expected[] {
  return row.perGroup ? GROUPS.map(() => ({ messageId: 'missingGroup', period, line: 2 })) : [{ messageId: 'missing', period, line: 2 }];
}

for (const row of BUILTIN_CADENCES) {
  const { asOf, since, periods, makeUp } = WINDOWS[row.period];
  const [[first, firstDate], [second, secondDate]] = periods;
  const header = row.perGroup ? `  groups: [${GROUPS.join(', ')}]\n` : '';
  const base = { asOf, since, header };
  ruleTable(row.id, {
    accept: [
      { ...base, name: 'held in both periods', log: log(row, [{ date: firstDate }, { date: secondDate }]) },
      { ...base, name: 'the first made up after it ended', log: log(row, [{ date: makeUp, makeUpFor: first }, { date: secondDate }]) },
    ],
    reject: [
      { ...base, name: 'held in neither', log: log(row, []), findings: [...missing(row, first), ...missing(row, second)] },
      { ...base, name: 'held in the second only', log: log(row, [{ date: secondDate }]), findings: missing(row, first) },
      ...(row.perGroup
        ? [
            {
              ...base,
              name: 'held by one group only',
              log: `activities:\n  - { date: ${firstDate}, type: ${row.type}, group: 一组 }\n  - { date: ${secondDate}, type: ${row.type}, group: 一组 }\n`,
              findings: [first, second].map((period) => ({ messageId: 'missingGroup', period, line: 2 })),
            },
          ]
        : []),
    ],
  });
}
