/**
 * --concurrency with a number far past the machine: each worker thread holds some 16 MB, so a run
 * takes at most one thread per core (two on a single core), never a thread per batch of files.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadsFor } from '../../src/run/workers.js';
import { runCli, runMain, tempTree } from '../helpers.js';
import { AS_OF, header } from './catalogue.js';

describe('hostile options: --concurrency far past the cores', () => {
  it('is held to one thread per core (two on one core)', () => {
    const cores = os.availableParallelism();
    expect(threadsFor(1000)).toBe(Math.max(2, cores));
    expect(threadsFor(100_000)).toBe(Math.max(2, cores));
    expect(threadsFor(1)).toBe(1);
    expect(threadsFor(2)).toBe(2);
  });

  it('gives the output of one thread, for 200 files (13 batches)', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`b${i}.yaml`] = `${header(`b${i}`)}activities:\n  - date: 2026-01-05\n    type: 支委会\n    title: 一月支委会\n`;
    const dir = tempTree(files);
    const args = ['check', '.', '--as-of', AS_OF, '--format', 'json'];
    expect(runCli([...args, '--concurrency', '1000'], { cwd: dir })).toEqual(await runMain([...args, '--concurrency', '1'], { cwd: dir }));
  });
});
