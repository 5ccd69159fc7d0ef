/**
 * Generators for property tests: valid branch logs as data, their YAML text in varied but valid
 * styles, and mutations of that text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Engine } from '../../src/engine.js';
import type { InputFile } from '../../src/load/files.js';
import { BUILTIN_TYPES } from '../../src/model/activity-types.js';
import { BUILTIN_CADENCES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';

export interface Activity {
  date: string;
  type: string | string[];
  title?: string;
  firstTopic?: string;
  group?: string;
  lecturerRole?: string;
  attendance?: { expected: number; present: number };
  assignments?: string[];
  makeUpFor?: string;
}

export interface BranchLog {
  id: string;
  name: string;
  members: number;
  groups: string[];
  activities: Activity[];
  cases: { id: string | number; date: string; trigger: string; followUps: string[] }[];
  waivers: { rule: string; period: string | number; reason: string; approvedBy: string }[];
  features: { year: number; feature: string; highlight: string }[];
}

export const YEAR = 2026;

function dateOf(dayOfYear: number): string {
  return new Date(Date.UTC(YEAR, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

const date = fc.integer({ min: 0, max: 364 }).map(dateOf);

const CJK = [...'党支部学习教育主题会议安全生产第一议题规定作业组织生活民主评议冶炼厂选矿二三季度（）、'];
const ASCII = [...'abcXYZ -_.#:[]{},\'"!&*%@`|>?'];
/** Text of every kind: Chinese, ASCII with YAML's special characters, digits. */
export const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CJK) }, { weight: 1, arbitrary: fc.constantFrom(...ASCII) }, { weight: 1, arbitrary: fc.constantFrom(...'0123456789') }), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .filter((s) => s.trim().length > 0);

const TYPE_NAMES = BUILTIN_TYPES.flatMap((t) => [t.id, t.name, ...t.aliases]);
const typeName = fc.constantFrom(...TYPE_NAMES);

const activity = (groups: string[]): fc.Arbitrary<Activity> =>
  fc
    .record(
      {
        day: fc.integer({ min: 0, max: 364 }),
        type: fc.oneof(typeName, fc.uniqueArray(typeName, { minLength: 1, maxLength: 3 })),
        title: text,
        firstTopic: text,
        group: groups.length ? fc.constantFrom(...groups) : text,
        lecturerRole: fc.constantFrom('secretary', 'deputy-secretary', 'committee-member', 'member', 'leader', 'external'),
        attendance: fc.record({ expected: fc.integer({ min: 0, max: 60 }), present: fc.integer({ min: 0, max: 60 }) }),
        assignments: fc.array(text, { maxLength: 3 }),
        makeUpMonth: fc.integer({ min: 1, max: 12 }),
      },
      { requiredKeys: ['day', 'type'] },
    )
    .map(({ day, makeUpMonth, ...rest }) => {
      const item: Activity = { date: dateOf(day), ...rest };
      // A make-up is held after the month it makes up for.
      const month = Number(item.date.slice(5, 7));
      if (makeUpMonth !== undefined && makeUpMonth < month) item.makeUpFor = `${YEAR}-${String(makeUpMonth).padStart(2, '0')}`;
      return item;
    });

const PERIODS: Record<string, fc.Arbitrary<string | number>> = {
  month: fc.integer({ min: 1, max: 12 }).map((m) => `${YEAR}-${String(m).padStart(2, '0')}`),
  quarter: fc.integer({ min: 1, max: 4 }).map((q) => `${YEAR}-Q${q}`),
  'half-year': fc.integer({ min: 1, max: 2 }).map((h) => `${YEAR}-H${h}`),
  year: fc.constantFrom(YEAR, String(YEAR)),
};
const waiver = fc.constantFrom(...BUILTIN_CADENCES).chain((cadence) =>
  fc.record({ rule: fc.constant(cadence.id), period: PERIODS[cadence.period], reason: text, approvedBy: text }),
);

const kase = fc
  .record({
    id: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }).map((n) => `${YEAR}-${String(n).padStart(3, '0')}`)),
    day: fc.integer({ min: 0, max: 364 }),
    trigger: text,
    followUps: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
  })
  .map(({ day, followUps, ...rest }) => ({ ...rest, date: dateOf(day), followUps: followUps.map((after) => dateOf(Math.min(364, day + after))) }));

export const branchLog = (id: string): fc.Arbitrary<BranchLog> =>
  fc
    .record({
      name: text,
      members: fc.integer({ min: 1, max: 200 }),
      groups: fc.uniqueArray(fc.constantFrom('第一党小组', '第二党小组', '碎磨党小组', '浮选党小组'), { maxLength: 3 }),
    })
    .chain((head) =>
      fc.record({
        id: fc.constant(id),
        name: fc.constant(head.name),
        members: fc.constant(head.members),
        groups: fc.constant(head.groups),
        activities: fc.array(activity(head.groups), { maxLength: 25 }),
        cases: fc.array(kase, { maxLength: 3 }),
        waivers: fc.array(waiver, { maxLength: 3 }),
        features: fc.array(fc.record({ year: fc.constant(YEAR), feature: text, highlight: text }), { maxLength: 1 }),
      }),
    );

