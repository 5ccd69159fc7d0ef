/**
 * Bundles the command line into dist/cli.bundle.js (run by `npm run build` after tsc). Node 20
 * spends more time resolving and compiling many small modules than checking a file; one bundled
 * module starts in a fraction of that. ajv, yaml and packages imported on demand stay outside.
 *
 * Every module keeps its own `import.meta.url` (the URL of its file in dist/), so that code which
 * finds files relative to itself works the same bundled or not.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const dist = fileURLToPath(new URL('../', import.meta.url));

const ownModuleUrls: Plugin = {
  name: 'own-module-urls',
  setup(bundle) {
    // A package imported on demand stays a package, loaded from node_modules when needed (exceljs for
    // a workbook, tinyglobby for a folder): bundled, it would be read at every start.
    bundle.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
    bundle.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
      const relative = path.relative(dist, args.path).split(path.sep).join('/');
      return { contents: contents.replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(relative)})`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [
    { in: `${dist}cli.js`, out: 'cli.bundle' },
    { in: `${dist}run/analyze-worker.js`, out: 'analyze-worker.bundle' },
  ],
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ajv', 'ajv-formats', 'ajv/*', 'yaml'],
  plugins: [ownModuleUrls],
  // CommonJS dependencies (commander) call require(); modules ask for their own URL in dist/.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      'const require = __bundleRequire(import.meta.url);',
      "const __moduleUrl = (file) => new URL(file, new URL('./', import.meta.url)).href;",
    ].join('\n'),
  },
  logLevel: 'warning',
  legalComments: 'none',
});
