/**
 * Personal numbers written in pieces: ID numbers 6-8-4, mobiles 3-4-4 and 4-3-4, cards in groups,
 * with spaces, dashes, dots, no-break, full-width and zero-width separators, full-width digits, or
 * right after %20 in a URL. Each is found (with its check digit or Luhn, so that dates and counts
 * are not taken for one) and masked everywhere output goes.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPersonalNumbers, maskPersonalData } from '../../src/privacy.js';
import { ZipArchive } from '../../src/xlsx/zip.js';
import { runMain, tempTree } from '../helpers.js';
import { AS_OF, header } from './catalogue.js';

const ID = '110101199003074514';
const MOBILE = '13800138000';
const CARD = '6222021234567890128';
const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const split = (digits: string, sizes: number[], separator: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  return parts.join(separator);
};

const SEPARATORS: [string, string][] = [
  ['spaces', ' '],
  ['dashes', '-'],
  ['dots', '.'],
  ['no-break spaces', '\u00a0'],
  ['full-width spaces', '\u3000'],
  ['zero-width spaces', '\u200b'],
  ['full-width dashes', '\uff0d'],
  ['a space and a dash', ' - '],
];

const SPELLINGS: [string, string, string][] = [];
for (const [name, separator] of SEPARATORS) {
  SPELLINGS.push([`ID 6-8-4 with ${name}`, split(ID, [6, 8, 4], separator), '1101**********4514']);
  SPELLINGS.push([`mobile 3-4-4 with ${name}`, split(MOBILE, [3, 4, 4], separator), '138****8000']);
  SPELLINGS.push([`mobile 4-3-4 with ${name}`, split(MOBILE, [4, 3, 4], separator), '138****8000']);
  SPELLINGS.push([`card in fours with ${name}`, split(CARD, [4, 4, 4, 4, 3], separator), '6222***********0128']);
}
SPELLINGS.push(['full-width digits, split', split(fullWidth(ID), [6, 8, 4], ' '), '1101**********4514']);
SPELLINGS.push(['a mobile after %20 in a URL', `https://example.invalid/call?to=%20${MOBILE}`, '138****8000']);
SPELLINGS.push(['a split mobile after %20', `tel:%20${split(MOBILE, [3, 4, 4], '%20')}`, '138****8000']);
SPELLINGS.push(['an ID with a final x, split', split(`${ID.slice(0, 17)}X`, [6, 8, 4], ' ').replace('X', 'x'), '']);

/** More ways to part or hide the digits: underscores (file names), tabs, invisible characters between every digit. */
const every = (digits: string, mark: string) => [...digits].map((d) => d + mark).join('');
const MORE: [string, string, string][] = [
  ['a mobile 3-4-4 with underscores (a file name)', `张三_${split(MOBILE, [3, 4, 4], '_')}.yaml`, '138****8000'],
  ['a card in fours with underscores', split(CARD, [4, 4, 4, 4, 3], '_'), '6222***********0128'],
  ['an ID 6-8-4 with full-width low lines', split(ID, [6, 8, 4], '\uff3f'), '1101**********4514'],
  ['a mobile 3-4-4 with tabs', split(MOBILE, [3, 4, 4], '\t'), '138****8000'],
  ['a mobile 3-4-4 with Ogham spaces', split(MOBILE, [3, 4, 4], '\u1680'), '138****8000'],
  ['a mobile 3-4-4 with small hyphens', split(MOBILE, [3, 4, 4], '\ufe63'), '138****8000'],
  ['a mobile 3-4-4 with two-em dashes', split(MOBILE, [3, 4, 4], '\u2e3a'), '138****8000'],
  ['a mobile with a zero-width space after every digit', every(MOBILE, '\u200b'), '138****8000'],
  ['a mobile with a soft hyphen after every digit', every(MOBILE, '\u00ad'), '138****8000'],
  ['an underlined mobile (a combining low line on every digit)', every(MOBILE, '\u0332'), '138****8000'],
  ['a mobile in keycaps', every(MOBILE, '\u20e3'), '138****8000'],
  ['an underlined ID, 6-8-4', split(every(ID, '\u0332'), [12, 16, 8], ' '), '1101**********4514'],
  ['an ID ending in X, split with underscores', split('11010119900307002X', [6, 8, 4], '_'), '1101**********002X'],
  ['an ID ending in x, with a zero-width joiner after every digit', every('11010119900307002x', '\u200d'), '1101**********002X'],
];

