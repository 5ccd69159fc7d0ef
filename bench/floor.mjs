/**
 * The floor of a check: what reading and validating the files costs with nothing else. Every
 * `*.yaml` file under DIR is read, parsed with js-yaml's core schema (so dates stay text, as in the
 * product) and validated by one ajv validator compiled once from the shipped schema. No positions,
 * no model, no rules, no messages: a check that does all of those should cost no more than this.
 *
 *   node bench/floor.mjs SCHEMA DIR
 *
 * Prints one line: files read, valid and invalid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

const [schemaFile, dir] = process.argv.slice(2);
if (!schemaFile || !dir) {
  console.error('usage: node bench/floor.mjs SCHEMA DIR');
  process.exit(2);
}

function* yamlFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(full);
    else if (/\.ya?ml$/.test(entry.name)) yield full;
  }
}

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
let files = 0;
let invalid = 0;
for (const file of yamlFiles(dir)) {
  files++;
  let data;
  try {
    data = yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch {
    invalid++;
    continue;
  }
  if (!validate(data)) invalid++;
}
console.log(`${files} files: ${files - invalid} valid, ${invalid} invalid`);
