/**
 * import(export(log)) gives back the log: a property over generated logs (every field the template
 * has a column for), exported to a workbook, read back and imported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../../src/model/activity-types.js';
import { BranchLogValidator } from '../../src/schema/validate.js';
import { importLog } from '../../src/xlsx/import/index.js';
import { ROLES } from '../../src/xlsx/layout.js';
import { readWorkbook } from '../../src/xlsx/read.js';
import { templateWorkbook } from '../../src/xlsx/template-write.js';

const CJK = 'abcdefghXYZ党支部学习会议主题安全生产一二三四五六七八九十月第章节活动讨论';
/** Text as a cell keeps it: no leading or trailing space, none of the separators of a list. */
const text = fc
  .array(fc.constantFrom(...CJK.split(''), ' ', '1', '2'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join('').trim())
  .filter((s) => s.length > 0 && !/^\d+$/.test(s));
const date = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
const count = fc.integer({ min: 0, max: 200 });
const names = BUILTIN_TYPES.flatMap((t) => [t.id, t.name, ...t.aliases]);
const types = fc.oneof(fc.constantFrom(...names), fc.uniqueArray(fc.constantFrom(...BUILTIN_TYPES.map((t) => t.name)), { minLength: 2, maxLength: 3 }));
const list = fc.array(text, { minLength: 1, maxLength: 3 });
const period = fc.oneof(
  fc.integer({ min: 2020, max: 2027 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, '0')}`)),
  fc.integer({ min: 2020, max: 2027 }).chain((y) => fc.integer({ min: 1, max: 4 }).map((q) => `${y}-Q${q}`)),
);

const activity = fc.record(
  {
    date,
    type: types,
    title: text,
    group: text,
    place: text,
    host: text,
    recorder: text,
    firstTopic: text,
    agenda: list,
    resolution: text,
    attendance: fc.record({ expected: count, present: count, leave: count, absent: count }, { requiredKeys: ['expected'] }),
    guests: count,
    absentees: fc.array(fc.record({ name: text, reason: text }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 3 }),
    lecturer: text,
    lecturerRole: fc.constantFrom(...ROLES.map((r) => r.id)),
    assignments: list,
    electives: list,
    makeUpFor: period,
    planned: date,
    evidence: list,
  },
  { requiredKeys: ['date', 'type'] },
);

const branch = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    name: text,
    parent: text,
    established: date,
    members: fc.integer({ min: 1, max: 500 }),
    groups: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }),
    secretary: text,
    termStart: date,
  },
  { requiredKeys: ['id', 'name', 'members'] },
);

const log = fc.record(
  {
    version: fc.constant(1),
    branch,
    features: fc.array(fc.record({ year: fc.integer({ min: 2020, max: 2027 }), feature: text, highlight: text }, { requiredKeys: ['year'] }), { minLength: 1, maxLength: 2 }),
    staff: fc.array(fc.record({ year: fc.integer({ min: 2020, max: 2027 }), total: count, archived: count }), { minLength: 1, maxLength: 2 }),
    activities: fc.array(activity, { minLength: 1, maxLength: 6 }),
    cases: fc.array(
      fc.record({ id: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^20\d\d-\d{3}$/)), date, trigger: text, staff: fc.stringMatching(/^E\d{4}$/), followUps: fc.array(date, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['id', 'date', 'trigger'] }),
      { minLength: 1, maxLength: 2 },
    ),
    waivers: fc.array(fc.record({ rule: fc.constantFrom('national-defense-quarterly', 'party-day-monthly'), period, reason: text, approvedBy: text }), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['version', 'branch'] },
);

describe('export and import', () => {
  const validator = new BranchLogValidator(names);
  it('import(export(log)) is the log, in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.constantFrom('zh-CN' as const, 'en' as const), async (original, lang) => {
        const workbook = await templateWorkbook(lang, BUILTIN_TYPES.map((t) => t.name), original);
        const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
        const result = importLog(readWorkbook(bytes), { types: BUILTIN_TYPES, validator, lang });
        expect(result.rejected).toEqual([]);
        expect(result.log).toEqual(original);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  }, 120_000);
});
