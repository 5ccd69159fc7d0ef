/**
 * Messages a secretary can act on: the actual mistake named, with the corrected line or the shape to
 * write, in both languages; and every mistake that --fix repairs says so.
 */
import { describe, expect, it } from 'vitest';
import { header, runMain, tempTree } from './helpers.js';

async function messages(body: string, lang: 'zh-CN' | 'en'): Promise<string[]> {
  const dir = tempTree({ 'b.yaml': header('b1', body) });
  const result = await runMain(['check', 'b.yaml', '--as-of', '2026-02-01', '--format', 'json', '--lang', lang], { cwd: dir });
  return (JSON.parse(result.stdout).findings as { ruleId: string; line: number; message: string }[])
    .filter((f) => ['schema', 'yaml-syntax'].includes(f.ruleId))
    .map((f) => `${f.line}: ${f.message}`);
}

const CASES: { name: string; body: string; zh: string[]; en: string[] }[] = [
  {
    name: 'a missing space after a colon',
    body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    title:三月支委会\n',
    zh: ['9: 第 9 行冒号后少了空格：YAML 的“字段: 值”中，冒号后要有一个空格。应改为“    title: 三月支委会”。可用 --fix 自动修复'],
    en: ['9: Line 9 lacks a space after the colon: YAML writes “key: value” with one space after the colon. Write “    title: 三月支委会”. --fix repairs this'],
  },
  {
    name: 'a line indented by one space too many',
    body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n     title: 一月支委会\n',
    zh: ['9: 第 9 行的缩进（5 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“    title: 一月支委会”（4 个空格）。可用 --fix 自动修复'],
    en: ['9: Line 9 is indented by 5 spaces, out of line with the other lines at its level: keys of one level start in the same column. Write “    title: 一月支委会” (4 spaces). --fix repairs this'],
  },
  {
    name: 'an item indented by three spaces',
    body: 'activities:\n   - date: 2026-01-06\n     type: 支委会\n  - date: 2026-01-07\n    type: 支委会\n',
    zh: ['7: 第 7 行的缩进（3 个空格）与同一层的其他行没有对齐：同一层的字段要左端对齐。应改为“  - date: 2026-01-06”（2 个空格）。可用 --fix 自动修复'],
    en: ['7: Line 7 is indented by 3 spaces, out of line with the other lines at its level: keys of one level start in the same column. Write “  - date: 2026-01-06” (2 spaces). --fix repairs this'],
  },
  {
    name: 'items under the [] placeholder',
    body: 'features: []\n  - { year: 2026, feature: 安全先锋, highlight: 亲情安全文化进家庭 }\n',
    zh: ['6: 第 6 行的“[]”表示空列表，它下面就不能再写条目了。请删去“[]”，改为“features:”。可用 --fix 自动修复'],
    en: ['6: On line 6, “[]” is an empty list, so no items can follow it. Remove the “[]”: write “features:”. --fix repairs this'],
  },
  {
    name: 'a full-width colon',
    body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    title：一月支委会\n',
    zh: ['9: 第 9 行用了中文冒号“：”，字段名后要用英文冒号“:”加一个空格。应改为“    title: 一月支委会”。可用 --fix 自动修复'],
    en: ['9: Line 9 has a full-width colon “：”; a key is followed by an ASCII colon “:” and a space. Write “    title: 一月支委会”. --fix repairs this'],
  },
  {
    name: 'a Chinese field name, once, and no "missing date" beside it',
    body: 'activities:\n  - 日期: 2026-01-06\n    type: 支委会\n',
    zh: ['7: 字段名要用英文：日期（date）请写作“date:”。可用 --fix 自动修复'],
    en: ['7: Field names are English: write “date:” for 日期 (date). --fix repairs this'],
  },
  {
    name: 'a mapping written as a number: the shape to write',
    body: 'activities:\n  - date: 2026-01-06\n    type: 支委会\n    attendance: 5\n',
    zh: ['9: 出席情况（attendance）要写成“字段: 值”的形式，例如 attendance: { expected: 5, present: 5 }，这里却是整数'],
    en: ['9: attendance takes fields with values, for example attendance: { expected: 5, present: 5 }; here it is a whole number'],
  },
  {
    name: 'a list written as text: the list to write',
    body: 'activities:\n  - date: 2026-01-06\n    type: 主题党日\n    assignments: 学习党章第一章\n',
    zh: ['9: 规定作业（assignments）要写成列表（方括号），例如 assignments: [学习党章第一章]，这里却是文字'],
    en: ['9: assignments is a list in square brackets, for example assignments: [学习党章第一章]; here it is text'],
  },
  {
    name: 'dates written the ways people write them',
    body: 'activities:\n  - date: 2026.1.6\n    type: 支委会\n  - date: 2026年1月26日\n    type: 支委会\n',
    zh: ['7: 日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026.1.6”应写作 2026-01-06。可用 --fix 自动修复', '9: 日期（date）要写成“年-月-日”（YYYY-MM-DD），“2026年1月26日”应写作 2026-01-26。可用 --fix 自动修复'],
    en: ['7: date is written YYYY-MM-DD: write “2026.1.6” as 2026-01-06. --fix repairs this', '9: date is written YYYY-MM-DD: write “2026年1月26日” as 2026-01-26. --fix repairs this'],
  },
  {
    name: 'a type one character off a single known name',
    body: 'activities:\n  - date: 2026-01-06\n    type: 支委汇\n',
    zh: ['8: 未知的活动类型“支委汇”，应为“支委会”。可用 --fix 自动修复'],
    en: ['8: Unknown activity type “支委汇”; it should be “支委会”. --fix repairs this'],
  },
];

describe('plain messages, with the corrected line', () => {
  for (const { name, body, zh, en } of CASES) {
    it(name, async () => {
      expect(await messages(body, 'zh-CN')).toEqual(zh);
      expect(await messages(body, 'en')).toEqual(en);
    });
  }
});

describe('a personal number: what to write instead, in words a secretary knows', () => {
  const body = 'cases:\n  - id: 2026-001\n    date: 2026-01-06\n    trigger: 生病住院\n    staff: "11010519491231002X"\n';
  it('an ID number: the staff number instead', async () => {
    const dir = tempTree({ 'b.yaml': header('b1', body) });
    const messages = async (lang: string) =>
      (JSON.parse((await runMain(['check', 'b.yaml', '--as-of', '2026-02-01', '--format', 'json', '--lang', lang], { cwd: dir })).stdout).findings as { ruleId: string; message: string }[])
        .filter((f) => f.ruleId === 'no-personal-data')
        .map((f) => f.message);
    expect(await messages('zh-CN')).toEqual(['此处有身份证号 1101**********002X。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可']);
    expect(await messages('en')).toEqual(['An ID number 1101**********002X appears here. A log never holds ID numbers: to say which employee, write their staff number (e.g. E0123); elsewhere a name is enough']);
  });
});
