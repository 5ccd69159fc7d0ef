/**
 * The docs' table of the built-in activity types, in the Chinese guide and in the English log-format
 * reference: generated from `BUILTIN_TYPES` so that it cannot drift from what the schema accepts.
 * `npm run generate` writes it between `<!-- types:start -->` and `<!-- types:end -->` of each file
 * below, and its staleness check covers it.
 */
import type { ActivityType } from '../model/activity-types.js';
import type { Lang } from '../types.js';
import { tableRow } from './markdown.js';

/** The files that hold the table, each in its reader's language. */
export const TYPE_TABLES: readonly { path: string; lang: Lang }[] = [
  { path: 'docs/guide/log.md', lang: 'zh-CN' },
  { path: 'docs/log-format.md', lang: 'en' },
];

const HEADER: Record<Lang, string[]> = {
  'zh-CN': ['编号（id）', '中文名称', '也可写作', '英文名称'],
  en: ['id', '中文', 'also accepted', 'English'],
};

const GENERATED: Record<Lang, string> = {
  'zh-CN': '<!-- 由 `npm run generate` 从内置活动类型生成，请勿手工修改。 -->',
  en: '<!-- Generated from the built-in activity types by `npm run generate`; do not edit by hand. -->',
};

/** One row per type, in the order of the list: id, Chinese name, other accepted names, English. */
export function typeTable(types: readonly ActivityType[], lang: Lang): string {
  const rows = types.map((type) => tableRow([`\`${type.id}\``, type.name, type.aliases.join('、'), type.en]));
  return [GENERATED[lang], '', tableRow(HEADER[lang]), '| --- | --- | --- | --- |', ...rows].join('\n');
}
