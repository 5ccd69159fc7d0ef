/**
 * Where the built code lives: dist/, beside the bundled command line (dist/cli.bundle.js) and the
 * files `npm run build` writes (the built validators, the worker); src/ when the sources run
 * directly, as in tests, where those files are absent and their fallbacks are used.
 */
import { fileURLToPath } from 'node:url';

/** dist/ (src/ when the sources run directly, as in tests). */
export const DIST_URL = new URL('./', import.meta.url);

/** A path inside the package, relative to its root (package.json, docs/, schemas/). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, DIST_URL));
}
