/** Hostile inputs, part 2: YAML that is not one plain mapping, or that attacks the parser. */
import { describeGroup, header, type Case } from './catalogue.js';

const EMPTY = '文件是空的。支部台账至少要写 version: 1 和 branch（支部信息）';
const NOT_MAPPING = (actual: string) => `支部台账应是一个映射（“字段: 值”），这里却是${actual}。请参照示例，以 version: 1 和 branch: 开头`;
const TOO_DEEP = '嵌套层级过深（超过 32 层）。台账的结构不会这么深，请检查缩进或括号是否写错';
const DUPLICATE = '同一层级出现了重复的字段名。每个字段只能写一次，请删除或合并重复的一项';
const ANCHOR = '不支持 YAML 锚点（&）。台账应逐条写明内容，请删除 & 及其名称';
const ALIAS = '不支持 YAML 别名（*）。台账应逐条写明内容，请把引用处改写为完整内容';
const TAG = '不支持 YAML 标签（! 或 !!）。请删除标签，直接写值';
const MERGE = '不支持 YAML 合并键（<<）。请把要合并的字段逐项写出';
const DIRECTIVE = '不支持 YAML 指令（以 % 开头的行）。请删除此行';

const meeting = '  - date: 2026-01-06\n    type: 支委会\n    firstTopic: 学习党章\n';

/** Nesting far beyond the limit, generated here rather than committed. */
const DEPTH = 10_000;
const flowLists = `${header('flow-lists')}activities: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`;
const flowMaps = `${header('flow-maps')}activities: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`;
const blockLists = `${header('block-lists')}activities:\n${'- '.repeat(DEPTH)}x\n`;
// Block mappings need one more space per level: 1,000 levels stay within the default size limit.
// The 33rd level is k31 (version and features are the first), on line 38.
const blockMaps = `${header('block-maps')}features:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
const manyKeys = `${header('many-keys')}${Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;
const manyBadItems = `${header('many-bad-items')}activities:\n${Array.from({ length: 16_000 }, (_, i) => `  - {date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}, type: 12}`).join('\n')}\n`;
const laughs = `${header('laughs')}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`;
// The keys k0…k99 are listed; the other 49,900 are counted in one finding at k100 (line 106).
const manyKeysFindings: Case['expect'] = [
  ...Array.from({ length: 100 }, (_, i): Case['expect'][number] => ['schema', 6 + i, 1, `未知字段“k${i}”。此处可用的字段有：version, branch, features, staff, activities, cases, waivers`]),
  ['schema', 106, 1, '此文件还有 49900 处格式问题没有逐一列出（可能选错了文件）。请先改正上面列出的问题，再重新检查'],
].sort((a, b) => a[1] - b[1] || (a[3] < b[3] ? -1 : 1));

const manyBadItemsFindings: Case['expect'] = [
  ...Array.from({ length: 100 }, (_, i): Case['expect'][number] => ['schema', 7 + i, 30, '活动类型（type）应为一个活动类型，或活动类型的列表']),
  ['schema', 107, 24, '此文件还有 15900 处格式问题没有逐一列出（可能选错了文件）。请先改正上面列出的问题，再重新检查'],
];

