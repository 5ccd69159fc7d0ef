/**
 * The rule registry, `src/rules/registry.generated.ts`: every rule folder's default export, keyed
 * by the folder's name (the rule's id), so that a new folder needs no import written by hand. The
 * order the rules run and are listed in stays in `src/rules/index.ts`, one line per rule.
 *
 * This module imports nothing of the project: `npm run generate` compiles and runs it alone
 * (tsconfig.registry.json) before the build, since the build fails on an id that `index.ts` lists
 * and a stale registry lacks. `generate.ts` plans the file too, so `--check` finds it stale.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REGISTRY_PATH = 'src/rules/registry.generated.ts';
const RULES_DIR = 'src/rules';

/** Folders of src/rules with an index.ts that are not a rule: cadence's rules are rows of data. */
const NOT_RULES = new Set(['cadence']);

/** The rule folders under `root`: each folder of src/rules with an index.ts, sorted by name. */
export function ruleFolders(root: string): string[] {
  const dir = path.join(root, RULES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_RULES.has(entry.name) && existsSync(path.join(dir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** `first-topic` → `firstTopic`. */
function identifier(id: string): string {
  return id.replace(/[-_.]+([a-z0-9])/gi, (_, letter: string) => letter.toUpperCase());
}

/** The text of the registry for these folders. */
export function registrySource(folders: readonly string[]): string {
  return [
    '// Generated from the folders of src/rules by `npm run generate`; do not edit by hand.',
    '// The order of the rules is src/rules/index.ts\'s.',
    "import type { RuleEntry } from './rule.js';",
    ...folders.map((id) => `import ${identifier(id)} from './${id}/index.js';`),
    '',
    '/** Every rule folder\'s default export, by rule id. */',
    'export const RULE_FOLDERS = {',
    ...folders.map((id) => `  '${id}': ${identifier(id)},`),
    '} as const satisfies Record<string, RuleEntry>;',
    '',
  ].join('\n');
}

/** Writes the registry when it differs; returns whether it did. */
export function writeRegistry(root: string): boolean {
  const file = path.join(root, REGISTRY_PATH);
  const expected = registrySource(ruleFolders(root));
  if (existsSync(file) && readFileSync(file, 'utf8') === expected) return false;
  writeFileSync(file, expected);
  return true;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly && writeRegistry(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'))) {
  console.log(`updated: ${REGISTRY_PATH}`);
}
