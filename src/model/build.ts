/**
 * Builds the model from loaded files: each file's facts (validated against the schema, its valid
 * parts read into records; file-facts.ts), then the files that carry the same branch id merged into
 * one branch (merge.ts).
 */
import type { LoadedFile } from '../load/index.js';
import type { BranchLogValidator } from '../schema/validate.js';
import type { TypeRegistry } from './activity-types.js';
import { fileFacts, type RuleCatalogue } from './file-facts.js';
import { mergeFileFacts, type ModelResult } from './merge.js';

export { fileFacts, MAX_SCHEMA_FINDINGS_PER_FILE, type BranchContribution, type FileFacts, type RuleCatalogue } from './file-facts.js';
export { mergeFileFacts, type ModelResult } from './merge.js';

export function buildModel(files: LoadedFile[], validator: BranchLogValidator, types: TypeRegistry, rules: RuleCatalogue): ModelResult {
  return mergeFileFacts(files.map((loaded) => fileFacts(loaded, validator, types, rules)));
}
