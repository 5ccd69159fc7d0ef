/**
 * The validator built by `npm run build` (ajv standalone code) against the one ajv compiles at run
 * time: the same verdict, the same errors and the same human messages, on the generated corpus and
 * on corpus files broken in the ways people break them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/load/yaml.js';
import { BUILTIN_TYPES, TypeRegistry } from '../src/model/activity-types.js';
import { branchLogSchema } from '../src/schema/branch-log-schema.js';
import { compileAtRunTime, compileSchema, CONFIG_STANDALONE_FILE, schemaKey, STANDALONE_FILE, type CompiledValidator } from '../src/schema/compile.js';
import { configSchema, configValidationSchema } from '../src/config/schema.js';
import { BranchLogValidator, SchemaValidator } from '../src/schema/validate.js';
import { allRules } from '../src/rules/index.js';
// @ts-expect-error -- an untyped .mjs module
import { prng } from '../bench/corpus.mjs';
import { corpusFiles } from './corpus.js';
import { ROOT } from './helpers.js';

const typeNames = new TypeRegistry(BUILTIN_TYPES).allNames();
const builtFile = path.join(ROOT, 'dist', 'schema', STANDALONE_FILE);

function builtValidator(): CompiledValidator & { schemaKey: string } {
  return createRequire(import.meta.url)(builtFile);
}

type Json = Record<string, unknown>;

/** One change of the kind a person makes by mistake, somewhere in a parsed log. */
function breakValue(value: Json, rnd: { int(a: number, b: number): number; pick<T>(list: T[]): T }): Json {
  const copy = structuredClone(value) as Json;
  const activities = (copy.activities as Json[] | undefined) ?? [];
  const activity = activities[rnd.int(0, Math.max(0, activities.length - 1))];
  const branch = copy.branch as Json;
  const edits: (() => void)[] = [
    () => delete branch.id,
    () => delete branch.members,
    () => (branch.members = 0),
    () => (branch.members = '23'),
    () => (branch.groups = ['一组', '一组']),
    () => (branch.established = '2026-02-30'),
    () => (branch.extra = 1),
    () => (copy.version = 2),
    () => (copy.activites = []),
    () => activity && (activity.date = '2026/01/05'),
    () => activity && (activity.date = 20260105),
    () => activity && (activity.type = '政治学习会'),
    () => activity && (activity.type = 'party-day, discipline-education'),
    () => activity && (activity.type = []),
    () => activity && (activity.type = ['party-day', 'party-day']),
    () => activity && (activity.type = { id: 'party-day' }),
    () => activity && (activity.titel = 'x'),
    () => activity && (activity.title = ''),
    () => activity && (activity.makeUpFor = '2026-Q5'),
    () => activity && (activity.lecturerRole = 'boss'),
    () => activity && (activity.attendance = { expected: -1, present: 'all' }),
    () => activity && (activity.assignments = 'one'),
    () => activity && delete activity.date,
    () => (copy.cases = [{ id: 1.5, date: '2026-13-01', followUps: ['x'] }]),
    () => (copy.waivers = [{ rule: 'r', period: '2026-Q9' }]),
    () => (copy.staff = [{ year: 1800, total: 1 }]),
    () => (copy.features = 'none'),
  ];
  for (let count = rnd.int(1, 3); count > 0; count--) rnd.pick(edits)();
  return copy;
}

describe('precompiled schema validator', () => {
  it('is built by npm run build from the current schema, and the built code uses it', async () => {
    expect(existsSync(builtFile)).toBe(true);
    expect(builtValidator().schemaKey).toBe(schemaKey(branchLogSchema(typeNames)));
    const built = (await import(pathToFileURL(path.join(ROOT, 'dist', 'schema', 'validate.js')).href)) as typeof import('../src/schema/validate.js');
    expect(new built.BranchLogValidator(typeNames).precompiled).toBe(true);
    // More activity types from a configuration: another schema, compiled at run time.
    expect(new built.BranchLogValidator([...typeNames, '安全观察']).precompiled).toBe(false);
  });

  it('gives the run-time validator’s verdicts, errors and messages on the corpus and broken corpus files', { timeout: 300_000 }, () => {
    const built = builtValidator();
    const runtime = compileAtRunTime(typeNames);
    const builtChecker = new BranchLogValidator(typeNames, built);
    const runtimeChecker = new BranchLogValidator(typeNames, runtime);
    const rnd = prng(7);
    let invalid = 0;
    for (const file of corpusFiles(1000)) {
      const parsed = parseYaml(file.text);
      if (!parsed.ok) continue;
      const values = [parsed.value as Json];
      if (rnd.int(0, 4) === 0) values.push(breakValue(parsed.value as Json, rnd));
      for (const value of values) {
        const verdict = built(value);
        expect(verdict).toBe(runtime(value));
        expect(built.errors ?? null).toEqual(runtime.errors ?? null);
        expect(builtChecker.check(value)).toEqual(runtimeChecker.check(value));
        if (!verdict) invalid++;
      }
    }
    // The comparison covered error paths too, not only valid files.
    expect(invalid).toBeGreaterThan(100);
  });
});

describe('precompiled configuration validator', () => {
  it('is built from the current configuration schema and gives the run-time validator’s messages', () => {
    const schema = configValidationSchema(allRules(new TypeRegistry(BUILTIN_TYPES)));
    const built = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'schema', CONFIG_STANDALONE_FILE)) as CompiledValidator & { schemaKey: string };
    expect(built.schemaKey).toBe(schemaKey(schema));
    const runtime = compileSchema(schema);
    const samples: unknown[] = [
      {},
      { timezone: 'Asia/Shanghai', since: '2026-01-01', lang: 'zh-CN', include: ['logs/**/*.yaml'], maxFileSize: '1MiB' },
      { rules: { 'family-safety-yearly': 'off', 'case-follow-up': ['error', { days: 5 }] } },
      { rules: { 'case-follow-up': ['error', { days: 0, weeks: 1 }], 'no-such-rule': 'warning' } },
      { types: [{ id: 'safety-observation', name: '安全观察', aliases: ['安全观察活动'] }], cadences: [{ id: 'x', type: 'y', period: 'week', min: -1 }] },
      { lang: 'fr', include: 'logs', unknown: true },
      { rules: { 'first-topic': 'fatal', 'family-safety-yearly': ['warning', { days: 1 }], 'term-expiry': ['info', { years: 0 }], x: [] } },
      { rules: { 'first-topic': ['off', {}, 3], 'party-day-monthly': 7, 'case-follow-up': 'eror' } },
    ];
    // The published schema, with every rule, gives the same answers as the smaller one validated with.
    const published = compileSchema(configSchema(allRules(new TypeRegistry(BUILTIN_TYPES))));
    for (const value of samples) {
      expect(built(value)).toBe(runtime(value));
      expect(built.errors ?? null).toEqual(runtime.errors ?? null);
      const issues = new SchemaValidator(built).check(value);
      expect(issues).toEqual(new SchemaValidator(runtime).check(value));
      // In another order (a configuration's problems are reported in the order of the file).
      const sorted = (list: typeof issues) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      expect(sorted(issues)).toEqual(sorted(new SchemaValidator(published).check(value)));
    }
  });
});
