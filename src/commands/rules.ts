/** `dangjian rules [ID]`: the rule list, or one rule's documentation. */
import Table from 'cli-table3';
import { Engine } from '../engine.js';
import { message } from '../i18n/index.js';
import { maskPersonalData } from '../privacy.js';
import { nearest } from '../util/nearest.js';
import { UsageError } from '../options.js';
import type { TypeRegistry } from '../model/activity-types.js';
import type { Rule } from '../rules/rule.js';
import type { Lang } from '../types.js';
import { configFor } from './common.js';
import { rulePageSections, terminalPage } from './rule-page.js';
import type { Io } from './io.js';

export function periodLabel(rule: Rule, lang: Lang): string {
  return rule.meta.period ? message(lang, `period.${rule.meta.period}`) : '—';
}

export function rulesCommand(id: string | undefined, lang: Lang, io: Io, configFile?: string): number {
  const config = configFor(io, configFile);
  const engine = new Engine({
    window: { asOf: '2000-01-01', since: '2000-01-01' },
    lang,
    extraTypes: config.types,
    extraCadences: config.cadences,
  });
  if (id === undefined) {
    io.stdout.write(ruleTable(engine.rules, lang));
    return 0;
  }
  const found = findRules(id, engine);
  if (found.length > 1) {
    io.stdout.write(ruleTable(found, lang));
    return 0;
  }
  const rule = found[0];
  if (!rule) {
    const suggestion = nearest(id, engine.rules.map((r) => r.meta.id));
    throw new UsageError(suggestion ? 'usage.unknownRuleSuggest' : 'usage.unknownRule', { id, suggestion: suggestion ?? '' });
  }
  // The documentation's own examples use sample ID and phone numbers: no output shows one in full.
  io.stdout.write(maskPersonalData(ruleDocumentation(rule, engine.types, lang)));
  return 0;
}

/**
 * The rules a word names: its id; else the rules whose title (Chinese or English) holds it, and, for
 * an activity type's id or name (党课, 支委会), the rules about that type.
 */
export function findRules(query: string, engine: Engine): Rule[] {
  const exact = engine.rule(query);
  if (exact) return [exact];
  const word = query.trim().toLowerCase();
  if (!word) return [];
  const type = engine.types.resolve(query.trim());
  return engine.rules.filter((rule) => {
    const titles = [rule.meta.title['zh-CN'], rule.meta.title.en].map((title) => title.toLowerCase());
    if (titles.some((title) => title.includes(word))) return true;
    return type !== undefined && (rule.meta.id.startsWith(`${type.id}-`) || titles.some((title) => title.includes(type.name)));
  });
}

/** The speech a source cites, named: “讲话第三部分” alone does not say which speech. */
const SPEECH: Record<Lang, [RegExp, string]> = {
  'zh-CN': [/^讲话第三部分/, '《在基层党建专题会议上的讲话》第三部分“要坚持实事求是”'],
  en: [/^Speech, section 3/, 'Speech at the meeting on grassroots Party building, section 3 (“seek truth from facts”)'],
};

export function sourceText(source: string, lang: Lang): string {
  const [pattern, name] = SPEECH[lang];
  return source.replace(pattern, name);
}

function ruleTable(rules: Rule[], lang: Lang): string {
  const table = new Table({
    head: ['id', message(lang, 'rules.severity'), message(lang, 'rules.period'), message(lang, 'rules.title')],
    style: { head: [], border: [] },
  });
  for (const rule of rules) {
    table.push([rule.meta.id, message(lang, `severity.${rule.meta.severity}`), periodLabel(rule, lang), rule.meta.title[lang]]);
  }
  return `${table.toString()}\n${message(lang, 'rules.more')}\n`;
}

/** The rule's page (src/rules/<id>/README.md), cut to the chosen language and the examples. */
export function ruleDocumentation(rule: Rule, types: TypeRegistry, lang: Lang): string {
  const { meta } = rule;
  const lines = [
    `${meta.id} — ${meta.title[lang]}`,
    '',
    `${message(lang, 'rules.severity')}: ${message(lang, `severity.${meta.severity}`)}`,
    `${message(lang, 'rules.period')}: ${periodLabel(rule, lang)}`,
    `${message(lang, 'rules.source')}: ${sourceText(meta.source[lang], lang)}`,
  ];
  for (const [name, option] of Object.entries(meta.options ?? {})) {
    lines.push(`${message(lang, 'rules.option')}: ${name} = ${option.default} (${option.description[lang]})`);
  }
  const page = rulePageSections(rule, types, lang);
  if (page !== undefined) {
    const { body, examples } = page;
    if (body) lines.push('', terminalPage(body.trim(), lang));
    if (examples) lines.push('', message(lang, 'rules.examples'), '─'.repeat(lang === 'en' ? 8 : 4), '', terminalPage(examples.trim(), lang));
  } else {
    lines.push('', message(lang, 'rules.customRule'));
  }
  return `${lines.join('\n')}\n`;
}
