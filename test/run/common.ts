/** What the tests of the ways a check runs share: the corpus, and the straightforward result to compare with. */
import { Engine, type EngineOptions } from '../../src/engine.js';
import { formatJson } from '../../src/formats/json.js';
import { findFiles, type InputFile } from '../../src/load/files.js';
import { runCheck, type RunOptions } from '../../src/run/check-run.js';
import { CORPUS_AS_OF, CORPUS_SINCE, corpusOnDisk } from '../corpus.js';

export const options = (extra: Partial<EngineOptions> = {}): EngineOptions => ({ window: { asOf: CORPUS_AS_OF, since: CORPUS_SINCE }, lang: 'zh-CN', ...extra });

export async function corpus(branches: number): Promise<{ dir: string; files: InputFile[] }> {
  const dir = corpusOnDisk(branches);
  return { dir, files: await findFiles([dir], dir) };
}

/** `Engine.check` as it is, rendered as JSON. */
export function straightforward(files: InputFile[], extra?: Partial<EngineOptions>): string {
  return formatJson(new Engine(options(extra)).check(files).result);
}

export async function viaRun(files: InputFile[], run: RunOptions, extra?: Partial<EngineOptions>): Promise<string> {
  return formatJson(await runCheck(new Engine(options(extra)), files, run));
}
