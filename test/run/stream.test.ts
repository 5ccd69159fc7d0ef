/** A check streamed branch by branch gives the straightforward `Engine.check` result, byte for byte. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/load/files.js';
import { predictBranchId } from '../../src/run/stream.js';
import { header, ROOT, tempTree } from '../helpers.js';
import { corpus, straightforward, viaRun } from './common.js';

describe('streaming check', () => {
  it('gives the straightforward result on the corpus, streaming or not', { timeout: 300_000 }, async () => {
    // 400 branches: every plant, split logs, make-ups, waivers and schema mistakes are among them.
    const { files } = await corpus(400);
    const expected = straightforward(files);
    expect(await viaRun(files, { stream: true })).toBe(expected);
    expect(await viaRun(files, { stream: false })).toBe(expected);
    const quiet = straightforward(files, { quiet: true, lang: 'en' });
    expect(await viaRun(files, { stream: true }, { quiet: true, lang: 'en' })).toBe(quiet);
  });

  it('starts again without streaming when a file turns out to belong to a branch already checked', async () => {
    // The second file's branch id is beyond the part of the file read for the prediction.
    const padding = `${'# 备注\n'.repeat(3000)}`;
    const dir = tempTree({
      'a.yaml': `${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-01-05, type: 支委会, firstTopic: 学习 }\n`,
      'b.yaml': `${padding}${header('b1', '  groups: [一组]\n')}activities:\n  - { date: 2026-02-05, type: 支委会, firstTopic: 学习 }\n`,
      'c.yaml': `${header('b2')}`,
    });
    const files = await findFiles([dir], dir);
    const window = { asOf: '2026-03-01', since: '2026-01-01' };
    expect(await viaRun(files, { stream: true }, { window })).toBe(straightforward(files, { window }));
  });

  it('predicts the id under branch:, wherever another id: stands before it or however far down it is', async () => {
    const dir = tempTree({
      'plain.yaml': header('p1'),
      'comment.yaml': `# 旧的 id: old-1\n${header('c1')}`,
      'paid.yaml': `paid: 3\n${header('q1')}`,
      'far.yaml': `${'# 这是一段很长的说明文字，写在台账开头。\n'.repeat(40)}${header('f1')}`,
      'beyond.yaml': `${'# 备注\n'.repeat(3000)}${header('x1')}`,
      'cut.yaml': `# ${'说'.repeat(400)}\n${header('u1')}`,
      'none.yaml': 'version: 1\nactivities: []\n',
    });
    const predicted = Object.fromEntries((await findFiles([dir], dir)).map((file) => [file.display, predictBranchId(file)]));
    expect(predicted).toEqual({
      'beyond.yaml': undefined,
      'comment.yaml': 'c1',
      'cut.yaml': 'u1',
      'far.yaml': 'f1',
      'none.yaml': undefined,
      'paid.yaml': 'q1',
      'plain.yaml': 'p1',
    });
  });

  it('never waits on a file that became a named pipe after it was listed', () => {
    const dir = tempTree({});
    const pipe = path.join(dir, 'log.yaml');
    if (spawnSync('mkfifo', [pipe]).status !== 0) return; // no mkfifo on this system
    // In a process of its own, so that a wait would end in its timeout, not hang the tests.
    const script = `import { predictBranchId } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/run/stream.js')).href)};\nconsole.log(String(predictBranchId({ absolute: ${JSON.stringify(pipe)}, display: 'log.yaml' })));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout).toBe('undefined\n');
  });
});
