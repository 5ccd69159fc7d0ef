/** Messages of the Excel commands in the chosen language. */
import { message } from '../i18n/index.js';
import type { Lang, MessageParams } from '../types.js';

export function xlsxText(lang: Lang): (id: string, params?: MessageParams) => string {
  return (id, params) => message(lang, id, params);
}
