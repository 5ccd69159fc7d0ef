/** Worker threads give the single-thread output, byte for byte. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { formatJson } from '../../src/formats/json.js';
import { runCheck } from '../../src/run/check-run.js';
import { CORPUS_AS_OF, CORPUS_SINCE, corpusOnDisk } from '../corpus.js';
import { runCli, runMain } from '../helpers.js';
import { corpus, options, straightforward } from './common.js';

describe('worker threads', () => {
  it('give the single-thread output, byte for byte, from the command line', { timeout: 300_000 }, async () => {
    const dir = corpusOnDisk(300);
    const args = ['check', '.', '--format', 'json', '--as-of', CORPUS_AS_OF, '--since', CORPUS_SINCE];
    // The single thread in this process; the threads in the built command's process, where the worker module is.
    const single = await runMain([...args, '--concurrency', '1'], { cwd: dir });
    expect(single.stdout).toContain('"summary"');
    for (const concurrency of ['2', '3']) {
      const threaded = runCli([...args, '--concurrency', concurrency], { cwd: dir });
      expect(threaded).toEqual(single);
    }
    // Whatever the default picks for this many files, the output is the same.
    expect(await runMain(args, { cwd: dir })).toEqual(single);
    const stylish = ['check', '.', '--as-of', CORPUS_AS_OF, '--since', CORPUS_SINCE, '--lang', 'en'];
    expect(runCli([...stylish, '--concurrency', '2'], { cwd: dir })).toEqual(await runMain([...stylish, '--concurrency', '1'], { cwd: dir }));
  });

  it('fall back to this thread when a worker cannot start, with the same result', async () => {
    const { files } = await corpus(30);
    const engine = new Engine(options());
    // Run from the sources, the worker module does not exist: every batch comes back to this thread.
    const threaded = formatJson(await runCheck(engine, files, { concurrency: 2 }));
    expect(threaded).toBe(straightforward(files));
  });
});
