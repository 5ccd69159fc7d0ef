/** Hostile inputs, part 1: bytes that are not UTF-8 text. */
import { bytes, describeGroup, encodeGb18030, encodeUtf16, header, type Case } from './catalogue.js';

const activity = (title: string) => `activities:\n  - date: 2026-01-06\n    type: 支委会\n    title: ${title}\n    firstTopic: 学习党章\n`;

const GBK_MESSAGE = (encoding: string, file: string) =>
  `文件不是 UTF-8 编码，看起来是 ${encoding}（旧版 Windows 记事本、WPS 常用）。请用记事本打开，“另存为”时把编码选为“UTF-8”；或运行：iconv -f ${encoding} -t UTF-8 "${file}" -o "${file}.utf8"，确认无误后替换原文件`;
const UTF16_MESSAGE = (encoding: string, file: string) =>
  `文件是 ${encoding} 编码，不是 UTF-8。请用记事本或 VS Code 打开，“另存为”时把编码选为“UTF-8”；或运行：iconv -f UTF-16 -t UTF-8 "${file}" -o "${file}.utf8"`;
const OTHER_MESSAGE = '文件不是 UTF-8 编码（此处的字节无法按 UTF-8 读取，可能是 Latin-1 或损坏的字符）。请用编辑器把文件另存为“UTF-8”编码，并检查此处的文字';
const CONTROL_MESSAGE = (code: string) => `文件中有不可见的控制字符（${code}），可能是文件损坏或从其他程序复制时带入的。请在编辑器中删除此处的字符，再另存为 UTF-8 编码`;

const cases: Case[] = [
  {
    name: 'GBK from an old Windows editor',
    file: 'gbk.yaml',
    content: encodeGb18030(`# 一月台账\n${header('gbk')}${activity('一月支委会')}`),
    // the first non-ASCII byte: the comment on line 1, after "# "
    expect: [['encoding', 1, 3, GBK_MESSAGE('GBK', 'gbk.yaml')]],
    en: [
      'The file is not UTF-8; it looks like GBK (as saved by older Windows editors). Open it in Notepad and "Save as" with encoding "UTF-8", or run: iconv -f GBK -t UTF-8 "gbk.yaml" -o "gbk.yaml.utf8" and replace the file once checked',
    ],
  },
  {
    name: 'GB18030 with a four-byte sequence (iconv -f GBK would stop at it)',
    file: 'gb18030.yaml',
    content: encodeGb18030(`${header('gb18030')}${activity('学习𠮷')}`),
    expect: [['encoding', 4, 9, GBK_MESSAGE('GB18030', 'gb18030.yaml')]],
  },
  {
    name: 'UTF-8 up to a point, then GBK (edited with two editors)',
    file: 'mixed.yaml',
    content: bytes(`${header('mixed')}activities:\n  - date: 2026-01-06\n    type: 支委会\n    title: `, [...encodeGb18030('一月支委会')], '\n    firstTopic: 学习党章\n'),
    expect: [['encoding', 9, 12, GBK_MESSAGE('GBK', 'mixed.yaml')]],
  },
  {
    name: 'UTF-16 LE with a BOM',
    file: 'utf16le.yaml',
    content: encodeUtf16(`${header('utf16le')}${activity('一月支委会')}`, 'LE'),
    expect: [['encoding', 1, 1, UTF16_MESSAGE('UTF-16LE', 'utf16le.yaml')]],
    en: ['The file is UTF-16LE, not UTF-8. Open it in Notepad or VS Code and "Save as" with encoding "UTF-8", or run: iconv -f UTF-16 -t UTF-8 "utf16le.yaml" -o "utf16le.yaml.utf8"'],
  },
  {
    name: 'UTF-16 BE with a BOM',
    file: 'utf16be.yaml',
    content: encodeUtf16(`${header('utf16be')}${activity('一月支委会')}`, 'BE'),
    expect: [['encoding', 1, 1, UTF16_MESSAGE('UTF-16BE', 'utf16be.yaml')]],
  },
  {
    name: 'UTF-16 LE without a BOM',
    file: 'utf16-nobom.yaml',
    content: encodeUtf16(`${header('utf16nobom')}${activity('一月支委会')}`, 'LE').subarray(2),
    expect: [['encoding', 1, 1, UTF16_MESSAGE('UTF-16LE', 'utf16-nobom.yaml')]],
  },
  {
    name: 'Latin-1 bytes',
    file: 'latin1.yaml',
    content: bytes(`${header('latin1')}activities:\n  - date: 2026-01-06\n    type: 支委会\n    title: Caf`, [0xe9], ' r', [0xe9], 'union\n    firstTopic: x\n'),
    expect: [['encoding', 9, 15, OTHER_MESSAGE]],
    en: ['The file is not UTF-8 (the bytes here cannot be read as UTF-8; it may be Latin-1 or damaged text). Save the file as "UTF-8" in your editor and check the text here'],
  },
  {
    name: 'a lone invalid byte (0xFF) in UTF-8 text',
    file: 'lone-ff.yaml',
    content: bytes(`${header('loneff')}activities:\n  - date: 2026-01-06\n    type: 支委会\n    title: 一月`, [0xff], '\n    firstTopic: x\n'),
    expect: [['encoding', 9, 14, OTHER_MESSAGE]],
  },
  {
    name: 'a lone continuation byte (0x80)',
    file: 'lone-80.yaml',
    content: bytes(`${header('lone80')}`, [0x80], '\n'),
    expect: [['encoding', 6, 1, OTHER_MESSAGE]],
  },
  {
    name: 'a UTF-8 sequence cut short at the end of the file',
    file: 'truncated.yaml',
    content: bytes(`${header('truncated')}activities: []\n# 备注`, [0xe5, 0xad]),
    expect: [['encoding', 7, 5, OTHER_MESSAGE]],
  },
  {
    name: 'a NUL byte in UTF-8 text (not UTF-16)',
    file: 'nul.yaml',
    content: bytes(`${header('nul')}activities:\n  - date: 2026-01-06\n    type: 支委会\n    title: a`, [0], 'b\n    firstTopic: x\n'),
    expect: [['encoding', 9, 13, CONTROL_MESSAGE('U+0000')]],
  },
  {
    name: 'a terminal escape sequence written raw into a title',
    file: 'escape.yaml',
    content: `${header('escape')}${activity('\u001b[2J\u001b]0;pwned\u0007')}`,
    expect: [['encoding', 9, 12, CONTROL_MESSAGE('U+001B')]],
    en: ['The file contains an invisible control character (U+001B); it may be damaged, or the character came in when text was pasted from another program. Delete the character here in your editor and save the file as UTF-8'],
  },
  {
    name: 'a UTF-8 byte order mark is accepted',
    file: 'utf8-bom.yaml',
    content: `\ufeff${header('bom')}${activity('一月支委会')}`,
    expect: [],
  },
];

describeGroup('hostile input: encodings', cases);
