/** A check streamed branch by branch gives the straightforward `Engine.check` result, byte for byte. */
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/load/files.js';
import { header, tempTree } from '../helpers.js';
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
});
