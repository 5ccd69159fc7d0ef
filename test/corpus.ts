/** The benchmark's generated corpus, in memory or on disk, for tests that compare two code paths. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The generator is a plain Node script shared with the benchmark.
// @ts-expect-error -- an untyped .mjs module
import { branchFiles, CORPUS_AS_OF, CORPUS_SINCE, CORPUS_VERSION } from '../bench/corpus.mjs';

export interface CorpusFile {
  path: string;
  text: string;
}

export { CORPUS_AS_OF, CORPUS_SINCE };

/** The files of the first `branches` branches of the corpus. */
export function corpusFiles(branches: number): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let index = 0; index < branches; index++) files.push(...(branchFiles(index) as CorpusFile[]));
  return files;
}

/**
 * The corpus of `branches` branches, written once into a temporary folder (built aside and renamed
 * into place, so that test files running in parallel never see half of it); returns the folder.
 */
export function corpusOnDisk(branches: number): string {
  const dir = path.join(os.tmpdir(), `dangjian-corpus-v${CORPUS_VERSION}-${branches}`);
  if (existsSync(dir)) return dir;
  const building = `${dir}.${process.pid}.${Date.now()}`;
  for (const file of corpusFiles(branches)) {
    const target = path.join(building, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}
