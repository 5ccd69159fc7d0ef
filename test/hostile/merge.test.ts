/** Hostile input to `merge`: files that are not shard results give one usage error line, never a crash. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runMain, tempTree } from '../helpers.js';

describe('hostile input: merge', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempTree({ 'logs/a.yaml': 'version: 1\nbranch:\n  id: a\n  name: A\n  members: 3\n', 'logs/b.yaml': 'version: 1\nbranch:\n  id: b\n  name: B\n  members: 3\n' });
    for (const shard of ['1', '2']) {
      await runMain(['check', 'logs', '--as-of', '2026-07-01', '--shard', `${shard}/2`, '--format', 'json', '--output', `s${shard}.json`], { cwd: dir });
    }
    const shard = JSON.parse(readFileSync(path.join(dir, 's1.json'), 'utf8'));
    const files: Record<string, string | Uint8Array> = {
      'text.json': 'not json\n',
      'list.json': '[]\n',
      'proto.json': '{"__proto__": {"polluted": 1}, "version": 1}\n',
      'utf16.json': Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      'garbage.json': JSON.stringify({ ...shard, findings: [...shard.findings, { ruleId: 1, line: 'x' }] }),
      'null.json': JSON.stringify({ ...shard, findings: null }),
      'deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    mkdirSync(path.join(dir, 'folder.json'));
  });

  const notShard = (file: string) => ({ status: 2, stdout: '', stderr: `dangjian: ${file} 不是 dangjian check --format json 的输出，无法合并\n` });
  it.each(['text.json', 'list.json', 'proto.json', 'utf16.json', 'garbage.json', 'null.json', 'deep.json'])('%s is not a shard result', async (file) => {
    expect(await runMain(['merge', file, 's2.json', '--format', 'json'], { cwd: dir })).toEqual(notShard(file));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a folder, a missing file and the same shard twice', async () => {
    expect((await runMain(['merge', 'folder.json', 's2.json'], { cwd: dir })).stderr).toBe('dangjian: 无法读取 folder.json（EISDIR）\n');
    expect((await runMain(['merge', 'gone.json', 's2.json'], { cwd: dir })).stderr).toBe('dangjian: 无法读取 gone.json（ENOENT）\n');
    expect((await runMain(['merge', 's1.json', 's1.json'], { cwd: dir })).stderr).toBe('dangjian: 分片 1/2 出现了两次：s1.json 和 s1.json\n');
  });

  it('a hand-edited result cannot drive the terminal or split a line', async () => {
    const shard = JSON.parse(readFileSync(path.join(dir, 's1.json'), 'utf8'));
    shard.findings.push({ ruleId: 'schema', severity: 'error', file: 'a\nb.yaml', line: 1, column: 1, message: '\u001b[2J清屏 13800138000' });
    writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(shard));
    const merged = await runMain(['merge', 'edited.json', 's2.json'], { cwd: dir });
    expect(merged.stdout).toContain('a\\nb.yaml\n  1:1  错误  \\x1B[2J清屏 138****8000  schema');
    expect(merged.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
  });

  it('shards checked in another language or under other rules are not merged', async () => {
    const check = (shard: string, extra: string[], output: string) =>
      runMain(['check', 'logs', '--as-of', '2026-07-01', '--shard', shard, '--format', 'json', '--output', output, ...extra], { cwd: dir });
    await check('2/2', ['--lang', 'en'], 's2-en.json');
    await check('2/2', ['--rule', 'term-unknown:off'], 's2-rule.json');
    await check('2/2', ['--quiet'], 's2-quiet.json');
    expect(await runMain(['merge', 's1.json', 's2-en.json'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: s2-en.json 的消息语言是 en，而 s1.json 是 zh-CN；请用同一 --lang 重新检查各分片\n',
    });
    const settings = 'dangjian: s2-rule.json 与 s1.json 的检查设置不同（规则、严重程度或配置文件不一致）；请用同一配置和 --rule 重新检查各分片\n';
    expect(await runMain(['merge', 's1.json', 's2-rule.json'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: settings });
    expect((await runMain(['merge', 's1.json', 's2-quiet.json'], { cwd: dir })).stderr).toBe(settings.replace('s2-rule.json', 's2-quiet.json'));
    // A shard written before shards said their language and settings is merged as before.
    const old = JSON.parse(readFileSync(path.join(dir, 's2-en.json'), 'utf8'));
    delete old.shard.lang;
    delete old.shard.settings;
    writeFileSync(path.join(dir, 's2-old.json'), JSON.stringify(old));
    expect(await runMain(['merge', 's1.json', 's2-old.json', '--format', 'json'], { cwd: dir })).toMatchObject({ status: 1, stderr: '' });
  });

  it('the real shards still merge', async () => {
    const merged = await runMain(['merge', 's1.json', 's2.json', '--format', 'json'], { cwd: dir });
    expect(merged.stderr).toBe('');
    expect(JSON.parse(merged.stdout).summary.files).toBe(2);
  });
});

describe('hostile input: merge of a device that never ends', () => {
  // In a process of its own: a read that never ends is stopped after a minute, as a failure.
  it.each(['/dev/zero', '/dev/urandom'])('%s: one line, exit status 2, at once', (device) => {
    const dir = tempTree({});
    expect(runCli(['merge', device], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: `dangjian: ${device} 不是 dangjian check --format json 的输出，无法合并\n` });
  });
});
