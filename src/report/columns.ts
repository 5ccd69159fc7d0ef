/**
 * The columns of a report: every enabled cadence requirement, then every enabled content rule that
 * has a period, in the engine's rule order.
 */
import type { Engine } from '../engine.js';
import { isFinerOrEqual, periodOf, subPeriods, type Period, type PeriodKind } from '../model/period.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from '../rules/cadence-definitions.js';
import type { Rule } from '../rules/rule.js';
import type { Lang } from '../types.js';
import type { ReportColumn } from './model.js';
import { periodLabel } from './present.js';

/** Short headers of the built-in requirements: two characters in Chinese, three letters in English. */
const SHORT: Record<string, { 'zh-CN': string; en: string }> = {
  'political-study-monthly': { 'zh-CN': '政治', en: 'Pol' },
  'discipline-education-monthly': { 'zh-CN': '党纪', en: 'Dis' },
  'national-defense-quarterly': { 'zh-CN': '国防', en: 'Def' },
  'law-education-semiannual': { 'zh-CN': '普法', en: 'Law' },
  'party-day-monthly': { 'zh-CN': '党日', en: 'Day' },
  'committee-meeting-monthly': { 'zh-CN': '支委', en: 'Com' },
  'group-meeting-monthly': { 'zh-CN': '小组', en: 'Grp' },
  'general-meeting-quarterly': { 'zh-CN': '大会', en: 'Gen' },
  'party-lecture-quarterly': { 'zh-CN': '党课', en: 'Lec' },
  'organizational-life-yearly': { 'zh-CN': '生活', en: 'OLM' },
  'member-review-yearly': { 'zh-CN': '评议', en: 'Rev' },
  'family-safety-yearly': { 'zh-CN': '亲情', en: 'Fam' },
  'study-seminar-yearly': { 'zh-CN': '研讨', en: 'Sem' },
  'first-topic': { 'zh-CN': '议题', en: '1st' },
  'party-day-assignments': { 'zh-CN': '作业', en: 'Asg' },
  'secretary-lecture-yearly': { 'zh-CN': '书记', en: 'Sec' },
  'general-meeting-quorum': { 'zh-CN': '到会', en: 'Quo' },
  'case-follow-up': { 'zh-CN': '必谈', en: 'Cas' },
  'staff-archive-complete': { 'zh-CN': '档案', en: 'Stf' },
  'branch-feature-declared': { 'zh-CN': '特色', en: 'Ftr' },
  'unknown-group': { 'zh-CN': '组名', en: 'GrN' },
  'duplicate-activity': { 'zh-CN': '重复', en: 'Dup' },
  'future-date': { 'zh-CN': '日期', en: 'Fut' },
};

/** Column names of the built-in content rules (a cadence column is named after its activity type). */
const NAME: Record<string, { 'zh-CN': string; en: string }> = {
  'first-topic': { 'zh-CN': '第一议题', en: 'First topic' },
  'party-day-assignments': { 'zh-CN': '规定作业', en: 'Assignments' },
  'secretary-lecture-yearly': { 'zh-CN': '书记讲党课', en: 'Secretary’s lecture' },
  'general-meeting-quorum': { 'zh-CN': '大会到会人数', en: 'Quorum' },
  'case-follow-up': { 'zh-CN': '五必谈跟进', en: 'Case follow-up' },
  'staff-archive-complete': { 'zh-CN': '职工档案', en: 'Staff archive' },
  'branch-feature-declared': { 'zh-CN': '特色亮点', en: 'Feature' },
  'unknown-group': { 'zh-CN': '党小组名称', en: 'Group names' },
  'duplicate-activity': { 'zh-CN': '重复记录', en: 'Duplicates' },
  'future-date': { 'zh-CN': '日期超前', en: 'Future dates' },
};

function nameOf(rule: Rule, definition: CadenceDefinition | undefined, engine: Engine, lang: Lang): string {
  if (definition) {
    const label = engine.types.label(definition.type)[lang];
    return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  }
  return NAME[rule.meta.id]?.[lang] ?? rule.meta.title[lang];
}

/** A configured requirement's short header: the start of its activity type's name, or of its id. */
function shortOf(rule: Rule, definition: CadenceDefinition | undefined, engine: Engine, lang: Lang): string {
  const known = SHORT[rule.meta.id];
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

export function reportColumns(engine: Engine, period: Period, lang: Lang): ColumnSource[] {
  const definitions = cadenceDefinitions(engine);
  const sources: ColumnSource[] = [];
  for (const rule of engine.rules) {
    const { meta } = rule;
    if (meta.category === 'input' || !meta.period || engine.severityOf(rule) === 'off') continue;
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
