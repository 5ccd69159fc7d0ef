/**
 * Bundles the command line into dist/cli.bundle.js (run by `npm run build` after tsc). Node 20
 * spends more time resolving and compiling sixty small modules than checking a file; one bundled
 * module starts in a fraction of that. ajv and yaml stay outside: they are loaded on demand only.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../', import.meta.url));

await build({
  entryPoints: [`${dist}cli.js`],
  outfile: `${dist}cli.bundle.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ajv', 'ajv-formats', 'ajv/*', 'yaml'],
  // CommonJS dependencies (commander) call require(): give the bundle one.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
