/**
 * Golden files: whole outputs, compared byte for byte. `npm run update-goldens` rewrites them, and
 * the console blocks and report samples of the docs, from what the code gives now (review the diff
 * before committing). Otherwise a golden file that is missing fails: nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

/** Set by `npm run update-goldens` (vitest's update-goldens mode), or by UPDATE_GOLDEN=1. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** Compares with test/golden/NAME. */
export function expectGolden(name: string, actual: string): void {
  expectFile(path.join(ROOT, 'test', 'golden', name), actual);
}

/** Compares with a golden file anywhere in the repository, or writes it when updating. */
export function expectFile(file: string, actual: string): void {
  if (UPDATING) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const name = path.relative(ROOT, file).split(path.sep).join('/');
  if (!existsSync(file)) expect.fail(`the golden file ${name} is missing: run npm run update-goldens and review what it writes`);
  expect(actual, name).toBe(readFileSync(file, 'utf8'));
}
