/**
 * Bundles the command line (run by `npm run build` after tsc). Node 20 spends more time resolving,
 * translating and compiling many small ES modules than checking a file, so:
 *
 * - dist/cli.bundle.cjs is the whole command line as one CommonJS script, which bin/dangjian.cjs
 *   runs with V8's code cache (dist/cli.bundle.cjs.v8cache, written here after checking the shipped
 *   examples, so that it holds the functions a check calls). CommonJS because Node 20 gives a code
 *   cache to scripts only, and because `require('node:fs')` costs less than the ES module facade of
 *   a built-in module, which loads every lazy part of it.
 * - dist/analyze-worker.bundle.js is the worker of a run over many files.
 *
 * ajv and yaml stay outside (they are loaded when needed), and so does every package imported on
 * demand (exceljs for a workbook, tinyglobby for a folder): bundled, it would be compiled at every
 * start. Every module keeps its own `import.meta.url` (the URL of its file in dist/), so that code
 * which finds files relative to itself works the same bundled or not.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { CODE_CACHE_SUFFIX, runWithCodeCache } from '../code-cache.cjs';
import type { Io } from '../commands/io.js';

const requireHere = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../', import.meta.url));
const root = path.resolve(dist, '..');

/** Packages imported on demand that are small and used by most runs (a folder, an ignore pattern). */
const BUNDLED_ON_DEMAND = new Set(['tinyglobby', 'picomatch']);

const ownModuleUrls: Plugin = {
  name: 'own-module-urls',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      // Bundled in their CommonJS form: the bundle is a CommonJS script, with no import.meta.
      return BUNDLED_ON_DEMAND.has(args.path) ? { path: requireHere.resolve(args.path) } : { path: args.path, external: true };
    });
    bundle.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const contents = readFileSync(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
      const relative = path.relative(dist, args.path).split(path.sep).join('/');
      return { contents: contents.replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(relative)})`), loader: 'js' };
    });
  },
};

/**
 * commander requires node:child_process at load, for subcommands that are separate executables,
 * which dangjian has none of; loading it (and node:net, node:dgram with it) is a tenth of a start.
 * Here it is required when first used instead.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const contents = readFileSync(args.path, 'utf8');
      if (!contents.includes(eager)) throw new Error(`${args.path}: the require of node:child_process has changed; update lazyChildProcess`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: contents.replace(eager, lazy), loader: 'js' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['ajv', 'ajv-formats', 'ajv/*', 'yaml'],
  plugins: [ownModuleUrls, lazyChildProcess],
  logLevel: 'warning',
  legalComments: 'none',
};

const cliFile = path.join(dist, 'cli.bundle.cjs');
const built = await build({
  ...common,
  entryPoints: [`${dist}cli.js`],
  outfile: cliFile,
  format: 'cjs',
  // import() of a package becomes require(): a script run with a code cache has no module loader.
  supported: { 'dynamic-import': false },
  banner: { js: "const __moduleUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;" },
  write: false,
});
// esbuild leaves some characters in regular expressions as they are: escaped, the script is ASCII,
// which V8 keeps in half the memory of a string with any character beyond Latin-1.
for (const file of built.outputFiles) writeFileSync(file.path, file.text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));

await build({
  ...common,
  entryPoints: [`${dist}run/analyze-worker.js`],
  outfile: path.join(dist, 'analyze-worker.bundle.js'),
  format: 'esm',
  // CommonJS dependencies call require(); modules ask for their own URL in dist/.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      'const require = __bundleRequire(import.meta.url);',
      "const __moduleUrl = (file) => new URL(file, new URL('./', import.meta.url)).href;",
    ].join('\n'),
  },
});

/**
 * The code cache of the command line, made after it has checked the shipped examples in every
 * output format a check is usually run with, and with the cache, cold and unchanged (output
 * discarded). Without the examples (an installed package), only the top level is cached.
 */
async function writeCodeCache(): Promise<void> {
  const cacheFile = `${cliFile}${CODE_CACHE_SUFFIX}`;
  rmSync(cacheFile, { force: true });
  const { exports, script } = runWithCodeCache<{ main(argv: string[], io: Io): Promise<number> }>(cliFile, { useCache: false });
  const examples = path.join(root, 'examples');
  if (existsSync(examples)) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'dangjian-build-'));
    const io: Io = { cwd: root, env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: () => true } };
    try {
      for (const format of ['stylish', 'json']) {
        await exports.main(['check', examples, '--as-of', '2026-07-01', '--format', format, '--output', path.join(scratch, `out.${format}`)], io);
      }
      // With the cache: filled, then an unchanged re-run.
      for (let run = 0; run < 2; run++) {
        const cached = ['--format', 'json', '--output', path.join(scratch, 'out.json'), '--cache-location', path.join(scratch, 'cache')];
        await exports.main(['check', examples, '--as-of', '2026-07-01', ...cached], io);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  writeFileSync(cacheFile, script.createCachedData());
}

await writeCodeCache();
