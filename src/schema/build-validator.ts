/**
 * Writes the standalone validators of the schemas that do not depend on a configuration (the branch
 * log with the built-in activity types; the configuration itself) next to the compiled schema
 * modules (dist/schema/). Run by `npm run build`, so every install has them.
 */
import { writeFileSync } from 'node:fs';
import { BUILTIN_TYPES, TypeRegistry } from '../model/activity-types.js';
import { allRules } from '../rules/index.js';
import { branchLogSchema } from './branch-log-schema.js';
import { CONFIG_STANDALONE_FILE, STANDALONE_FILE, standaloneSource } from './compile.js';
import { configSchema } from './config-schema.js';

const types = new TypeRegistry(BUILTIN_TYPES);
writeFileSync(new URL(`./${STANDALONE_FILE}`, import.meta.url), standaloneSource(branchLogSchema(types.allNames())));
writeFileSync(new URL(`./${CONFIG_STANDALONE_FILE}`, import.meta.url), standaloneSource(configSchema(allRules(types))));
