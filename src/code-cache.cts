/**
 * Runs a CommonJS file with V8's code cache, the way Node's own loader would run it but with the
 * compiled code of an earlier run: a large script (the bundled command line, a built validator)
 * costs more to compile than a one-file check does. `npm run build` writes each cache after a
 * representative run, so that it holds the functions a check calls, not just the top level.
 *
 * A cache from another Node version or other V8 flags is rejected by V8 and the file compiles as
 * usual; a missing or unreadable cache is the same. CommonJS on purpose: the command line's entry
 * point loads this before anything else, without the cost of Node's ES module loader.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** The cache of `file` is `file` + this suffix. */
export const CODE_CACHE_SUFFIX = '.v8cache';

export interface CachedModule<T> {
  exports: T;
  /** The compiled script, for `createCachedData()` after a representative run. */
  script: Script;
  /** What became of the code cache: used, rejected by V8 (another Node version), or absent. */
  codeCache: 'used' | 'rejected' | 'absent';
}

/** A script's text: an ASCII one (the bundle: esbuild escapes the rest) needs no UTF-8 decoding, which costs twice as much. */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('ascii') : bytes.toString('utf8');
}

export function runWithCodeCache<T>(file: string, { useCache = true }: { useCache?: boolean } = {}): CachedModule<T> {
  const source = sourceText(readFileSync(file));
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(`${file}${CODE_CACHE_SUFFIX}`);
    } catch {
      // no cache: compile
    }
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as T, filename: file };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  return { exports: module.exports, script, codeCache };
}
