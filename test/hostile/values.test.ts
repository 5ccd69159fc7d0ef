/** Hostile inputs, part 3: keys and values that YAML accepts but a log must not take at face value. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { checkFiles } from '../check-yaml.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runMain, tempTree } from '../helpers.js';
import { describeGroup, header, type Case } from './catalogue.js';

const ID = '110101199003074514'; // a valid check digit
const CARD = '6222021234567890128'; // passes Luhn
const MOBILE = '13800138000';

const TOP_FIELDS = 'version, branch, features, staff, activities, cases, waivers';
const BRANCH_FIELDS = 'id, name, parent, established, dissolved, members, groups, secretary, termStart';
const ACTIVITY_FIELDS =
  'date, type, title, firstTopic, attendance, assignments, electives, group, lecturer, lecturerRole, makeUpFor, place, host, recorder, agenda, resolution, absentees, votes, guests, evidence, planned';
const NOT_REAL = (value: string) => `日期（date）“${value}”不是真实存在的日期，请核对年、月、日`;
const NOT_DATE = (value: string) => `日期（date）应写成 YYYY-MM-DD 格式的日期（例如 2026-01-05），实际是“${value}”`;

const protoKeys = (indent: string) => `${indent}__proto__: { polluted: 1 }\n${indent}constructor: { prototype: { polluted: 1 } }\n${indent}prototype: { polluted: 1 }\n`;
const lecture = (date: string, title: string) => `  - date: ${date}\n    type: 党课\n    title: ${title}\n`;

export const valueCases: Case[] = [
  {
    name: '__proto__, constructor and prototype at the top level',
    file: 'proto-top.yaml',
    content: `${header('proto-top')}${protoKeys('')}`,
    expect: ['__proto__', 'constructor', 'prototype'].map((key, i) => ['schema', 6 + i, 1, `未知字段“${key}”。此处可用的字段有：${TOP_FIELDS}`]),
  },
  {
    name: '__proto__, constructor and prototype in branch',
    file: 'proto-branch.yaml',
    content: `${header('proto-branch')}${protoKeys('  ')}`,
    expect: ['__proto__', 'constructor', 'prototype'].map((key, i) => ['schema', 6 + i, 3, `未知字段“${key}”。此处可用的字段有：${BRANCH_FIELDS}`]),
  },
  {
    name: '__proto__, constructor and prototype in an activity, and as a type',
    file: 'proto-activity.yaml',
    content: `${header('proto-activity')}activities:\n  - date: 2026-01-06\n    type: 党课\n${protoKeys('    ')}  - date: 2026-01-07\n    type: constructor\n  - date: 2026-01-08\n    type: __proto__\n`,
    expect: [
      ...['__proto__', 'constructor', 'prototype'].map((key, i): Case['expect'][number] => ['schema', 9 + i, 5, `未知字段“${key}”。此处可用的字段有：${ACTIVITY_FIELDS}`]),
      ['schema', 13, 11, '未知的活动类型“constructor”。可用 dangjian rules 查看要求，或查阅台账格式中的活动类型表'],
      ['schema', 15, 11, '未知的活动类型“__proto__”。可用 dangjian rules 查看要求，或查阅台账格式中的活动类型表'],
    ],
  },
  {
    name: 'dates that are not dates',
    file: 'dates.yaml',
    content: `${header('dates')}activities:\n${['2026-02-30', '2026-13-01', '20260101', '2026/01/05', '2026-1-5', "'2026-01-05 '"].map((d) => `  - date: ${d}\n    type: 党课\n`).join('')}`,
    expect: [
      ['schema', 7, 11, NOT_REAL('2026-02-30')],
      ['schema', 9, 11, NOT_REAL('2026-13-01')],
      ['schema', 11, 11, NOT_DATE('20260101')],
      // Written another way: --fix repairs it.
      ['schema', 13, 11, '日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026/01/05”应写作 2026-01-05。可用 --fix 自动修复'],
      ['schema', 15, 11, '日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026-1-5”应写作 2026-01-05。可用 --fix 自动修复'],
      ['schema', 17, 11, '日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026-01-05 ”应写作 2026-01-05。可用 --fix 自动修复'],
    ],
    en: [
      'date "2026-02-30" is not a real calendar date; check the year, month and day',
      'date "2026-13-01" is not a real calendar date; check the year, month and day',
      'date must be a date written YYYY-MM-DD (for example 2026-01-05), not "20260101"',
      'date is written YYYY-MM-DD: write “2026/01/05” as 2026-01-05. --fix repairs this',
      'date is written YYYY-MM-DD: write “2026-1-5” as 2026-01-05. --fix repairs this',
      'date is written YYYY-MM-DD: write “2026-01-05 ” as 2026-01-05. --fix repairs this',
    ],
  },
  {
    name: 'a year out of range (0026 for 2026) and a bad date inside a list',
    file: 'dates-year.yaml',
    content: `${header('dates-year')}activities:\n  - date: 0026-01-05\n    type: 党课\ncases:\n  - id: 1\n    date: 2026-01-05\n    trigger: 生病住院\n    followUps: [2026-01-06, 2026-01-32]\n`,
    expect: [
      ['schema', 7, 11, '日期（date）“0026-01-05”超出范围：日期应在 1900 年至 2999 年之间'],
      ['schema', 13, 29, 'followUps 第 2 项“2026-01-32”不是真实存在的日期，请核对年、月、日'],
    ],
    en: ['date "0026-01-05" is out of range: a date must lie between the years 1900 and 2999', 'followUps item 2 "2026-01-32" is not a real calendar date; check the year, month and day'],
  },
  {
    name: 'an impossible date in the branch header excludes the file',
    file: 'dates-header.yaml',
    content: `${header('dates-header')}`.replace('  members: 10\n', '  members: 10\n  established: 2026-02-29\n'),
    expect: [['schema', 6, 16, '成立日期（established）“2026-02-29”不是真实存在的日期，请核对年、月、日']],
  },
  {
    name: 'a full-width colon after a key',
    file: 'fullwidth-colon.yaml',
    content: `${header('fullwidth-colon')}activities:\n  - date: 2026-01-06\n    type：党课\n`,
    expect: [['yaml-syntax', 8, 9, '第 8 行用了中文冒号“：”，字段名后要用英文冒号“:”加一个空格。应改为“    type: 党课”。可用 --fix 自动修复']],
    en: ['Line 8 has a full-width colon “：”; a key is followed by an ASCII colon “:” and a space. Write “    type: 党课”. --fix repairs this'],
  },
  {
    name: 'full-width spaces as indentation (parses as a new top-level key)',
    file: 'fullwidth-indent.yaml',
    content: `${header('fullwidth-indent')}activities:\n  - date: 2026-01-06\n\u3000\u3000type: 党课\n`,
    expect: [
      ['schema', 7, 5, '缺少必填字段 活动类型（type）'],
      ['schema', 8, 1, '无法识别字段名“\u3000\u3000type”。提示：此处可能用了中文全角空格，缩进和冒号后请使用英文半角空格'],
    ],
    en: ['Missing required field type', 'The key "\u3000\u3000type" is not recognised. Hint: this may be a full-width space; use ASCII spaces for indentation and after colons'],
  },
  {
    name: 'a full-width space after a colon',
    file: 'fullwidth-space.yaml',
    content: `${header('fullwidth-space')}activities:\n  - date: 2026-01-06\n    type:\u3000党课\n`,
    expect: [['yaml-syntax', 8, 10, '第 8 行用了中文全角空格，缩进和冒号后要用英文半角空格。应改为“    type: 党课”。可用 --fix 自动修复']],
  },
  {
    name: 'a full-width dash for a list item',
    file: 'fullwidth-dash.yaml',
    content: `${header('fullwidth-dash')}activities:\n  － date: 2026-01-06\n    type: 党课\n`,
    expect: [['yaml-syntax', 7, 3, '第 7 行的列表项用了中文破折号或全角“－”，要以英文短横线“-”加空格开头。应改为“  - date: 2026-01-06”。可用 --fix 自动修复']],
  },
  {
    name: 'a full-width comma between types',
    file: 'fullwidth-comma.yaml',
    content: `${header('fullwidth-comma')}activities:\n  - date: 2026-01-06\n    type: 党课，党纪教育\n  - date: 2026-01-07\n    type: [党课、党纪教育]\n`,
    expect: [
      ['schema', 8, 11, '活动类型“党课，党纪教育”中有逗号或顿号。一次活动满足多项要求时，请写成列表，如 [主题党日, 党规党纪教育]'],
      ['schema', 10, 12, '活动类型“党课、党纪教育”中有逗号或顿号。一次活动满足多项要求时，请写成列表，如 [主题党日, 党规党纪教育]'],
    ],
    en: [
      'The activity type "党课，党纪教育" contains a comma. For an activity that serves several requirements, write a list such as [party-day, discipline-education]',
      'The activity type "党课、党纪教育" contains a comma. For an activity that serves several requirements, write a list such as [party-day, discipline-education]',
    ],
  },
  {
    name: '# inside an unquoted title is text; after a space it starts a comment',
    file: 'hash.yaml',
    // 学习#第一章 stays whole, so it is no repeat; "学习 #注释" is 学习, so the third record repeats it.
    content: `${header('hash')}activities:\n${lecture('2026-01-10', '学习#第一章')}${lecture('2026-01-10', '学习 #注释')}${lecture('2026-01-10', '学习')}`,
    expect: [['duplicate-activity', 13, 5, '2026-01-10 的这项活动与 hash.yaml:10 的记录重复（日期、类型、标题、党小组都相同），只计一次']],
  },
  {
    name: 'CR-only line ends (old Mac editors): positions stay right',
    file: 'cr.yaml',
    content: `${header('cr')}activities:\n  - date: 2026-02-30\n    type: 党课\n# ${MOBILE}\n`.replace(/\n/g, '\r'),
    expect: [
      ['schema', 7, 11, NOT_REAL('2026-02-30')],
      ['no-personal-data', 9, 3, '此处有手机号 138****8000。台账里不记联系方式：请删去号码，要联系时查职工花名册'],
    ],
  },
  {
    name: 'CRLF line ends: positions stay right',
    file: 'crlf.yaml',
    content: `${header('crlf')}activities:\n  - date: 2026-02-30\n    type: 党课\n# ${MOBILE}\n`.replace(/\n/g, '\r\n'),
    expect: [
      ['schema', 7, 11, NOT_REAL('2026-02-30')],
      ['no-personal-data', 9, 3, '此处有手机号 138****8000。台账里不记联系方式：请删去号码，要联系时查职工花名册'],
    ],
  },
  {
    name: 'a tab in the indentation',
    file: 'tab.yaml',
    content: `${header('tab')}activities:\n\t- date: 2026-01-06\n\t  type: 党课\n`,
    expect: [['yaml-syntax', 7, 2, '第 7 行用 Tab 键缩进，YAML 只能用空格缩进。应改为“  - date: 2026-01-06”。可用 --fix 自动修复']],
    en: ['Line 7 is indented with a tab; YAML indents with spaces only. Write “  - date: 2026-01-06”. --fix repairs this'],
  },
  {
    name: 'long digit strings unquoted and quoted keep every digit',
    file: 'digits.yaml',
    // Read through a JavaScript number, the ID would end in …4500 (no longer a valid ID, so printed
    // unmasked) and the card in …0100; the masks below show the last four digits intact.
    content: `${header('digits')}cases:\n  - id: ${ID}\n    date: 2026-01-05\n    trigger: 生病住院\n  - id: ${CARD}\n    date: 2026-01-05\n    trigger: 生病住院\n  - id: "${ID}"\n    date: 2026-01-05\n    trigger: 生病住院\n`,
    expect: [
      ['case-follow-up', 7, 5, '情况 1101**********4514（2026-01-05）至今未跟进，已超过 7 天的期限（2026-01-12）'],
      ['no-personal-data', 7, 9, '此处有身份证号 1101**********4514。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可'],
      ['case-follow-up', 10, 5, '情况 6222***********0128（2026-01-05）至今未跟进，已超过 7 天的期限（2026-01-12）'],
      ['no-personal-data', 10, 9, '此处有银行卡号 6222***********0128。台账里不记银行卡号：帮扶、慰问写明金额和经办部门即可，请删去卡号'],
      ['case-follow-up', 13, 5, '情况 1101**********4514（2026-01-05）至今未跟进，已超过 7 天的期限（2026-01-12）'],
      ['no-personal-data', 13, 10, '此处有身份证号 1101**********4514。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可'],
    ],
    en: [
      'Case 1101**********4514 (2026-01-05) has not been followed up, and the 7-day limit (2026-01-12) has passed',
      'An ID number 1101**********4514 appears here. A log never holds ID numbers: to say which employee, write their staff number (e.g. E0123); elsewhere a name is enough',
      'Case 6222***********0128 (2026-01-05) has not been followed up, and the 7-day limit (2026-01-12) has passed',
      'A bank card number 6222***********0128 appears here. A log holds no card numbers: for help or a payment, write the amount and the office that paid; remove the number',
      'Case 1101**********4514 (2026-01-05) has not been followed up, and the 7-day limit (2026-01-12) has passed',
      'An ID number 1101**********4514 appears here. A log never holds ID numbers: to say which employee, write their staff number (e.g. E0123); elsewhere a name is enough',
    ],
  },
  {
    name: 'an 18-digit number as a key keeps every digit',
    file: 'digits-key.yaml',
    content: `${header('digits-key')}${ID}: 1\n`,
    expect: [
      ['no-personal-data', 6, 1, '此处有身份证号 1101**********4514。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可'],
      ['schema', 6, 1, `未知字段“1101**********4514”。此处可用的字段有：${TOP_FIELDS}`],
    ],
  },
  {
    name: 'mobile numbers and bank cards in every spelling',
    file: 'personal.yaml',
    content: `${header('personal')}# 联系人 +86 138 0013 8000\nactivities:\n  - date: 2026-01-06\n    type: 党课\n    title: 电话８６１３９００１３９０００，卡号 6222 0212 3456 7890 128\n`,
    expect: [
      ['no-personal-data', 6, 7, '此处有手机号 138****8000。台账里不记联系方式：请删去号码，要联系时查职工花名册'],
      ['no-personal-data', 10, 14, '此处有手机号 139****9000。台账里不记联系方式：请删去号码，要联系时查职工花名册'],
      ['no-personal-data', 10, 31, '此处有银行卡号 6222***********0128。台账里不记银行卡号：帮扶、慰问写明金额和经办部门即可，请删去卡号'],
    ],
    en: [
      'A mobile number 138****8000 appears here. A log holds no contact details: remove the number; the staff roster has it',
      'A mobile number 139****9000 appears here. A log holds no contact details: remove the number; the staff roster has it',
      'A bank card number 6222***********0128 appears here. A log holds no card numbers: for help or a payment, write the amount and the office that paid; remove the number',
    ],
  },
];

describeGroup('hostile input: keys and values', valueCases);

describe('no prototype pollution', () => {
  it('keeps __proto__, constructor and prototype keys as data, in logs and in the configuration', async () => {
    const files = Object.fromEntries(valueCases.filter((c) => c.file.startsWith('proto')).map((c) => [c.file, c.content as string]));
    const findings = await checkFiles(files, { asOf: '2026-01-31' });
    expect(findings.filter((f) => f.ruleId === 'schema')).toHaveLength(11);
    const config = tempTree({ 'dangjian.config.yaml': 'rules:\n  __proto__: { polluted: 1 }\n' });
    expect(() => loadConfig(config, undefined)).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile values: import options that Number() would take', () => {
  it.each([
    ['--members', '1e2', 'dangjian: --members 须为不小于 1 的整数：1e2\n'],
    ['--members', '0x10', 'dangjian: --members 须为不小于 1 的整数：0x10\n'],
    ['--members', '10.0', 'dangjian: --members 须为不小于 1 的整数：10.0\n'],
    ['--members', '99999999999999999999', 'dangjian: --members 须为不小于 1 的整数：99999999999999999999\n'],
    ['--year', '2e3', 'dangjian: --year 须为四位年份，如 2026：2e3\n'],
    ['--year', '0x7E6', 'dangjian: --year 须为四位年份，如 2026：0x7E6\n'],
  ])('%s %s: a usage error, nothing written', async (option, value, stderr) => {
    const dir = tempTree({ 'in.csv': '日期,类型,标题\n2026-01-05,党课,党课\n' });
    expect(await runMain(['import', 'in.csv', '-o', 'out.yaml', option, value], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr });
    expect(existsSync(path.join(dir, 'out.yaml'))).toBe(false);
  });
});
