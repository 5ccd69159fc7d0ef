/**
 * Property tests: generated valid logs, and damaged copies of them. Sized so that the whole file runs
 * in well under a minute on a small machine.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/hash.js';
import { parseYamlFast } from '../../src/load/fast-yaml.js';
import type { PositionIndex } from '../../src/load/positions.js';
import { findExcessiveNesting, MAX_DEPTH, parseYamlReference } from '../../src/load/yaml.js';
import { BUILTIN_CADENCES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { runMain, tempTree } from '../helpers.js';
import { branchLog, Checker, logFile, mutate, mutation, style, toYaml, type Activity } from './arbitraries.js';

/** PROPERTY_SCALE=20 npx vitest run test/property searches twenty times as long. */
const runs = (n: number) => Math.round(n * Number(process.env.PROPERTY_SCALE ?? 1));

const INPUT_RULES = ['schema', 'yaml-syntax', 'encoding', 'file-too-large', 'file-unreadable', 'branch-conflict'];
const CADENCE_RULES = new Set(BUILTIN_CADENCES.map((c) => c.id));
const ACTIVITY_RULES = new Set(['first-topic', 'future-date', 'duplicate-activity', 'general-meeting-quorum', 'unknown-group']);

/** A finding that a user can read: known rule, a real position in the file, every placeholder filled. */
function expectWellFormed(finding: Finding, lineCount: number, ruleIds: Set<string>) {
  expect(ruleIds.has(finding.ruleId)).toBe(true);
  expect(finding.line).toBeGreaterThanOrEqual(1);
  expect(finding.line).toBeLessThanOrEqual(lineCount + 1);
  expect(finding.column).toBeGreaterThanOrEqual(1);
  expect(finding.message).not.toMatch(/\{\w+\}|undefined|NaN|\[object Object\]/);
  expect(finding.message.trim()).not.toBe('');
}

const cadenceKeys = (findings: Finding[]) =>
  new Set(findings.filter((f) => CADENCE_RULES.has(f.ruleId)).map((f) => `${f.ruleId}|${f.branch}|${f.period}|${f.message}`));

describe('property: valid logs', () => {
  const checker = new Checker();

  it('never give an input finding (schema, yaml-syntax, encoding, …), in any valid style', async () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => logFile(`branch-${i}`)))), (files) => {
        const named = Object.fromEntries(files.map((f, i) => [`log-${i}.yaml`, f.text]));
        const findings = checker.check(named);
        expect(findings.filter((f) => INPUT_RULES.includes(f.ruleId))).toEqual([]);
        // A finding about one activity points at that activity: just after its "- ".
        for (const finding of findings.filter((f) => ACTIVITY_RULES.has(f.ruleId))) {
          const line = named[finding.file].replace(/^\ufeff/, '').split(/\r?\n/)[finding.line - 1];
          expect(line.slice(0, finding.column - 1)).toMatch(/^ +- $/);
        }
      }),
      { numRuns: runs(150) },
    );
  }, 120_000);

  it('adding an activity never adds a cadence finding; removing one never removes one', async () => {
    fc.assert(
      fc.property(branchLog('b'), style, fc.nat(), fc.integer({ min: 0, max: 364 }), (log, s, pick, day) => {
        const before = cadenceKeys(checker.check({ 'log.yaml': toYaml(log, s) }));
        const source = log.activities[pick % Math.max(1, log.activities.length)];
        const extra: Activity = source ?? { date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10), type: 'party-lecture' };
        const added = cadenceKeys(checker.check({ 'log.yaml': toYaml({ ...log, activities: [...log.activities, { ...extra, date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10), makeUpFor: undefined }] }, s) }));
        for (const key of added) expect(before).toContain(key);
        if (log.activities.length > 0) {
          const index = pick % log.activities.length;
          const removed = cadenceKeys(checker.check({ 'log.yaml': toYaml({ ...log, activities: log.activities.filter((_, i) => i !== index) }, s) }));
          for (const key of before) expect(removed).toContain(key);
        }
      }),
      { numRuns: runs(60) },
    );
  }, 120_000);
});

