/**
 * Both languages say the same things: every catalogue area and every rule's messages have the same
 * keys in zh-CN and en, and each message the same `{name}` placeholders in both.
 */
import { describe, expect, it } from 'vitest';
import { AREAS } from '../src/i18n/index.js';
import { builtinRules } from '../src/tools/generate.js';
import { LANGS } from '../src/types.js';

/** Placeholders that say the same in another form: English names the month that Chinese numbers. */
const SAME = new Map([['monthName', 'month']]);

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((match) => SAME.get(match[1]) ?? match[1]))].sort();
}

const areas = Object.entries(AREAS);
const rules = builtinRules().filter((rule) => rule.meta.messages);

describe.each(areas)('catalogue area %s', (_name, area) => {
  it('has the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(area[lang]).sort()).toEqual(Object.keys(area['zh-CN']).sort());
  });

  it('has the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(area['zh-CN'] as Record<string, string>)) {
      // The singular of a plural (`….one`) may write its count out: "1 branch" for "{n} 个支部".
      const compared = (found: string[]) => (key.endsWith('.one') ? found.filter((name) => name !== 'n' && name !== 'count') : found);
      for (const lang of LANGS) {
        expect(compared(placeholders((area[lang] as Record<string, string>)[key])), `${lang} ${key}`).toEqual(compared(placeholders(text)));
      }
    }
  });
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('messages of %s', (_id, rule) => {
  it('are written in every language, with the same placeholders', () => {
    for (const [id, text] of Object.entries(rule.meta.messages!)) {
      for (const lang of LANGS) {
        expect(text[lang], `${id} ${lang}`).toBeTruthy();
        expect(placeholders(text[lang]), `${id} ${lang}`).toEqual(placeholders(text['zh-CN']));
      }
    }
  });
});

describe('the catalogue', () => {
  it('has no key twice across its areas, and none of the rules\' messages', () => {
    const keys = areas.flatMap(([, area]) => Object.keys(area['zh-CN']));
    expect(keys.length).toBe(new Set(keys).size);
    const texts = new Set(areas.flatMap(([, area]) => Object.values(area['zh-CN'] as Record<string, string>)));
    const ruleTexts = rules.flatMap((rule) => Object.values(rule.meta.messages!).map((text) => text['zh-CN']));
    expect(ruleTexts.filter((text) => texts.has(text))).toEqual([]);
  });
});
