/** `dangjian rules [ID]`: the rule list, or one rule's documentation. */
import Table from 'cli-table3';
import { Engine } from '../engine.js';
import { message } from '../i18n/index.js';
import { maskPersonalData } from '../privacy.js';
import { nearest } from '../util/nearest.js';
import { UsageError } from '../options.js';
import { rulePageText } from '../rules/pages.js';
import type { TypeRegistry } from '../model/activity-types.js';
import type { Rule } from '../rules/rule.js';
import type { Lang } from '../types.js';
import { configFor } from './common.js';
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
  const rule = engine.rule(id);
  if (!rule) {
    const suggestion = nearest(id, engine.rules.map((r) => r.meta.id));
    throw new UsageError(suggestion ? 'usage.unknownRuleSuggest' : 'usage.unknownRule', { id, suggestion: suggestion ?? '' });
  }
  // The documentation's own examples use sample ID and phone numbers: no output shows one in full.
  io.stdout.write(maskPersonalData(ruleDocumentation(rule, engine.types, lang)));
  return 0;
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
    `${message(lang, 'rules.source')}: ${meta.source[lang]}`,
  ];
  for (const [name, option] of Object.entries(meta.options ?? {})) {
    lines.push(`${message(lang, 'rules.option')}: ${name} = ${option.default} (${option.description[lang]})`);
  }
  const page = rulePageText(rule, types);
  if (page !== undefined) {
    const sections = splitSections(page);
    const body = sections.get(lang === 'en' ? 'English' : '中文');
    const examples = sections.get('示例 / Examples');
    if (body) lines.push('', body.trim());
    if (examples) lines.push('', message(lang, 'rules.examples'), '', examples.trim());
  } else {
    lines.push('', message(lang, 'rules.customRule'));
  }
  return `${lines.join('\n')}\n`;
}

/** Splits a page at its level-2 headings. */
export function splitSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== undefined) sections.set(current, buffer.join('\n'));
  };
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      current = heading[1].trim();
      buffer = [];
    } else {
      buffer.push(line);
    }
  }
  flush();
  return sections;
}