describe('hostile personal numbers: more separators, invisible characters', () => {
  it.each(MORE)('%s: found and masked', (_name, spelled, masked) => {
    const text = `联系：${spelled}。`;
    expect(findPersonalNumbers(text).map((f) => f.masked)).toEqual([masked]);
    const masked_ = maskPersonalData(text);
    expect(masked_).toContain(masked);
    expect(masked_.replace(/[^\d\uff10-\uff19]/g, '')).not.toMatch(/13800138|1101011990/);
  });

  it.each([
    ['a date and time in a file name', '2026_01_05_1330_0001.yaml'],
    ['numbers in a table, by tabs', '12\t30\t2026\t13\t8001\t3800'],
    ['spaced digits, one by one', '1 3 8 0 0 1 3 8 0 0 0'],
  ])('%s: not taken for one', (_name, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });
});

describe('hostile personal numbers: split spellings', () => {
  it.each(SPELLINGS.filter(([, , masked]) => masked))('%s: found and masked', (_name, spelled, masked) => {
    const text = `联系：${spelled}。`;
    const found = findPersonalNumbers(text);
    expect(found.map((f) => f.masked)).toEqual([masked]);
    const masked_ = maskPersonalData(text);
    expect(masked_).toContain(masked);
    expect(masked_).not.toContain(spelled);
    expect(masked_.startsWith('联系：')).toBe(true);
  });

  it.each([
    ['dates', '2026-01-05 2026-02-06 2026-03-07'],
    ['a date and a time', '2026.01.05 13:30 共 11 人'],
    ['numbers in groups that are no mobile', '编号 12-3456-7890 与 1234 5678 901'],
    ['an ID-shaped number with a wrong check digit', split('110101199003074515', [6, 8, 4], ' ')],
    ['a card-shaped number failing Luhn', split('6222021234567890123', [4, 4, 4, 4, 3], ' ')],
    ['a phone-like count of another shape', '13 80 01 38 00 0'],
  ])('%s: not taken for one', (_name, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });

  it('in every output: check, report (CSV, XLSX cells), due (JSON, ICS), error messages and the configuration', async () => {
    const spelled = split(ID, [6, 8, 4], '\u00a0');
    const mobile = split(MOBILE, [3, 4, 4], '\u200b');
    const log = `${header('split')}activities:\n  - date: 2026-01-05\n    type: 支委会\n    title: 联系 ${mobile}\n    firstTopic: 证件 ${spelled}\n`;
    const dir = tempTree({ [`${split(MOBILE, [3, 4, 4], ' ')}/a.yaml`]: log });
    const outputs: string[] = [];
    for (const args of [
      ['check', '.', '--format', 'json'],
      ['check', '.', '--format', 'sarif'],
      ['report', '.', '--period', '2026-01', '--format', 'csv'],
      ['due', '.', '--format', 'json'],
      ['due', '.', '--format', 'ics'],
      ['check', `./missing ${spelled}.yaml`],
    ]) {
      const result = await runMain([...args, '--as-of', AS_OF], { cwd: dir });
      outputs.push(result.stdout, result.stderr);
    }
    await runMain(['report', '.', '--period', '2026-01', '--format', 'xlsx', '-o', 'r.xlsx', '--as-of', AS_OF], { cwd: dir });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(dir, 'r.xlsx')));
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => outputs.push(String(cell.value)))));
    const all = outputs.join('\n');
    expect(all).toContain('138****8000');
    for (const digits of [ID, MOBILE]) expect(all.replace(/[^\d\uff10-\uff19]/g, ' ')).not.toMatch(new RegExp(digits.slice(0, 6)));
    // The configuration refuses them too.
    const config = tempTree({ 'dangjian.config.yaml': `types:\n  - { id: call, name: "联系 ${split(MOBILE, [4, 3, 4], '.')}" }\n` });
    const refused = await runMain(['check', '.', '--as-of', AS_OF], { cwd: config });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('138****8000');
  });
});

