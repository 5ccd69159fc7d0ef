/**
 * Property tests of `--fix`: a valid log is never changed; a log with the mistakes people make
 * (a date written 2026/3/5, a missing space after a colon, a tab, a line out of step, a full-width
 * colon, a Chinese field name, items under `[]`) is repaired to the very data it was meant to hold;
 * and fixing is idempotent, on those and on randomly damaged logs.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/index.js';
import { parseYamlReference } from '../../src/load/yaml.js';
import { BUILTIN_TYPES } from '../../src/model/activity-types.js';
import { BranchLogValidator } from '../../src/schema/validate.js';
import { logFile, mutate, mutation } from './arbitraries.js';

const runs = (n: number) => Math.round(n * Number(process.env.PROPERTY_SCALE ?? 1));
const validator = new BranchLogValidator(BUILTIN_TYPES.flatMap((t) => [t.id, t.name, ...t.aliases]));
const withoutBom = (text: string) => text.replace(/^\ufeff/, '');
const valueOf = (text: string) => {
  const parsed = parseYamlReference(text);
  return parsed.ok ? parsed.value : parsed.problem;
};

type Mistake = 'date' | 'missing-space' | 'extra-space' | 'tab' | 'fullwidth-colon' | 'chinese-key' | 'placeholder';
const CHINESE_KEYS: Record<string, string> = { date: '日期', title: '标题', place: '地点', host: '主持人', firstTopic: '第一议题' };

/**
 * The text with a mistake of a kind made on one of the lines where it can be, away from the lines
 * already mistaken (`touched`): each mistake on its own, as people make them.
 */
function mistaken(text: string, kind: Mistake, pick: number, touched: Set<number>): string | undefined {
  const lines = text.split('\n');
  let section = '';
  const candidates: { index: number; line: string }[] = [];
  lines.forEach((line, index) => {
    if (/^\w/.test(line)) section = line.replace(/:.*$/s, '');
    const key = /^( +)([A-Za-z]+): (\S.*)$/s.exec(line);
    let changed: string | undefined;
    if (kind === 'date') {
      changed = line.replace(/(date: ["']?)(\d{4})-(\d{2})-(\d{2})/, (_, head: string, y: string, m: string, d: string) => `${head}${[`${y}.${+m}.${+d}`, `${y}/${+m}/${+d}`, `${y}年${+m}月${+d}日`][pick % 3]}`);
    } else if (kind === 'missing-space' && key && index > 0 && !/^ *- /.test(lines[index - 1]) && /^[\u4e00-\u9fff\w]/.test(key[3])) {
      changed = `${key[1]}${key[2]}:${key[3]}`;
    } else if (kind === 'extra-space' && key && /^ *[\w-]/.test(lines[index - 1] ?? '') && !/^ *- /.test(lines[index - 1])) {
      changed = ` ${line}`;
    } else if (kind === 'tab' && /^ +\S/.test(line)) {
      changed = line.replace(/^ +/, '\t');
    } else if (kind === 'fullwidth-colon' && key && !/^\s*- /.test(line)) {
      changed = `${key[1]}${key[2]}：${key[3]}`;
    } else if (kind === 'chinese-key' && section === 'activities') {
      changed = line.replace(/^( *(?:- )?)(date|title|place|host|firstTopic):/, (_, head: string, name: string) => `${head}${CHINESE_KEYS[name]}:`);
    } else if (kind === 'placeholder' && /^(features|activities|cases|waivers):\r?$/.test(line)) {
      changed = line.replace(/:(\r?)$/, ': []$1');
    }
    const near = touched.has(index - 1) || touched.has(index) || touched.has(index + 1);
    if (changed !== undefined && changed !== line && !near) candidates.push({ index, line: changed });
  });
  if (!candidates.length) return undefined;
  const chosen = candidates[pick % candidates.length];
  lines[chosen.index] = chosen.line;
  touched.add(chosen.index);
  return lines.join('\n');
}

const mistake = fc.constantFrom<Mistake>('date', 'missing-space', 'extra-space', 'tab', 'fullwidth-colon', 'chinese-key', 'placeholder');

describe('property: --fix', () => {
  it('never changes a valid log, in any style', () => {
    fc.assert(
      fc.property(logFile('b1'), ({ text }) => {
        expect(fixText(withoutBom(text), validator)).toEqual({ text: withoutBom(text), fixes: [] });
      }),
      { numRuns: runs(100), seed: 16 },
    );
  }, 120_000);

  it('repairs the mistakes people make to the data the log was meant to hold, and a second fix changes nothing', () => {
    fc.assert(
      fc.property(logFile('b1'), fc.array(fc.tuple(mistake, fc.nat()), { minLength: 1, maxLength: 3 }), ({ text }, mistakes) => {
        const original = withoutBom(text);
        let broken = original;
        const touched = new Set<number>();
        for (const [kind, pick] of mistakes) broken = mistaken(broken, kind, pick, touched) ?? broken;
        const fixed = fixText(broken, validator);
        // (A tab is sometimes read as YAML allows it: such a text is valid and is left as it is.)
        if (!isDeepStrictEqual(valueOf(broken), valueOf(original))) expect(fixed.fixes.length).toBeGreaterThan(0);
        expect(isDeepStrictEqual(valueOf(fixed.text), valueOf(original)), `${broken}\n---\n${fixed.text}`).toBe(true);
        expect(fixText(fixed.text, validator).text).toBe(fixed.text);
      }),
      { numRuns: runs(200), seed: 1616 },
    );
  }, 120_000);

  it('is idempotent on randomly damaged logs', () => {
    fc.assert(
      fc.property(logFile('b1'), mutation, ({ text }, m) => {
        const damaged = withoutBom(Buffer.from(mutate(text, m)).toString('utf8'));
        const once = fixText(damaged, validator).text;
        expect(fixText(once, validator).text).toBe(once);
      }),
      { numRuns: runs(100), seed: 161616 },
    );
  }, 120_000);
});
