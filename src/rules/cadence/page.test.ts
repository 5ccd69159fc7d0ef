/**
 * A built-in cadence row without a written page is documented from its data: the page has the
 * layout of every rule page, and its examples fail and pass as they say, for every period kind.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine.js';
import { findFiles } from '../../load/files.js';
import { BUILTIN_TYPES, TypeRegistry } from '../../model/activity-types.js';
import { PERIOD_KINDS } from '../../model/period.js';
import { PAGE_LAYOUT } from '../../tools/generate.js';
import { tempTree } from '../../../test/helpers.js';
import type { CadenceDefinition } from './definitions.js';
import { generatedCadencePage } from './page.js';

const types = new TypeRegistry(BUILTIN_TYPES);

const rows: CadenceDefinition[] = PERIOD_KINDS.flatMap((period) =>
  [false, true].map((perGroup) => ({
    id: `trial-${period}${perGroup ? '-groups' : ''}`,
    type: perGroup ? 'group-meeting' : 'national-defense-education',
    period,
    min: 1,
    severity: 'error' as const,
    title: { 'zh-CN': '试行要求', en: 'A trial requirement' },
    source: { 'zh-CN': '试行规定', en: 'A trial regulation' },
    ...(perGroup ? { perGroup } : {}),
  })),
);

describe.each(rows.map((row) => [row.id, row] as const))('the generated page of %s', (_id, row) => {
  const page = generatedCadencePage(row, types);

  it('has the layout of a rule page', () => {
    expect(page.split('\n').filter((line) => /^#{2,3} /.test(line))).toEqual(PAGE_LAYOUT);
  });

  const examples = [...page.matchAll(/^```yaml (failing|passing) as-of=(\S+) since=(\S+)\n([\s\S]*?)\n```$/gm)];

  it('has failing and passing examples', () => {
    expect(examples.map((match) => match[1])).toEqual(['failing', 'passing', 'passing']);
  });

  it.each(examples.map((match, index) => [index, match[1], match[2], match[3], match[4]] as const))(
    'example %i is %s',
    async (_index, verdict, asOf, since, log) => {
      const dir = tempTree({ 'log.yaml': `${log}\n` });
      const engine = new Engine({ window: { asOf, since }, lang: 'zh-CN', extraCadences: [row] });
      const findings = engine.check(await findFiles([dir], dir)).result.findings;
      expect(findings.filter((finding) => finding.ruleId === row.id).length > 0).toBe(verdict === 'failing');
      expect(findings.filter((finding) => ['schema', 'yaml-syntax'].includes(finding.ruleId))).toEqual([]);
    },
  );
});