const cases: Case[] = [
  { name: 'an empty file', file: 'empty.yaml', content: '', expect: [['schema', 1, 1, EMPTY]], en: ['The file is empty. A branch log needs at least version: 1 and branch'] },
  { name: 'a byte order mark and nothing else', file: 'bom-only.yaml', content: '\ufeff', expect: [['schema', 1, 1, EMPTY]] },
  { name: 'blank lines only', file: 'blank.yaml', content: '   \n\n  \n', expect: [['schema', 1, 1, EMPTY]] },
  { name: 'comments only', file: 'comments.yaml', content: '# 只有注释\n# comments only\n', expect: [['schema', 1, 1, EMPTY]] },
  { name: 'a YAML list', file: 'list.yaml', content: '- version: 1\n- branch: x\n', expect: [['schema', 1, 1, NOT_MAPPING('列表')]], en: ['A branch log is a mapping (key: value), but this is a list. Start from an example, with version: 1 and branch:'] },
  { name: 'a scalar', file: 'scalar.yaml', content: '支部台账\n', expect: [['schema', 1, 1, NOT_MAPPING('文字')]] },
  { name: 'a number', file: 'number.yaml', content: '2026\n', expect: [['schema', 1, 1, NOT_MAPPING('整数')]] },
  {
    name: 'several documents',
    file: 'documents.yaml',
    content: `${header('documents')}---\n${header('documents-2')}---\n${header('documents-3')}`,
    expect: [['yaml-syntax', 6, 1, '文件包含 3 个 YAML 文档（用 --- 分隔）。一个文件只能写一个支部台账，请拆分成多个文件']],
    en: ['The file holds 3 YAML documents (separated by ---). A file holds one branch log: split it into several files'],
  },
  { name: 'one document with explicit start and end markers is fine', file: 'markers.yaml', content: `---\n${header('markers')}...\n`, expect: [] },
  { name: '10,000-deep flow lists', file: 'deep-flow-lists.yaml', content: flowLists, expect: [['yaml-syntax', 6, 44, TOO_DEEP]] },
  { name: '10,000-deep flow mappings', file: 'deep-flow-maps.yaml', content: flowMaps, expect: [['yaml-syntax', 6, 137, TOO_DEEP]] },
  { name: '10,000-deep block lists', file: 'deep-block-lists.yaml', content: blockLists, expect: [['yaml-syntax', 7, 1, TOO_DEEP]], en: ['The nesting is too deep (more than 32 levels). A branch log is never this deep: check the indentation and brackets'] },
  { name: '1,000-deep block mappings', file: 'deep-block-maps.yaml', content: blockMaps, expect: [['yaml-syntax', 38, 33, TOO_DEEP]] },
  { name: '50,000 unknown keys', file: 'many-keys.yaml', content: manyKeys, expect: manyKeysFindings },
  { name: '16,000 activities with a bad type', file: 'many-bad-items.yaml', content: manyBadItems, expect: manyBadItemsFindings },
  {
    name: 'a duplicate key',
    file: 'duplicate.yaml',
    content: `${header('duplicate')}activities:\n${meeting}activities: []\n`,
    expect: [['yaml-syntax', 10, 1, DUPLICATE]],
    en: ['A key is repeated at the same level. Each key may appear once: remove or merge the repeat'],
  },
  { name: 'a duplicate key inside an activity', file: 'duplicate-nested.yaml', content: `${header('duplicate-nested')}activities:\n${meeting}    date: 2026-01-07\n`, expect: [['yaml-syntax', 10, 5, DUPLICATE]] },
  { name: 'the same key as a number and as a string', file: 'duplicate-typed.yaml', content: `${header('duplicate-typed')}features:\n  - year: 2026\n    feature: 安全\n    highlight: 家庭\n    "year": 2025\n`, expect: [['yaml-syntax', 10, 5, DUPLICATE]] },
  { name: 'the billion laughs', file: 'laughs.yaml', content: laughs, expect: [['yaml-syntax', 6, 4, ANCHOR]] },
  { name: 'an alias without an anchor', file: 'alias.yaml', content: `${header('alias')}activities:\n  - *meeting\n`, expect: [['yaml-syntax', 7, 5, ALIAS]], en: ['YAML aliases (*) are not supported. Replace the reference with the full content'] },
  { name: 'a custom tag', file: 'tag.yaml', content: `${header('tag')}activities:\n  - date: !date 2026-01-06\n    type: 支委会\n`, expect: [['yaml-syntax', 7, 11, TAG]] },
  { name: '!!binary', file: 'binary.yaml', content: `${header('binary')}staff: !!binary aGVsbG8=\n`, expect: [['yaml-syntax', 6, 8, TAG]], en: ['YAML tags (! or !!) are not supported. Remove the tag and write the value itself'] },
  { name: 'a << merge key', file: 'merge.yaml', content: `${header('merge')}activities:\n  - <<: { date: 2026-01-06 }\n    type: 支委会\n`, expect: [['yaml-syntax', 7, 5, MERGE]] },
  { name: 'a %YAML directive', file: 'directive-yaml.yaml', content: `%YAML 1.1\n---\n${header('directive-yaml')}`, expect: [['yaml-syntax', 1, 1, DIRECTIVE]], en: ['YAML directives (lines starting with %) are not supported. Remove this line'] },
  { name: 'a %TAG directive after a comment', file: 'directive-tag.yaml', content: `# 台账\n%TAG !e! tag:example.com,2026:\n---\n${header('directive-tag')}activities: !e!list []\n`, expect: [['yaml-syntax', 2, 1, DIRECTIVE]] },
  { name: 'a complex key', file: 'complex-key.yaml', content: `${header('complex-key')}? [a, b]\n: 1\n`, expect: [['yaml-syntax', 6, 3, '字段名必须是简单文字，不能是列表或映射']] },
];

describeGroup('hostile input: YAML shape and parser attacks', cases);