describe('hostile personal numbers: in the messages of commands that write files', () => {
  it('--fix and --fix-dry-run, -o of check, report and due, template, export and init: no number in full', async () => {
    const log = `${header('named')}activities:\n  - date: 2026/01/05\n    type: 支委会\n    title: 联系 ${MOBILE}\n    firstTopic: 证件 ${ID}\n`;
    const dir = tempTree({ [`${MOBILE}.yaml`]: log, [`${ID}/.keep`]: '' });
    const outputs: string[] = [];
    for (const args of [
      ['check', `${MOBILE}.yaml`, '--fix-dry-run'],
      ['check', `${MOBILE}.yaml`, '--fix', '--format', 'json', '-o', `out-${MOBILE}.json`],
      ['report', '.', '--period', '2026-01', '--format', 'csv', '-o', `report-${MOBILE}.csv`],
      ['due', '.', '--format', 'ics', '-o', `due-${MOBILE}.ics`],
      ['template', '-o', `template-${MOBILE}.xlsx`],
      ['export', `${MOBILE}.yaml`, '-o', `export-${MOBILE}.xlsx`],
    ]) {
      const dated = ['check', 'report', 'due'].includes(args[0]) ? ['--as-of', AS_OF] : [];
      const result = await runMain([...args, ...dated], { cwd: dir });
      outputs.push(result.stdout, result.stderr);
    }
    const init = await runMain(['init', '--yes', '--since', '2026-01-01'], { cwd: path.join(dir, ID) });
    outputs.push(init.stdout, init.stderr);
    const all = outputs.join('\n');
    // Every command spoke (a diff, a fix, five files written) ...
    expect(all).toContain('+  - date: 2026-01-05');
    expect(all).toMatch(/138\*{4}8000\.yaml：已自动修复 1 处/);
    expect(all.match(/138\*{4}8000\.(json|csv|ics|xlsx)/g)).toHaveLength(6);
    // ... and never with a number in full.
    expect(all).not.toContain(MOBILE);
    expect(all).not.toContain(ID);
  });
});

/** The text of every part of a workbook (cells, shared strings, drop-down lists, names, comments). */
const partsOf = (file: string) => {
  const zip = new ZipArchive(readFileSync(file));
  return [...zip.entries.keys()].map((name) => `${name}\n${zip.text(name) ?? ''}`).join('\n');
};

describe('hostile personal numbers: in every part of a written workbook', () => {
  const log = `${header('wb').replace('  members: 10\n', `  members: 10\n  parent: 上级${MOBILE}\n  groups: [第一组${MOBILE}, 第二组]\n`)}activities:
  - date: 2026-01-05
    type: 支委会
    title: 会议 ${MOBILE}
    firstTopic: 学习 ${ID}
    group: 第一组${MOBILE}
    host: 主持 ${split(MOBILE, [3, 4, 4], '_')}
`;

  it.each([
    ['export', ['export', 'a.yaml', '-o', 'out.xlsx']],
    ['report --format xlsx', ['report', '.', '--period', '2026-01', '--format', 'xlsx', '-o', 'out.xlsx', '--as-of', AS_OF]],
  ])('%s', async (_name, args) => {
    const dir = tempTree({ 'a.yaml': log });
    const result = await runMain(args, { cwd: dir });
    expect(result.stdout + result.stderr).toMatch(/out\.xlsx/);
    const text = partsOf(path.join(dir, 'out.xlsx'));
    expect(text).toContain('138****8000');
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('138_0013_8000');
  });
});

describe('hostile personal numbers: in --docs-url, which goes into every rule of a SARIF result', () => {
  it.each([['check', ['check', 'a.yaml', '--as-of', AS_OF]], ['merge', ['merge', 'shard.json']]])('%s: a usage error, masked', async (_name, args) => {
    const dir = tempTree({ 'a.yaml': `${header('docs')}activities: []\n` });
    await runMain(['check', 'a.yaml', '--as-of', AS_OF, '--format', 'json', '--shard', '1/1', '-o', 'shard.json'], { cwd: dir });
    for (const url of [`https://example.invalid/${MOBILE}/`, `https://example.invalid/${split(ID, [6, 8, 4], '-')}/`]) {
      const result = await runMain([...args, '--format', 'sarif', '--docs-url', url], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^dangjian: --docs-url 的值“https:\/\/example\.invalid\/(138\*{4}8000|1101\*{10}4514)\/”中有身份证号、手机号或银行卡号，它会写进每一条结果。请换一个网址\n$/);
    }
  });
});

describe('hostile personal numbers: outside the cells of an imported workbook', () => {
  it('a sheet name, a note and the document properties: masked in the errors workbook and in the imported log', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const input = new ExcelJS.Workbook();
    const sheet = input.addWorksheet(`活动${MOBILE}`);
    sheet.addRow(['日期', '类型', '标题']);
    sheet.addRow(['2026-13-45', '支委会', '日期不对的一行']);
    sheet.getCell('C2').note = `备注 ${MOBILE}`;
    sheet.addRow(['2026-01-05', '支委会', '一月支委会']);
    input.creator = `张三 ${MOBILE}`;
    input.title = `证件 ${ID}`;
    const dir = tempTree({});
    await input.xlsx.writeFile(path.join(dir, 'in.xlsx'));
    const result = await runMain(['import', 'in.xlsx', '-o', 'out.yaml', '--errors', 'errors.xlsx', '--branch-id', 'e1', '--members', '5'], { cwd: dir });
    expect(result.stdout).toContain('errors.xlsx');
    const text = `${partsOf(path.join(dir, 'errors.xlsx'))}\n${readFileSync(path.join(dir, 'out.yaml'), 'utf8')}\n${result.stdout}`;
    expect(text).toContain('138****8000');
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain(ID);
    // The workbook still opens, its sheet named with a full-width asterisk (a sheet's name holds no *).
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(path.join(dir, 'errors.xlsx'));
    expect(written.worksheets.map((s) => s.name)).toEqual(['活动138＊＊＊＊8000']);
  });
});

