/**
 * Where a rule's documentation lives: `src/rules/<id>/README.md` for a rule with a folder, and
 * `src/rules/cadence/pages/<id>.md` (the part after the generated metadata) for a built-in cadence
 * row. These files ship with the package (package.json `files`); `docs/rules/<id>.md` is generated
 * from them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/rules, from here in src/ or in dist/. */
export const RULES_SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/rules');

export const CADENCE_PAGES = 'cadence/pages';

/** Relative to src/rules: the page of a rule with a folder, or of a built-in cadence row. */
export function rulePageSource(id: string, category: 'cadence' | 'other'): string {
  return category === 'cadence' ? `${CADENCE_PAGES}/${id}.md` : `${id}/README.md`;
}

/** The absolute path of a rule's page, or undefined when it has none (a configured cadence). */
export function rulePageFile(id: string, category: 'cadence' | 'other', dir: string = RULES_SOURCE_DIR): string | undefined {
  const file = path.join(dir, rulePageSource(id, category));
  return existsSync(file) ? file : undefined;
}
