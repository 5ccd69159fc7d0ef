#!/usr/bin/env node
// The bundled command line (written by `npm run build`) starts fastest; the modules work as well.
import { existsSync } from 'node:fs';
const bundle = new URL('../dist/cli.bundle.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
