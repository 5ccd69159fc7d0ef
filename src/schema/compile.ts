/**
 * The branch-log validator: compiled ahead of time by `npm run build` (ajv's standalone code, so
 * that a run neither loads ajv nor compiles the schema, which costs more than checking a file), or
 * compiled at run time when the schema differs from the built one (more activity types from a
 * configuration, or sources newer than the build).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { type CachedModule, runWithCodeCache } from '../code-cache.cjs';
import { DIST_URL } from '../paths.js';
import { date } from './date-format.cjs';
import { branchLogSchema } from './branch-log-schema.js';

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);

/** The files `npm run build` writes next to this module's compiled form. */
export const STANDALONE_FILE = 'branch-log-validator.cjs';
export const CONFIG_STANDALONE_FILE = 'config-validator.cjs';

/** ajv's options; the standalone code is generated with the same ones. */
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true } as const;

/**
 * What a built validator is checked against before it is used: the schema it was built from, as
 * JSON text (comparing it costs less than loading node:crypto to hash it at every start).
 */
export function schemaKey(schema: unknown): string {
  return JSON.stringify(schema);
}

function newAjv(extra: { code?: Record<string, unknown> } = {}) {
  // ajv is CommonJS; loaded on demand, since most runs use the built validator.
  const ajvModule = require('ajv') as typeof import('ajv');
  // The standalone validator requires the `date` format from its own folder (dist/schema/).
  const code = { ...extra.code, formats: ajvModule._`require("./date-format.cjs")` };
  const ajv = new ajvModule.default({ ...AJV_OPTIONS, ...extra, code });
  ajv.addFormat('date', date);
  ajv.addKeyword('x-kind');
  return ajv;
}

/** Validators compiled in this process, by schema: a process that runs many checks compiles each once. */
const compiled = new Map<string, CompiledValidator>();

/** Compiles any schema now (the configuration's, or a branch-log schema with more types), once per process. */
export function compileSchema(schema: Record<string, unknown>): CompiledValidator {
  const key = schemaKey(schema);
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = newAjv().compile(schema) as CompiledValidator));
  return validate;
}

/** Compiles the schema for these activity type names now. */
export function compileAtRunTime(typeNames: string[]): CompiledValidator {
  return compileSchema(branchLogSchema(typeNames));
}

/** The source of a CommonJS module exporting the validator of `schema` and the `schemaKey` it was built from. */
export function standaloneSource(schema: Record<string, unknown>): string {
  const ajv = newAjv({ code: { source: true } });
  const validate = ajv.compile(schema);
  const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;
  const code = standaloneCode(ajv, validate);
  return `${code}\nmodule.exports.schemaKey = ${JSON.stringify(schemaKey(schema))};\n`;
}

/** Runs a built validator's CommonJS module, with V8's code cache when there is one. */
export function loadStandalone(path: string): CachedModule<CompiledValidator & { schemaKey?: string }> {
  return runWithCodeCache(path);
}

/** The validator `npm run build` wrote to `file` when it was built from this very schema. */
function precompiled(file: string, schema: Record<string, unknown>): CompiledValidator | undefined {
  const url = new URL(`schema/${file}`, DIST_URL);
  if (url.protocol !== 'file:' || !existsSync(url)) return undefined;
  const built = loadStandalone(fileURLToPath(url)).exports;
  return built.schemaKey === schemaKey(schema) ? built : undefined;
}

/** The validator built from this very schema by `npm run build` (in one of `files`), else one compiled now. */
export function validatorFor(
  schema: Record<string, unknown>,
  files: string[] = [CONFIG_STANDALONE_FILE, STANDALONE_FILE],
): { validate: CompiledValidator; precompiled: boolean } {
  for (const file of files) {
    const built = precompiled(file, schema);
    if (built) return { validate: built, precompiled: true };
  }
  return { validate: compileSchema(schema), precompiled: false };
}

export function branchLogValidator(typeNames: string[]): { validate: CompiledValidator; precompiled: boolean } {
  return validatorFor(branchLogSchema(typeNames), [STANDALONE_FILE]);
}
