/**
 * Writes the standalone branch-log validator for the built-in activity types next to the compiled
 * schema modules (dist/schema/). Run by `npm run build`, so every install has it.
 */
import { writeFileSync } from 'node:fs';
import { BUILTIN_TYPES, TypeRegistry } from '../model/activity-types.js';
import { STANDALONE_FILE, standaloneSource } from './compile.js';

const target = new URL(`./${STANDALONE_FILE}`, import.meta.url);
writeFileSync(target, standaloneSource(new TypeRegistry(BUILTIN_TYPES).allNames()));
