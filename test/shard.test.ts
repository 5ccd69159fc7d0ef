import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../src/formats/index.js';
import { runMain, tempTree } from './helpers.js';
import { random } from './generate-logs.js';

const AS_OF = '2026-07-01';
const SHARDS = 4;
/** Every format of check, from its registry: merge gives each as one run does. */
const FORMATS = CHECK_FORMATS;


interface Corpus {
  files: Record<string, string>;
  /** file → branch id, for the files whose branch the sharder must keep together. */
  branchOf: Map<string, string>;
}

const UNITS = ['smelter', 'mine', 'concentrator', 'power', 'rail', 'refinery'];
const MONTHLY = ['political-study', '[party-day, discipline-education]', 'committee-meeting'];
const QUARTERLY = ['national-defense-education', 'general-meeting', 'party-lecture'];

/**
 * `count` branches of one to six months of activities, with gaps, waivers and dates after the as-of
 * date; sizes vary tenfold. Some branches are split over two files in different folders, some
 * write their header in flow style, and a few files are broken so that their id cannot be read.
 */
function generateCorpus(seed: number, count: number): Corpus {
  const rand = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const files: Record<string, string> = {};
  const branchOf = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const unit = pick(UNITS);
    const id = `${unit}-${String(i).padStart(3, '0')}`;
    const flow = rand() < 0.05;
    const header = flow
      ? `version: 1\nbranch: { id: ${id}, name: ${unit}第${i}党支部, members: ${5 + Math.floor(rand() * 40)} }\n`
      : `version: 1\nbranch:\n  id: ${id}\n  name: ${unit}第${i}党支部\n  members: ${5 + Math.floor(rand() * 40)}\n`;
    const padding = Math.floor(rand() ** 3 * 12);
    const activity = (month: number, type: string, day: number) => {
      const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const notes = Array.from({ length: padding }, (_, k) => `学习材料第${k + 1}篇`).join(', ');
      const topic = type === 'committee-meeting' && rand() < 0.97 ? `, firstTopic: 学习重要论述` : '';
      const assignments = type.includes('party-day') ? ', assignments: [学习党章]' : '';
      return `  - { date: ${date}, type: ${type}, title: ${month}月活动${day}${topic}${assignments}, agenda: [${notes || '学习'}] }\n`;
    };
    const halves: string[] = ['', ''];
    for (let month = 1; month <= 6; month++) {
      const half = month <= 3 ? 0 : 1;
      MONTHLY.forEach((type, k) => {
        if (rand() < 0.93) halves[half] += activity(month, type, 5 + k);
      });
      if (month % 3 === 0) {
        QUARTERLY.forEach((type, k) => {
          if (rand() < 0.85) halves[half] += activity(month, type, 20 + k);
        });
      }
    }
    if (rand() < 0.5) halves[1] += activity(6, 'law-education', 28);
    if (rand() < 0.05) halves[1] += activity(7, 'political-study', 9);
    const waiver = rand() < 0.1 ? `waivers:\n  - { rule: national-defense-quarterly, period: 2026-Q1, reason: 检修顺延, approvedBy: 党委 }\n` : '';
    const folder = `logs/${unit}`;
    if (rand() < 0.15) {
      const first = `${folder}/${id}-q1.yaml`;
      const second = `logs/second-half/${id}.yaml`;
      files[first] = `${header}activities:\n${halves[0] || activity(1, 'political-study', 12)}${waiver}`;
      files[second] = `${header}activities:\n${halves[1] || activity(4, 'political-study', 12)}`;
      branchOf.set(first, id);
      branchOf.set(second, id);
    } else {
      const file = `${folder}/${id}.yaml`;
      files[file] = `${header}activities:\n${halves[0]}${halves[1]}${waiver}`;
      branchOf.set(file, id);
    }
  }
  for (let k = 0; k < 3; k++) files[`logs/broken/broken-${k}.yaml`] = `version: 1\nbranch：\n  id: broken-${k}\n`;
  return { files, branchOf };
}

