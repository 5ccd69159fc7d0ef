/**
 * Message templates are taken apart once and filled by pieces: the text must be what filling the
 * placeholders in place gives, for any template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage, message } from '../src/i18n/index.js';
import type { Lang, MessageParams } from '../src/types.js';

/** Filling in place, with one regular expression: the reference. */
function inPlace(template: string, lang: Lang, params: MessageParams): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'hint') return value ? message(lang, String(value)) : '';
    const text = typeof value === 'object' ? value[lang] : String(value);
    return one === undefined ? text : `${text} ${Number(text) === 1 ? one : other}`;
  });
}

describe('formatMessage', () => {
  it('fills names, numbers with their word, localized values and hints; leaves unknown names as written', () => {
    const params = { n: 1, m: 3, who: { 'zh-CN': '书记', en: 'secretary' }, hint: 'schema.empty', dollar: '$& $1' };
    const template = '{who}: {n|file|files}, {m|file|files}, {missing}, {dollar}{n}{m} — {hint}';
    for (const lang of ['zh-CN', 'en'] as const) expect(formatMessage(template, lang, params)).toBe(inPlace(template, lang, params));
    expect(formatMessage('{who} {n|file|files}', 'en', params)).toBe('secretary 1 file');
    expect(formatMessage('{missing|a|b}{dollar}', 'en', params)).toBe('{missing|a|b}$& $1');
    expect(formatMessage('no placeholder', 'en', params)).toBe('no placeholder');
    expect(formatMessage('', 'en', params)).toBe('');
  });

  it('gives what filling in place gives, for any template', () => {
    const piece = fc.constantFrom('{', '}', '|', 'a', 'n', 'x', '党', ' ', '{a}', '{n}', '{x}', '{n|one|other}', '{a|一|多}', '{n||}', '{n|a|b|c}');
    const params = fc.record({ a: fc.oneof(fc.string(), fc.constant(undefined)), n: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constant('1'), fc.constant(undefined)) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), params, fc.constantFrom<Lang>('zh-CN', 'en'), (pieces, given, lang) => {
        const template = pieces.join('');
        const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as MessageParams;
        expect(formatMessage(template, lang, defined)).toBe(inPlace(template, lang, defined));
        // Taken apart once: the second time gives the same.
        expect(formatMessage(template, lang, defined)).toBe(inPlace(template, lang, defined));
      }),
      { numRuns: 500 },
    );
  });
});
