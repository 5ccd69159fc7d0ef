/**
 * Message lookup and formatting in the output language. The catalogue is split by area; a rule's
 * own messages live in its folder (src/rules/<id>/index.ts) and are formatted here too.
 */
import type { Lang, Localized, MessageParams } from '../types.js';
import { cli } from './cli.js';
import { config } from './config.js';
import { due } from './due.js';
import { fixMessages as fix } from './fix.js';
import { inspection } from './inspection.js';
import { formats } from './formats.js';
import { initMessages as init } from './init.js';
import { load } from './load.js';
import { report } from './report.js';
import { schema } from './schema.js';
import { watchMessages as watch } from './watch.js';
import { xlsxMessages as xlsx } from './xlsx.js';

/** Every area of the catalogue, for tests that hold the languages to the same keys. */
export const AREAS = { load, schema, config, cli, init, fix, watch, formats, report, due, xlsx, inspection } as const;

type Area = (typeof AREAS)[keyof typeof AREAS];
export type MessageId = Area extends unknown ? keyof Area['zh-CN'] : never;

function merged(lang: Lang): Record<string, string> {
  return Object.assign({}, ...Object.values(AREAS).map((area) => area[lang]));
}

const CATALOGUES: Record<Lang, Record<string, string>> = { 'zh-CN': merged('zh-CN'), en: merged('en') };

export function isMessageId(id: string): id is MessageId {
  return id in CATALOGUES['zh-CN'];
}

function paramText(value: string | number | Localized, lang: Lang): string {
  return typeof value === 'object' ? value[lang] : String(value);
}

/**
 * Fills a template's `{name}` placeholders; a `hint` parameter names a catalogue message, appended
 * as is. `{name|one|other}` is the number and the word for it in the right number (English:
 * `{files|file|files}` gives "1 file", "3 files").
 */
export function formatMessage(template: string, lang: Lang, params: MessageParams = {}): string {
  let text = '';
  for (const piece of piecesOf(template)) {
    if (typeof piece === 'string') text += piece;
    else text += filled(piece, lang, params);
  }
  return text;
}

/** A placeholder of a template: `{name}`, or `{name|one|other}`. */
interface Placeholder {
  name: string;
  /** As written: what stays when the parameter is not given. */
  whole: string;
  one?: string;
  other?: string;
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** Templates taken apart into text and placeholders, once each (a run words thousands of findings with a few dozen templates). */
const pieces = new Map<string, (string | Placeholder)[]>();
const MAX_TEMPLATES = 10_000;

function piecesOf(template: string): (string | Placeholder)[] {
  let list = pieces.get(template);
  if (list) return list;
  list = [];
  let end = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > end) list.push(template.slice(end, match.index));
    list.push({ name: match[1], whole: match[0], one: match[2], other: match[3] });
    end = match.index + match[0].length;
  }
  if (end < template.length) list.push(template.slice(end));
  if (pieces.size < MAX_TEMPLATES) pieces.set(template, list);
  return list;
}

function filled({ name, whole, one, other }: Placeholder, lang: Lang, params: MessageParams): string {
  const value = params[name];
  if (value === undefined) return whole;
  if (name === 'hint') return value ? message(lang, String(value)) : '';
  const text = paramText(value, lang);
  return one === undefined ? text : `${text} ${Number(text) === 1 ? one : other}`;
}

/** Formats a catalogue message. */
export function message(lang: Lang, id: string, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][id];
  if (template === undefined) throw new Error(`missing message ${id}`);
  return formatMessage(template, lang, params);
}

/** Items named in a message: joined by 、 in Chinese and by commas in English. */
export function listText(items: readonly string[]): Localized {
  return { 'zh-CN': items.join('、'), en: items.join(', ') };
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