/** How a log is written: all of these are valid YAML for the same data. */
export interface Style {
  indent: 2 | 4;
  flowItems: boolean;
  quote: 'plain' | 'double' | 'single';
  comments: boolean;
  crlf: boolean;
  bom: boolean;
}

export const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  flowItems: fc.boolean(),
  quote: fc.constantFrom('plain' as const, 'double' as const, 'single' as const),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** Strings that YAML 1.2 reads as strings without quotes: Chinese text, dates, periods, rule and type ids. */
const PLAIN = /^(?:[\u4e00-\u9fff（）、][\u4e00-\u9fff（）、a-zA-Z0-9_.]*|\d{4}-\d{2}(?:-\d{2})?|\d{4}-[QH]\d|[a-z][a-z0-9-]*)$/;

function scalar(value: string | number, quote: Style['quote'], inFlow: boolean): string {
  if (typeof value === 'number') return String(value);
  if (quote === 'plain' && PLAIN.test(value) && !(inFlow && /[,[\]{}]/.test(value))) return value;
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function flow(value: unknown, s: Style): string {
  if (Array.isArray(value)) return `[${value.map((v) => flow(v, s)).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${flow(v, s)}`)
      .join(', ')} }`;
  }
  return scalar(value as string | number, s.quote, true);
}

/** A mapping as block YAML lines at an indentation. */
function block(value: Record<string, unknown>, s: Style, depth: number): string[] {
  const pad = ' '.repeat(s.indent * depth);
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item) || (item && typeof item === 'object')) lines.push(`${pad}${key}: ${flow(item, s)}`);
    else lines.push(`${pad}${key}: ${scalar(item as string | number, s.quote, false)}`);
  }
  return lines;
}

function list(name: string, items: Record<string, unknown>[], s: Style): string[] {
  if (items.length === 0) return [];
  const lines = [`${name}:`];
  const pad = ' '.repeat(s.indent);
  for (const item of items) {
    if (s.flowItems) {
      lines.push(`${pad}- ${flow(item, s)}`);
      continue;
    }
    const [first, ...rest] = block(item, s, 0);
    lines.push(`${pad}- ${first}`, ...rest.map((line) => `${pad}  ${line}`));
    if (s.comments) lines.push(`${pad}  # ${'备注'}`);
  }
  return lines;
}

export function toYaml(log: BranchLog, s: Style): string {
  const lines = [
    ...(s.comments ? ['# 支部工作台账', '# yaml-language-server: $schema=../schemas/branch-log.schema.json'] : []),
    'version: 1',
    'branch:',
    ...block({ id: log.id, name: log.name, members: log.members, groups: log.groups.length ? log.groups : undefined }, s, 1),
    ...list('features', log.features as unknown as Record<string, unknown>[], s),
    ...list('activities', log.activities as unknown as Record<string, unknown>[], s),
    ...list('cases', log.cases as unknown as Record<string, unknown>[], s),
    ...list('waivers', log.waivers as unknown as Record<string, unknown>[], s),
  ];
  const text = `${lines.join('\n')}\n`;
  return (s.bom ? '\ufeff' : '') + (s.crlf ? text.replace(/\n/g, '\r\n') : text);
}

/** A valid log file: the data, its text. */
export const logFile = (id: string) => fc.tuple(branchLog(id), style).map(([log, s]) => ({ log, style: s, text: toYaml(log, s) }));

/** Damage of the kinds that happen to real files. */
export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'tab-indent'; at: number }
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'replace-char'; at: number; char: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('tab-indent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), char: fc.constantFrom(':', '：', '-', '－', '#', '[', '{', '&', '*', '!', '"', "'", '\u3000', '\t', '%', '|', '>', '\n', '\r') }),
);

export function mutate(text: string, m: Mutation): Uint8Array {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      break;
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]);
      break;
    case 'indent': {
      const i = line(m.at);
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    }
    case 'tab-indent':
      lines[line(m.at)] = lines[line(m.at)].replace(/^ +/, '\t');
      break;
    case 'swap-lines': {
      const [a, b] = [line(m.at), line(m.with)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      break;
    }
    case 'replace-char': {
      const joined = lines.join('\n');
      const at = m.at % Math.max(1, joined.length);
      return Buffer.from(joined.slice(0, at) + m.char + joined.slice(at + 1), 'utf8');
    }
    case 'insert-bytes': {
      const bytes = Buffer.from(text, 'utf8');
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'truncate': {
      const bytes = Buffer.from(text, 'utf8');
      return bytes.subarray(0, m.at % (bytes.length + 1));
    }
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** One engine for a whole property (compiling the schema once), and a scratch folder for its files. */
export class Checker {
  readonly engine = new Engine({ window: { asOf: `${YEAR + 1}-01-01`, since: `${YEAR}-01-01` }, lang: 'zh-CN' });
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-property-'));

  check(files: Record<string, string | Uint8Array>): Finding[] {
    const inputs: InputFile[] = Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, content]) => {
        const absolute = path.join(this.dir, name);
        writeFileSync(absolute, content);
        return { absolute, display: name };
      });
    return this.engine.check(inputs).result.findings;
  }
}
