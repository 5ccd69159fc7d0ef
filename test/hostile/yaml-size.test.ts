/**
 * Hostile inputs, files dense with values up to the size limit: 1 MiB of flow collections 31 deep,
 * of empty lists, and a file at the limit of what the full YAML parser is given. Each is checked,
 * as a finding or a result, within a heap far smaller than the 300 MB a run may take.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, describeGroup, RECORD_RULES_OFF, type Case } from './catalogue.js';
import { atParserLimit, keysOf, lists, maps, oneLineActivities } from './dense-values.js';

const MORE = (count: number) => `此文件还有 ${count} 处格式问题没有逐一列出（可能选错了文件）。请先改正上面列出的问题，再重新检查`;
const TOO_MANY = '此处的写法需要完整的 YAML 解析才能读取（或者写错了），但文件中的值（字段、列表项、括号里的项）太多，完整解析读不了这么多。请检查此处的写法，或把文件拆分成几个较小的文件';

/** Keys x0…x99 on lines 6…105 are listed, the others counted in one finding on line 106. */
function unknownKeys(count: number): Case['expect'] {
  return [
    ...Array.from({ length: 100 }, (_, i): Case['expect'][number] => ['schema', 6 + i, 1, `未知字段“x${i}”。此处可用的字段有：version, branch, features, staff, activities, cases, waivers`]),
    ['schema', 106, 1, MORE(count - 100)],
  ];
}

const keyLists = keysOf('key-lists', lists(31));
const keyMaps = keysOf('key-maps', maps(31));
const lineLists = oneLineActivities('line-lists', lists(30));
const emptyLists = oneLineActivities('empty-lists', '[]', 'z: &a 1\n');
const limit = atParserLimit('limit');
const ITEM = lists(30).length + 2;

const cases: Case[] = [
  { name: '1 MiB of keys holding flow lists 31 deep', file: 'key-lists.yaml', content: keyLists.text, expect: unknownKeys(keyLists.count) },
  { name: '1 MiB of keys holding flow mappings 31 deep', file: 'key-maps.yaml', content: keyMaps.text, expect: unknownKeys(keyMaps.count) },
  {
    name: '1 MiB of activities, each flow lists 30 deep, on one line',
    file: 'line-lists.yaml',
    content: lineLists.text,
    expect: [
      ...Array.from({ length: 100 }, (_, i): Case['expect'][number] => ['schema', 6, 14 + ITEM * i, `activities 第 ${i + 1} 项要写成“字段: 值”的形式，例如 - { date: 2026-01-06, type: 活动类型 }，这里却是列表`]),
      ['schema', 6, 14 + ITEM * 100, MORE(lineLists.count - 100)],
    ],
  },
  {
    name: '1 MiB of empty lists, then an anchor: more values than the full parser is given',
    file: 'empty-lists.yaml',
    content: emptyLists.text,
    expect: [['yaml-syntax', 7, 4, TOO_MANY]],
    en: ['What is written here needs the full YAML parser (or is a mistake), but the file holds more values (keys, list items, items in brackets) than the full parser can take. Check what is written here, or split the file into smaller files'],
  },
  { name: 'as many values as the full parser is given, then an anchor', file: 'limit.yaml', content: limit.text, expect: [['yaml-syntax', 6 + limit.count, 4, '不支持 YAML 锚点（&）。台账应逐条写明内容，请删除 & 及其名称']] },
];

describeGroup('hostile input: files dense with values', cases);

describe('hostile input: dense files in a small heap', () => {
  it('checks them all with a 160 MB heap, as with no limit', () => {
    const dir = tempTree({
      [CONTROL_FILE]: CONTROL,
      'key-lists.yaml': keyLists.text,
      'line-lists.yaml': lineLists.text,
      'line-maps.yaml': oneLineActivities('line-maps', maps(30)).text,
      'empty-lists.yaml': emptyLists.text,
      'limit.yaml': limit.text,
    });
    const args = ['check', '.', '--as-of', AS_OF, '--format', 'json', ...RECORD_RULES_OFF];
    const usual = runCli(args, { cwd: dir });
    const small = spawnSync(process.execPath, ['--max-old-space-size=160', BIN, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', TZ: 'Asia/Shanghai' } });
    expect(usual.stderr).toBe('');
    expect({ status: small.status, stdout: small.stdout, stderr: small.stderr }).toEqual(usual);
    expect(JSON.parse(usual.stdout).summary.files).toBe(6);
  }, 300_000); // two runs over five 1 MiB files, on a busy machine
});
