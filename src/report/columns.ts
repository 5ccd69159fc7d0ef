/**
 * The columns of a report: every enabled cadence requirement, then every enabled content rule that
 * has a period, in the engine's rule order.
 */
import type { Engine } from '../engine.js';
import { isFinerOrEqual, periodOf, subPeriods, type Period, type PeriodKind } from '../model/period.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from '../rules/cadence/definitions.js';
import type { Rule } from '../rules/rule.js';
import type { Lang } from '../types.js';
import type { ReportColumn } from './model.js';
import { periodLabel } from './present.js';

function nameOf(rule: Rule, definition: CadenceDefinition | undefined, engine: Engine, lang: Lang): string {
  if (definition) {
    const label = engine.types.label(definition.type)[lang];
    return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  }
  return rule.meta.column?.name?.[lang] ?? rule.meta.title[lang];
}

/**
 * A column's short header: two characters in Chinese, three letters in English, from the rule's
 * meta; for a configured requirement, the start of its activity type's name, or of its id.
 */
function shortOf(rule: Rule, definition: CadenceDefinition | undefined, engine: Engine, lang: Lang): string {
  const known = rule.meta.column?.short;
  if (known) return known[lang];
  if (lang === 'zh-CN') {
    const name = definition ? engine.types.label(definition.type)['zh-CN'] : rule.meta.title['zh-CN'];
    return [...name].slice(0, 2).join('');
  }
  const letters = rule.meta.id.replace(/[^A-Za-z0-9]/g, '');
  return letters.charAt(0).toUpperCase() + letters.slice(1, 3);
}

/** Every cadence definition the engine knows, built-in and configured, by id. */
export function cadenceDefinitions(engine: Engine): Map<string, CadenceDefinition> {
  return new Map([...BUILTIN_CADENCES, ...(engine.options.extraCadences ?? [])].map((d) => [d.id, d]));
}

/**
 * The periods of a requirement shown in a report of `period`: its sub-periods (the three months of
 * a quarter), or the one longer period that contains it (the year, for a yearly rule).
 */
export function markPeriods(period: Period, kind: PeriodKind): Period[] {
  return isFinerOrEqual(kind, period.kind) ? subPeriods(period, kind) : [periodOf(period.start, kind)];
}

export interface ColumnSource {
  column: ReportColumn;
  rule: Rule;
  definition?: CadenceDefinition;
  periods: Period[];
}

/**
 * Rules about the records themselves rather than a requirement: not columns of the report, and no
 * effect on the rate; the report counts their findings under 记录问题.
 */
export const DATA_HYGIENE_RULES: ReadonlySet<string> = new Set(['duplicate-activity', 'future-date', 'unknown-group', 'stale-waiver']);

export function reportColumns(engine: Engine, period: Period, lang: Lang): ColumnSource[] {
  const definitions = cadenceDefinitions(engine);
  const sources: ColumnSource[] = [];
  for (const rule of engine.rules) {
    const { meta } = rule;
    if (meta.category === 'input' || !meta.period || engine.severityOf(rule) === 'off' || DATA_HYGIENE_RULES.has(meta.id)) continue;
    const severity = engine.severityOf(rule) as ReportColumn['severity'];
    const definition = meta.category === 'cadence' ? definitions.get(meta.id) : undefined;
    const periods = markPeriods(period, meta.period);
    sources.push({
      rule,
      definition,
      periods,
      column: {
        ruleId: meta.id,
        category: meta.category,
        periodKind: meta.period,
        severity,
        title: meta.title[lang],
        name: nameOf(rule, definition, engine, lang),
        short: shortOf(rule, definition, engine, lang),
        ...(definition ? { min: definition.min } : {}),
        ...(definition?.perGroup ? { perGroup: true } : {}),
        periods: periods.map((p) => ({ id: p.id, label: periodLabel(p.id, lang, 'short') })),
      },
    });
  }
  return sources;
}
