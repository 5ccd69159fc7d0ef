#!/usr/bin/env node
'use strict';
// The bundled command line (written by `npm run build`) runs with V8's code cache, which starts
// fastest; without it (sources just compiled), the ES modules in dist/ work as well.
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli.bundle.cjs');
const loaded = require('node:fs').existsSync(bundle)
  ? Promise.resolve(require(path.join(dist, 'code-cache.cjs')).runWithCodeCache(bundle).exports)
  : import('../dist/cli.js');
loaded
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