describe('check --shard I/N and merge', () => {
  let dir: string;
  let corpus: Corpus;
  const unsharded: Record<string, string> = {};
  const shardFiles: string[][] = [];
  const timings: Record<string, number> = {};

  /** Runs the CLI with the report written to `output` (the corpus's reports exceed a pipe buffer). */
  const timed = async (name: string, args: string[], output: string) => {
    const start = performance.now();
    const result = await runMain([...args, '-o', output], { cwd: dir });
    timings[name] = Math.round(performance.now() - start);
    return { ...result, report: readFileSync(path.join(dir, output), 'utf8') };
  };

  beforeAll(async () => {
    corpus = generateCorpus(20260701, 320);
    dir = tempTree(corpus.files);
    for (const format of FORMATS) {
      const result = await timed(`check ${format}`, ['check', 'logs', '--as-of', AS_OF, '--format', format], `unsharded.${format}`);
      expect(result.status).toBe(1);
      unsharded[format] = result.report;
    }
    for (let index = 1; index <= SHARDS; index++) {
      const result = await timed(`shard ${index}/${SHARDS}`, ['check', 'logs', '--as-of', AS_OF, '--format', 'json', '--shard', `${index}/${SHARDS}`], `shard-${index}.json`);
      expect(result.stderr).toMatch(/^dangjian: 已写入 shard-\d+\.json：\d+ 个错误、\d+ 个警告（检查了 \d+ 个文件、\d+ 个支部）\n$/);
      shardFiles.push(JSON.parse(result.report).shard.files);
    }
  }, 300_000);

  it('generates a corpus of at least 300 branches, some split over two files', async () => {
    const branches = new Set(corpus.branchOf.values());
    expect(branches.size).toBeGreaterThanOrEqual(300);
    expect(corpus.branchOf.size - branches.size).toBeGreaterThan(20);
    expect(JSON.parse(unsharded.json).summary.branches).toBeGreaterThanOrEqual(300);
  });

  it('merges the shards into exactly what one run prints, in every format', async () => {
    const shards = Array.from({ length: SHARDS }, (_, i) => `shard-${i + 1}.json`);
    for (const format of FORMATS) {
      // Given in another order than 1..N: the order of the inputs must not matter.
      const merged = await timed(`merge ${format}`, ['merge', ...shards.reverse(), '--format', format], `merged.${format}`);
      expect(merged.stderr, format).toBe('');
      expect(merged.status, format).toBe(1);
      expect(merged.report === unsharded[format], `merged ${format} equals the unsharded output`).toBe(true);
    }
  });

  it('keeps every branch in one shard, uses every file once, and balances bytes within 20%', async () => {
    const shardOf = new Map<string, number>();
    shardFiles.forEach((files, index) => files.forEach((file) => shardOf.set(file, index)));
    expect(shardOf.size).toBe(Object.keys(corpus.files).length);
    expect(shardFiles.flat()).toHaveLength(shardOf.size);
    const branchShard = new Map<string, number>();
    for (const [file, branch] of corpus.branchOf) {
      const shard = shardOf.get(file)!;
      expect(branchShard.get(branch) ?? shard, `${branch} stays in one shard`).toBe(shard);
      branchShard.set(branch, shard);
    }
    const bytes = shardFiles.map((files) => files.reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0));
    const spread = (Math.max(...bytes) - Math.min(...bytes)) / Math.max(...bytes);
    console.log(`shard bytes ${bytes.join(' / ')} (spread ${(spread * 100).toFixed(2)}%), files ${shardFiles.map((f) => f.length).join(' / ')}`);
    console.log(`timings (ms): ${JSON.stringify(timings)}`);
    expect(spread).toBeLessThan(0.2);
  });

  it('lists at most 500 findings in Markdown and says how many more there are', async () => {
    const total = JSON.parse(unsharded.json).findings.length;
    expect(total).toBeGreaterThan(500);
    const rows = unsharded.markdown.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line));
    expect(rows).toHaveLength(500);
    expect(unsharded.markdown).toContain(`仅列出前 500 条，共 ${total} 条。`);
  });

  it('partitions the same way on every run', async () => {
    await runMain(['check', 'logs', '--as-of', AS_OF, '--format', 'json', '--shard', `2/${SHARDS}`, '-o', 'again.json'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'shard-2.json'), 'utf8'));
  });

  it('refuses an incomplete or inconsistent set of shards', async () => {
    const en = (args: string[]) => runMain([...args, '--lang', 'en'], { cwd: dir });
    expect(await en(['merge', 'shard-1.json', 'shard-2.json', 'shard-4.json'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: The results of shard 3/4 are missing; merge needs every shard\n',
    });
    expect((await en(['merge', 'shard-1.json', 'shard-1.json'])).stderr).toBe('dangjian: Shard 1/4 is given twice: shard-1.json and shard-1.json\n');
    await runMain(['check', 'logs', '--as-of', AS_OF, '--format', 'json', '--shard', '1/2', '-o', 'half-1.json'], { cwd: dir });
    expect((await en(['merge', 'shard-1.json', 'half-1.json'])).stderr).toBe(
      'dangjian: half-1.json is one of 2 shards but shard-1.json is one of 4; merge all the results of one partition\n',
    );
    await runMain(['check', 'logs', '--as-of', '2026-06-30', '--format', 'json', '--shard', '2/4', '-o', 'other-day.json'], { cwd: dir });
    expect((await en(['merge', 'shard-1.json', 'other-day.json'])).stderr).toBe(
      'dangjian: other-day.json was checked as of 2026-06-30 but shard-1.json as of 2026-07-01; only results with the same as-of date can be merged\n',
    );
    expect((await en(['merge', 'unsharded.json', 'shard-1.json'])).stderr).toBe(
      'dangjian: unsharded.json is not the result of a --shard run and cannot be merged with shard results\n',
    );
  });
});