describe('hostile personal numbers: parted by line breaks in an imported workbook', () => {
  it('in a rejected row’s cell and in a note: masked in the errors workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const input = new ExcelJS.Workbook();
    const sheet = input.addWorksheet('活动');
    sheet.addRow(['日期', '类型', '标题']);
    sheet.addRow(['2026-13-45', '支委会', '联系 138\n0013\n8000']);
    sheet.getCell('A2').note = '证件 110101\n19900307\n4514';
    const dir = tempTree({});
    await input.xlsx.writeFile(path.join(dir, 'in.xlsx'));
    await runMain(['import', 'in.xlsx', '-o', 'out.yaml', '--errors', 'errors.xlsx', '--branch-id', 'e1', '--members', '5'], { cwd: dir });
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(path.join(dir, 'errors.xlsx'));
    const row = written.getWorksheet('活动')!.getRow(2);
    expect(row.getCell(3).value).toBe('联系 138****8000');
    const note = row.getCell(1).note;
    const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(noteText).not.toMatch(/19900307|0013/);
    expect(noteText).toContain('1101**********4514');
  });
});

describe('hostile personal numbers: parted by line breaks in a value of several lines', () => {
  it('a literal block in YAML: masked in the report (JSON, HTML, CSV)', async () => {
    const log = `${header('lines')}activities:\n  - date: 2026-01-05\n    type: 党课\n    title: |-\n      身份证 110101\n      19900307\n      4514\n    firstTopic: |-\n      电话 138\n      0013 8000\n`;
    const dir = tempTree({ 'a.yaml': log });
    for (const format of ['json', 'html', 'csv']) {
      const result = await runMain(['report', 'a.yaml', '--period', '2026-01', '--as-of', AS_OF, '--format', format], { cwd: dir });
      expect(result.stdout.replace(/[^\d*]+/g, ' ')).not.toMatch(/110101 19900307 4514|138 0013 8000/);
    }
    expect(maskPersonalData('电话 138\n0013\r\n8000\n下一行')).toBe('电话 138****8000\n下一行');
  });

  it.each([
    ['dates at line ends', '2026-01-05\n2026-02-06\n2026-03-07'],
    ['lines of counts', '  12:5  错误\n138 人\n0013 次\n'],
  ])('%s: not taken for one', (_name, text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('hostile personal numbers: hidden from a search of the text by YAML itself', () => {
  it('digits as escapes, a continued line, a folded or literal block: the check finds each, at its value', async () => {
    const log = `${header('hidden')}activities:
  - date: 2026-01-05
    type: 党课
    title: >-
      联系 138 0013
      8000
  - date: 2026-01-06
    type: 党课
    title: "联系 \\x31\\x33\\x38\\x30\\x30\\x31\\x33\\x38\\x30\\x30\\x30"
  - date: 2026-01-07
    type: 党课
    title: "联系 138\\
      00138000"
  - date: 2026-01-08
    type: 党课
    title: "联系 \\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030"
  - date: 2026-01-09
    type: 党课
    title: |-
      身份证 110101
      19900307
      4514
  - date: 2026-01-10
    type: 党课
    title: |-
      2026-01-05
      13 人参加
`;
    const dir = tempTree({ 'a.yaml': log });
    const result = await runMain(['check', 'a.yaml', '--as-of', AS_OF, '--format', 'json', '--rule', 'record-complete:off'], { cwd: dir });
    const found = JSON.parse(result.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'no-personal-data');
    expect(found.map((f: { line: number; column: number; message: string }) => [f.line, f.column, f.message.split('。')[0]])).toEqual([
      [10, 10, '此处有手机号 138****8000'],
      [14, 16, '此处有手机号 138****8000'],
      [17, 16, '此处有手机号 138****8000'],
      [21, 16, '此处有手机号 138****8000'],
      [25, 11, '此处有身份证号 1101**********4514'],
    ]);
  });
});