describe('property: damaged logs', () => {
  const checker = new Checker();
  const ruleIds = new Set(checker.engine.rules.map((r) => r.meta.id));

  it('never make the engine throw, and every finding is well formed', async () => {
    fc.assert(
      fc.property(logFile('damaged'), fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text }, mutations) => {
        let content: Uint8Array = Buffer.from(text, 'utf8');
        for (const m of mutations) content = mutate(Buffer.from(content).toString('utf8'), m);
        const findings = checker.check({ 'log.yaml': content });
        const lineCount = Buffer.from(content).toString('utf8').split(/\r\n|\r|\n/).length;
        for (const finding of findings) expectWellFormed(finding, lineCount, ruleIds);
        expect(() => JSON.stringify(findings)).not.toThrow();
      }),
      { numRuns: runs(300) },
    );
  }, 120_000);

  it('through the CLI: exit 0 or 1, one JSON object, nothing on stderr, every file counted', async () => {
    const samples = fc.sample(fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })), { numRuns: 40, seed: 20260101 });
    const files: Record<string, Uint8Array> = {};
    samples.forEach(([seed, mutations], i) => {
      const [{ text }] = fc.sample(logFile(`cli-${i}`), { numRuns: 1, seed });
      let content: Uint8Array = Buffer.from(text, 'utf8');
      for (const m of mutations) content = mutate(Buffer.from(content).toString('utf8'), m);
      files[`damaged-${String(i).padStart(2, '0')}.yaml`] = content;
    });
    const result = await runMain(['check', '.', '--as-of', '2027-01-01', '--format', 'json'], { cwd: tempTree(files) });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    const json = JSON.parse(result.stdout);
    expect(json.summary.files).toBe(40);
    expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

/**
 * The fast parser (src/load/fast-yaml.ts) reads the plain subset of YAML and hands the rest to the
 * reference parser (the `yaml` package): whatever it accepts must read exactly as the reference does.
 */
function disagreement(text: string): string | undefined {
  if (findExcessiveNesting(text, MAX_DEPTH) !== undefined) return undefined;
  const fast = parseYamlFast(text, MAX_DEPTH);
  if (!fast) return undefined;
  const reference = parseYamlReference(text);
  if (!reference.ok) return `the fast parser accepts what the reference rejects: ${JSON.stringify(reference.problem)}`;
  if (!isDeepStrictEqual(fast.value, reference.value)) return `values differ: ${JSON.stringify(fast.value)} vs ${JSON.stringify(reference.value)}`;
  const sorted = (positions: PositionIndex) => [...positions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!isDeepStrictEqual(sorted(fast.positions), sorted(reference.positions))) return 'positions differ';
  return undefined;
}

describe('property: the fast parser agrees with the reference parser', () => {
  const text = (content: Uint8Array | string) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8')).replace(/^\ufeff/, '');

  it('on generated logs in every style', async () => {
    let accepted = 0;
    fc.assert(
      fc.property(logFile('agree'), ({ text: yaml }) => {
        const normal = text(yaml);
        if (parseYamlFast(normal, MAX_DEPTH)) accepted++;
        expect(disagreement(normal)).toBeUndefined();
      }),
      { numRuns: runs(300) },
    );
    // The comparison means something only if the fast parser takes most generated logs.
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);

  it('on damaged copies of them', async () => {
    fc.assert(
      fc.property(logFile('agree'), fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text: yaml }, mutations) => {
        let content: Uint8Array = Buffer.from(yaml, 'utf8');
        for (const m of mutations) content = mutate(Buffer.from(content).toString('utf8'), m);
        expect(disagreement(text(content))).toBeUndefined();
      }),
      { numRuns: runs(500) },
    );
  }, 120_000);
});

describe('property: the cache checksum', () => {
  it('is the same for the same bytes wherever they lie in memory, and changes with any one changed byte', async () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(7), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, shift, at, delta) => {
        // The same bytes at another offset into a buffer (not a multiple of 4 for most shifts).
        const moved = new Uint8Array(bytes.length + shift);
        moved.set(bytes, shift);
        const view = moved.subarray(shift);
        expect(checksum(view)).toBe(checksum(bytes));
        const changed = Uint8Array.from(bytes);
        changed[at % bytes.length] = (changed[at % bytes.length] + delta) & 0xff;
        expect(checksum(changed)).not.toBe(checksum(bytes));
        // A byte more or less is another checksum too.
        expect(checksum(bytes.subarray(0, bytes.length - 1))).not.toBe(checksum(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
