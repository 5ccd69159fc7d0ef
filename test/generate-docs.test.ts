/** The docs' activity-type table comes from the built-in types, in both languages. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../src/model/activity-types.js';
import { TYPE_TABLES, typeTable } from '../src/tools/generate-docs.js';
import { ROOT } from './helpers.js';

const rows = (table: string) => table.split('\n').filter((line) => line.startsWith('| `'));

describe('the activity-type table', () => {
  it.each(['zh-CN', 'en'] as const)('has one row per built-in type, in order, with every accepted name (%s)', (lang) => {
    const table = typeTable(BUILTIN_TYPES, lang);
    expect(rows(table)).toEqual(
      BUILTIN_TYPES.map((type) => `| \`${type.id}\` | ${type.name} | ${type.aliases.join('、')} | ${type.en} |`),
    );
  });

  it('follows a change of the types, and keeps a name with a | inside its cell', () => {
    const types = [{ id: 'safety-observation', name: '安全观察', aliases: ['安全观察活动', 'a|b'], en: 'safety observation' }];
    expect(rows(typeTable(types, 'en'))).toEqual(['| `safety-observation` | 安全观察 | 安全观察活动、a\\|b | safety observation |']);
  });

  it.each(TYPE_TABLES.map((table) => [table.path, table.lang] as const))('%s holds the %s table between its markers', (page, lang) => {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    expect(text).toContain(`<!-- types:start -->\n${typeTable(BUILTIN_TYPES, lang)}\n<!-- types:end -->`);
  });
});
