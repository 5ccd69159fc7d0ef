/**
 * Hostile inputs, workbooks: zip bombs, a million rows, 16,384 columns, 32,767-character cells,
 * formulas that fail, dates before 1900 and the 1904 date system, a macro-enabled workbook, and
 * "workbooks" that are really CSV or HTML. Each gives a finding (check) or one clear line (import).
 */
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_RULES, runMain, tempTree } from '../helpers.js';
import { describeGroup, type Case } from './catalogue.js';

interface Entry {
  name: string;
  data: Buffer;
  /** Declare another uncompressed size than the real one (a lying archive). */
  declared?: number;
}

/** A zip archive (deflated entries), written by hand so that its sizes can lie. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = deflateRawSync(entry.data);
    const size = entry.declared ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
const BRANCH = `<row r="1">${str('A1', '项目')}${str('B1', '内容')}</row><row r="2">${str('A2', '支部编号')}${str('B2', 'ID')}</row><row r="3">${str('A3', '支部名称')}${str('B3', '测试党支部')}</row><row r="4">${str('A4', '党员人数')}<c r="B4"><v>10</v></c></row>`;
const HEADER = `<row r="1">${str('A1', '日期')}${str('B1', '活动类型')}${str('C1', '标题')}</row>`;

/** A workbook in the template's layout: 基本信息 for the branch `id`, and 活动 with the given rows' XML. */
function workbook(id: string, activityRows: string, options: { date1904?: boolean; extra?: Entry[]; sheetData?: Buffer; activitiesTarget?: string } = {}): Buffer {
  const sheet = (rows: string) => xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return zip([
    { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="基本信息" sheetId="1" r:id="rId1"/><sheet name="活动" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="${options.activitiesTarget ?? 'worksheets/sheet2.xml'}"/><Relationship Id="rId3" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: xml('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheet(BRANCH.replace('ID', id)) },
    { name: 'xl/worksheets/sheet2.xml', data: options.sheetData ?? sheet(`${HEADER}${activityRows}`) },
    ...(options.extra ?? []),
  ]);
}

const meeting = (row: number, date: string) => `<row r="${row}">${date}${str(`B${row}`, '支委会')}${str(`C${row}`, '一月支委会')}</row>`;
const FIRST_TOPIC = (date: string) => `${date} 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容`;
const NOT_WORKBOOK = '文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的 CSV、网页或文本表格）。请用 Excel 或 WPS 打开，“另存为”“Excel 工作簿（*.xlsx）”后再试；CSV 文件也可以直接运行 dangjian import';
const CORRUPT = '工作簿已损坏，无法读取。请用 Excel 或 WPS 打开（软件会尝试修复），再“另存为”新的 .xlsx 文件后重试';
const TOO_LARGE = '工作簿解压后过大（超过读取上限），可能已损坏或不是台账。请只保留台账所需的工作表，另存为新的 .xlsx 后再试';

/** 80 MiB of shared strings that deflate to some 80 KiB. */
const BOMB = Buffer.alloc(80 * 1024 * 1024, '<si><t>a</t></si>');
const MILLION_ROWS = Buffer.concat([
  Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}`),
  Buffer.alloc(1_048_575 * 12, '<row r="0"/>'),
  Buffer.from(`${meeting(1048576, '<c r="A1048576" s="1"><v>46028</v></c>')}</sheetData></worksheet>`),
]);

/** Checked on its own (below): the group runs each file four times. */
const MILLION: Case = {
  name: '1,048,576 rows',
  file: 'million.xlsx',
  content: workbook('million', '', { sheetData: MILLION_ROWS }),
  expect: [['workbook', 1, 1, '工作表“活动”超过 20000 行，不像一个支部的台账。请按年度拆分成多个工作簿，或删除表格下方多余的行']],
};

const cases: Case[] = [
  { name: 'a zip bomb: shared strings of 80 MiB deflated to a few KiB', file: 'bomb.xlsx', content: workbook('bomb', '', { extra: [{ name: 'xl/sharedStrings.xml', data: BOMB }] }), expect: [['workbook', 1, 1, TOO_LARGE]] },
  {
    name: 'an archive whose entry inflates to more than it declares',
    file: 'lying.xlsx',
    content: workbook('lying', '', { extra: [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(4 * 1024 * 1024, ' '), declared: 100 }] }),
    // Inflating stops at the declared size.
    expect: [['workbook', 1, 1, TOO_LARGE]],
  },
  { name: 'a cell in the last row (1,048,576) of an otherwise small sheet', file: 'last-row.xlsx', content: workbook('last-row', meeting(1048576, '<c r="A1048576" s="1"><v>46028</v></c>')), expect: [['first-topic', 1048576, 1, FIRST_TOPIC('2026-01-06')]] },
  { name: 'a cell in column 16,384 (XFD)', file: 'wide.xlsx', content: workbook('wide', `<row r="2">${str('A2', '2026-01-06')}${str('B2', '支委会')}${str('XFD2', '远处的单元格')}</row>`), expect: [['first-topic', 2, 1, FIRST_TOPIC('2026-01-06')]] },
  { name: 'a cell of 32,767 characters', file: 'long-cell.xlsx', content: workbook('long-cell', `<row r="2">${str('A2', '2026-01-06')}${str('B2', '支委会')}${str('C2', '长'.repeat(32767))}</row>`), expect: [['first-topic', 2, 1, FIRST_TOPIC('2026-01-06')]] },
  {
    name: 'a date given by a formula that fails (#REF!)',
    file: 'ref-error.xlsx',
    content: workbook('ref-error', `<row r="2"><c r="A2" t="e"><f>#REF!+1</f><v>#REF!</v></c>${str('B2', '支委会')}</row>`),
    expect: [['schema', 2, 1, '日期（date）应写成 YYYY-MM-DD 格式的日期（例如 2026-01-05），实际是“#REF!”']],
  },
  {
    name: 'a date before 1900 (Excel keeps it as text)',
    file: 'pre-1900.xlsx',
    content: workbook('pre-1900', `<row r="2">${str('A2', '1899-12-31')}${str('B2', '支委会')}</row>`),
    expect: [['schema', 2, 1, '日期（date）“1899-12-31”超出范围：日期应在 1900 年至 2999 年之间']],
  },
  { name: 'the 1904 date system (a Mac workbook)', file: 'date1904.xlsx', content: workbook('date1904', meeting(2, '<c r="A2" s="1"><v>44566</v></c>'), { date1904: true }), expect: [['first-topic', 2, 1, FIRST_TOPIC('2026-01-06')]] },
  { name: 'a sheet the workbook lists but does not hold', file: 'no-sheet.xlsx', content: workbook('no-sheet', meeting(2, '<c r="A2" s="1"><v>46028</v></c>'), { activitiesTarget: 'worksheets/gone.xml' }), expect: [['workbook', 1, 1, CORRUPT]] },
  {
    name: 'a sheet whose relationship leads out of the archive',
    file: 'outside.xlsx',
    content: workbook('outside', meeting(2, '<c r="A2" s="1"><v>46028</v></c>'), { activitiesTarget: '../../../../etc/passwd' }),
    expect: [['workbook', 1, 1, CORRUPT]],
  },
  {
    name: 'a sheet written in UTF-16 (XML allows it)',
    file: 'utf16.xlsx',
    content: workbook('utf16', '', {
      sheetData: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}${meeting(2, '<c r="A2" s="1"><v>46028</v></c>')}</sheetData></worksheet>`,
          'utf16le',
        ),
      ]),
    }),
    expect: [['first-topic', 2, 1, FIRST_TOPIC('2026-01-06')]],
  },
  {
    name: 'a cell written as CDATA (as some writers do)',
    file: 'cdata.xlsx',
    content: workbook('cdata', `<row r="2"><c r="A2" s="1"><v>46028</v></c><c r="B2" t="inlineStr"><is><t><![CDATA[支委会]]></t></is></c><c r="C2" t="inlineStr"><is><t><![CDATA[A&B <一月> _x0041_]]></t></is></c></row>`),
    expect: [['first-topic', 2, 1, FIRST_TOPIC('2026-01-06')]],
  },
  { name: 'a CSV file named .xlsx', file: 'csv.xlsx', content: '日期,类型\n2026-01-06,支委会\n', expect: [['workbook', 1, 1, NOT_WORKBOOK]] },
  { name: 'an HTML table named .xlsx (as some systems export)', file: 'html.xlsx', content: '<html><body><table><tr><td>日期</td></tr></table></body></html>', expect: [['workbook', 1, 1, NOT_WORKBOOK]] },
];

// Sheets are part of each finding; the catalogue compares ruleId, row, column and message.
describeGroup('hostile workbooks', cases, { args: ['--rule', 'future-date:off'] });

describe('hostile workbooks named on the command line', () => {
  it('checks a macro-enabled .xlsm like an .xlsx (its macros are never run)', async () => {
    const xlsm = workbook('macro', meeting(2, '<c r="A2" s="1"><v>46028</v></c>'), { extra: [{ name: 'xl/vbaProject.bin', data: Buffer.from('not run') }] });
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'ledger.xlsm': xlsm });
    const result = await runMain(['check', 'ledger.xlsm', '--as-of', '2026-01-31', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string; sheet: string; line: number }) => [f.ruleId, f.sheet, f.line])).toEqual([['first-topic', '活动', 2]]);
    const imported = await runMain(['import', 'ledger.xlsm', '-o', 'ledger.yaml'], { cwd: dir });
    expect(imported.stdout.split('\n')[0]).toBe('工作簿含有宏（.xlsm），宏不会运行，只读取单元格的内容');
  });

  it('import refuses a zip bomb, a CSV or an HTML file named .xlsx with one line, and reads a million rows up to its limit', async () => {
    const dir = tempTree({
      'bomb.xlsx': cases[0].content,
      'page.xlsx': cases.find((c) => c.file === 'html.xlsx')!.content,
      'million.xlsx': MILLION.content,
    });
    const checked = JSON.parse((await runMain(['check', 'million.xlsx', '--as-of', '2026-01-31', '-f', 'json'], { cwd: dir })).stdout);
    expect(checked.findings.map((f: { ruleId: string; line: number; column: number; message: string }) => [f.ruleId, f.line, f.column, f.message])).toEqual(MILLION.expect);
    expect(await runMain(['import', 'bomb.xlsx'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: `dangjian: ${TOO_LARGE}\n` });
    expect(await runMain(['import', 'page.xlsx'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: `dangjian: ${NOT_WORKBOOK}\n` });
    const million = await runMain(['import', 'million.xlsx'], { cwd: dir });
    expect(million.stdout).toContain('活动：超过 100000 行，其后的 948577 行未读取。请把台账按年度拆分成多个工作簿\n');
    expect(million.stderr).toBe('');
  }, 180_000);
});

describe('hostile text in the workbooks the tool writes', () => {
  it('control characters, lone surrogates and U+FFFF from a log: report and export still write workbooks that open', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const log = `version: 1
branch:
  id: odd
  name: "支部\\ud800\\x01\\x08\\uFFFE\\uFFFF名"
  members: 10
  groups: ["组\\udfff"]
activities:
  - date: 2026-01-05
    type: 支委会
    title: "标题\\x0b\\x1f"
    group: "组\\udfff"
`;
    const dir = tempTree({ 'a.yaml': log });
    for (const args of [
      ['report', 'a.yaml', '--period', '2026-01', '--as-of', '2026-01-31', '--format', 'xlsx', '-o', 'report.xlsx'],
      ['export', 'a.yaml', '-o', 'export.xlsx'],
    ]) {
      expect((await runMain(args, { cwd: dir })).status).toBe(0);
      const workbook = new ExcelJS.Workbook();
      // The XML parser refuses a character that XML does not allow, as Excel does.
      await workbook.xlsx.readFile(path.join(dir, args[args.length - 1]));
      const texts: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))));
      expect(texts.join('\n')).toContain('支部\ufffd\\x01\\x08\ufffd\ufffd名');
    }
  });
});
