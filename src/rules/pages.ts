/**
 * Where a rule's documentation lives: `src/rules/<id>/README.md` for a rule with a folder, and
 * `src/rules/cadence/pages/<id>.md` (the part below the generated metadata) for a built-in cadence
 * row, or, when that page is not written, the page generated from the row. These files ship with
 * the package (package.json `files`); `docs/rules/<id>.md` is generated from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypeRegistry } from '../model/activity-types.js';
import { BUILTIN_CADENCES } from './cadence/definitions.js';
import { generatedCadencePage } from './cadence/page.js';
import type { Rule } from './rule.js';

/** src/rules, from here in src/ or in dist/. */
export const RULES_SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/rules');

export const CADENCE_PAGES = 'cadence/pages';

/** Relative to src/rules: the page of a rule with a folder, or of a built-in cadence row. */
export function rulePageSource(id: string, category: 'cadence' | 'other'): string {
  return category === 'cadence' ? `${CADENCE_PAGES}/${id}.md` : `${id}/README.md`;
}

/** A built-in cadence row's page generated from the row; undefined for any other rule. */
export function generatedPage(rule: Rule, types: TypeRegistry): string | undefined {
  const row = rule.meta.category === 'cadence' ? BUILTIN_CADENCES.find((candidate) => candidate.id === rule.meta.id) : undefined;
  return row && generatedCadencePage(row, types);
}

/** A rule's page as written, or generated; undefined for a rule added by a configuration. */
export function rulePageText(rule: Rule, types: TypeRegistry, dir: string = RULES_SOURCE_DIR): string | undefined {
  const file = path.join(dir, rulePageSource(rule.meta.id, rule.meta.category === 'cadence' ? 'cadence' : 'other'));
  return existsSync(file) ? readFileSync(file, 'utf8') : generatedPage(rule, types);
}
