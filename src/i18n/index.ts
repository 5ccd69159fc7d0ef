/** Message lookup and formatting in the output language. */
import type { Lang, Localized, MessageParams } from '../types.js';
import { en } from './en.js';
import { fixMessages } from './fix.js';
import { initMessages } from './init.js';
import { xlsxMessages } from './xlsx.js';
import { zhCN, type MessageId } from './zh-CN.js';

const CATALOGUES: Record<Lang, Record<string, string>> = {
  'zh-CN': { ...zhCN, ...xlsxMessages['zh-CN'], ...fixMessages['zh-CN'], ...initMessages['zh-CN'] },
  en: { ...en, ...xlsxMessages.en, ...fixMessages.en, ...initMessages.en },
};

export function isMessageId(id: string): id is MessageId {
  return id in CATALOGUES['zh-CN'];
}

function paramText(value: string | number | Localized, lang: Lang): string {
  return typeof value === 'object' ? value[lang] : String(value);
}

/** Formats a catalogue message; a `hint` parameter names another message, appended as is. */
export function message(lang: Lang, id: string, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][id];
  if (template === undefined) throw new Error(`missing message ${id}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'hint') return value ? message(lang, String(value)) : '';
    return paramText(value, lang);
  });
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

/**
 * The language: an explicit choice, else the configuration, else the environment (LC_ALL, then
 * LANG; only an English locale selects English), else Chinese.
 */
export function resolveLang(explicit: string | undefined, configured: string | undefined, env: NodeJS.ProcessEnv): Lang {
  for (const value of [explicit, configured]) {
    if (value === 'zh-CN' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LANG || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'zh-CN';
}