describe('merge inputs', () => {
  const tree = () =>
    tempTree({
      'sarif.json': '{"version":"2.1.0","runs":[]}',
      'broken.json': '{"version": 1, "asOf": "2026-07-01", "findings": [',
      'finding.json': JSON.stringify({ version: 1, asOf: '2026-07-01', findings: [{ ruleId: 'x', severity: 'fatal', file: 'a', line: 1, column: 1, message: 'm' }], summary: { files: 1, branches: 1 } }),
      'v2.json': JSON.stringify({ version: 2, asOf: '2026-07-01', findings: [], summary: { files: 0, branches: 0 } }),
      'empty.json': JSON.stringify({ version: 1, asOf: '2026-07-01', findings: [], summary: { files: 2, branches: 1, errors: 0, warnings: 0, waived: 0 } }),
    });

  it('names the file that is not a check --format json result', async () => {
    const dir = tree();
    for (const file of ['sarif.json', 'broken.json', 'finding.json']) {
      expect(await runMain(['merge', file], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: `dangjian: ${file} 不是 dangjian check --format json 的输出，无法合并\n` });
      expect((await runMain(['merge', file, '--lang', 'en'], { cwd: dir })).stderr).toBe(`dangjian: ${file} is not the output of dangjian check --format json and cannot be merged\n`);
    }
    expect((await runMain(['merge', 'v2.json', '--lang', 'en'], { cwd: dir })).stderr).toBe('dangjian: v2.json is a result of format version 2; this dangjian merges version 1 results only\n');
    expect((await runMain(['merge', 'missing.json'], { cwd: dir })).stderr).toBe('dangjian: 无法读取 missing.json（ENOENT）\n');
  });

  it('masks personal numbers in a result edited by hand', async () => {
    const edited = { version: 1, asOf: '2026-07-01', findings: [{ ruleId: 'first-topic', severity: 'error', file: 'a.yaml', line: 1, column: 1, message: '联系 13812345678 或 11010519491231002X' }], summary: { files: 1, branches: 1 } };
    const dir = tempTree({ 'edited.json': JSON.stringify(edited) });
    const result = await runMain(['merge', 'edited.json', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].message).toBe('联系 138****5678 或 1101**********002X');
  });

  it('converts one saved result to another format, exiting 0 when nothing failed', async () => {
    const result = await runMain(['merge', 'empty.json', '--format', 'markdown', '--lang', 'en'], { cwd: tree() });
    expect(result).toEqual({
      status: 0,
      stdout: '## dangjian check results\n\n✅ No problems (as of 2026-07-01; 2 files, 1 branch checked)\n\nEvaluated from 2026-01-01\n',
      stderr: '',
    });
  });
});

describe('--shard values', () => {
  it.each(['0/4', '5/4', 'a/b', '1/0', '2', '1/4/2', '-1/4', '1/1001'])('%s is a usage error in both languages', async (value) => {
    const dir = tempTree({ 'a.yaml': 'version: 1\n' });
    expect(await runMain(['check', '.', '--shard', value], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: `dangjian: --shard 的值“${value}”无效，应写成 I/N，且 1 ≤ I ≤ N ≤ 1000，如 --shard 2/4\n`,
    });
    expect((await runMain(['check', '.', '--shard', value, '--lang', 'en'], { cwd: dir })).stderr).toBe(
      `dangjian: --shard "${value}" is not valid; write I/N with 1 ≤ I ≤ N ≤ 1000, e.g. --shard 2/4\n`,
    );
  });

  it('checks nothing in a shard that gets no files, and says so without failing', async () => {
    const dir = tempTree({ 'a.yaml': 'version: 1\nbranch:\n  id: a\n  name: 甲\n  members: 3\n' });
    const result = await runMain(['check', '.', '--as-of', '2026-01-01', '--shard', '2/2', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      asOf: '2026-01-01',
      since: '2026-01-01',
      findings: [],
      summary: { files: 0, branches: 0, errors: 0, warnings: 0, waived: 0 },
      shard: { index: 2, count: 2, files: [], branches: {}, lang: 'zh-CN', settings: expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
  });
});

describe('assignShards', () => {
  it('puts the largest group first into the lightest shard, ties in key order', async () => {
    const { assignShards } = await import('../src/load/shard.js');
    const group = (key: string, bytes: number) => ({ key, files: [], bytes });
    const shards = assignShards([group('id:c', 10), group('id:a', 10), group('file:z', 30), group('id:b', 10), group('id:d', 5)], 3);
    expect(shards.map((groups) => groups.map((g) => g.key))).toEqual([['file:z'], ['id:a', 'id:c'], ['id:b', 'id:d']]);
  });
});
