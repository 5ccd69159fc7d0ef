/**
 * Where the built code lives. The command line runs from one bundled file (dist/cli.bundle.js,
 * written by `npm run build`) next to the unbundled modules in dist/: a module that finds a file
 * relative to itself must go through DIST_URL, which is dist/ in both forms, never its own
 * `import.meta.url` (which is the bundle's once bundled).
 */
import { fileURLToPath } from 'node:url';

/** dist/ (src/ when the sources run directly, as in tests). */
export const DIST_URL = new URL('./', import.meta.url);

/** A path inside the package, relative to its root (package.json, docs/, schemas/). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, DIST_URL));
}
