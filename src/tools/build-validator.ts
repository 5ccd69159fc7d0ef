/**
 * Writes the standalone validators of the schemas that do not depend on a configuration (the branch
 * log with the built-in activity types; the configuration itself) next to the compiled schema
 * modules (dist/schema/, where schema/compile.ts looks for them), each with V8's code cache of it,
 * made after validating sample documents so that the cache holds the compiled validator. Run by
 * `npm run build`, so every install has them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../load/yaml.js';
import { BUILTIN_TYPES, TypeRegistry } from '../model/activity-types.js';
import { allRules } from '../rules/index.js';
import { branchLogSchema } from '../schema/branch-log-schema.js';
import { CODE_CACHE_SUFFIX } from '../code-cache.cjs';
import { CONFIG_STANDALONE_FILE, loadStandalone, STANDALONE_FILE, standaloneSource } from '../schema/compile.js';
import { configValidationSchema } from '../config/schema.js';

function write(file: string, schema: Record<string, unknown>, samples: unknown[]): void {
  const target = fileURLToPath(new URL(`../schema/${file}`, import.meta.url));
  writeFileSync(target, standaloneSource(schema));
  const { exports: validate, script } = loadStandalone(target);
  for (const sample of samples) validate(sample);
  writeFileSync(`${target}${CODE_CACHE_SUFFIX}`, script.createCachedData());
}

const types = new TypeRegistry(BUILTIN_TYPES);
const example = parseYaml(readFileSync(new URL('../../examples/clean/concentrator-2.yaml', import.meta.url), 'utf8'));
const log = example.ok ? (example.value as Record<string, unknown>) : {};
const broken = { ...log, version: 2, extra: true, branch: { id: 'a b', members: 0 }, activities: [{ date: '2026-02-30', type: ['x', 'x'], titel: '' }], cases: [{}], waivers: [{ period: 'x' }] };
write(STANDALONE_FILE, branchLogSchema(types.allNames()), [log, broken, null, []]);
write(CONFIG_STANDALONE_FILE, configValidationSchema(allRules(types)), [{ ignore: ['a/**'] }, { rules: { x: 'y' }, lang: 'fr' }]);
