/** The tool's version, from package.json. */
import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';

export const VERSION: string = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')).version;
