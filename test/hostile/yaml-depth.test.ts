/**
 * Hostile inputs, YAML that nests the parser one level per line: the finding is the mistake on the
 * line where it starts, the same for 1,806 lines, ten times as many or a whole 1 MiB file, in this
 * thread or in worker threads (their stacks differ in size).
 */
import { describeGroup, header, type Case } from './catalogue.js';
import { overIndentedList, overIndentedMap, SIZE_LIMIT } from './deep-lines.js';

const MAP_FINDING: Case['expect'] = [['yaml-syntax', 8, 5, '第 8 行的缩进（4 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“  k0: v0”（2 个空格）。可用 --fix 自动修复']];
const LIST_FINDING: Case['expect'] = [['yaml-syntax', 8, 7, '第 8 行的缩进（6 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“    - date: 2026-01-01”（4 个空格）。可用 --fix 自动修复']];

const cases: Case[] = [
  {
    name: 'keys indented under a key with a value, 1,806 lines, then a top-level key',
    file: 'map.yaml',
    content: overIndentedMap('map', 1806),
    expect: MAP_FINDING,
    en: ['Line 8 is indented by 4 spaces, out of line with the other lines at its level: keys of one level start in the same column. Write “  k0: v0” (2 spaces). --fix repairs this'],
  },
  { name: 'the same, 18,060 lines', file: 'map-10x.yaml', content: overIndentedMap('map-10x', 18_060), expect: MAP_FINDING },
  { name: 'the same, up to the 1 MiB size limit', file: 'map-1mib.yaml', content: overIndentedMap('map-1mib', Infinity, SIZE_LIMIT), expect: MAP_FINDING },
  { name: 'list items indented under an item, 700 items, then a top-level key', file: 'list.yaml', content: overIndentedList('list', 700), expect: LIST_FINDING },
  { name: 'the same, 7,000 items', file: 'list-10x.yaml', content: overIndentedList('list-10x', 7000), expect: LIST_FINDING },
  { name: 'the same, up to the 1 MiB size limit', file: 'list-1mib.yaml', content: overIndentedList('list-1mib', Infinity, SIZE_LIMIT), expect: LIST_FINDING },
  {
    name: 'a list under a key that has a value of its own',
    file: 'continued.yaml',
    content: `${header('continued')}activities: 见下\n${'  - date: 2026-01-05\n    type: 党课\n'.repeat(900)}staff: []\n`,
    expect: [['yaml-syntax', 7, 3, '第 7 行比第 6 行的字段“activities”缩进更深，会被读成“activities”的值的续行，而“activities”在自己那一行已经写了值。同一层的字段要左端对齐：请让第 7 行与“activities”对齐；如果它属于“activities”，请删去“activities:”后面的值']],
    en: ['Line 7 is indented further than the key “activities” on line 6, so it reads as the continuation of that key\'s value, but “activities” already has its value on its own line. Keys of one level start in the same column: align line 7 with “activities”; if it belongs under “activities”, remove the value after “activities:”'],
  },
];

describeGroup('hostile input: lines that nest the YAML parser one level each', cases);
