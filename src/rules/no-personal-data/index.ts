import { LineIndex } from '../../load/positions.js';
import { findPersonalNumbers } from '../../privacy.js';
import { defineRule, zh } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-personal-data',
    category: 'content',
    severity: 'error',
    title: zh('台账中不得出现身份证号、手机号、银行卡号', 'No ID, mobile or bank card numbers in a log'),
    source: zh('讲话第三部分：职工档案只在台账中记数量；个人信息保护', 'Staff archives are counted, never copied into the log; personal information protection'),
    messages: {
      'id-number': zh(
        '此处有身份证号 {masked}。台账里不能记身份证号：要指明是哪位职工，写他的工号（如 E0123）；别处写姓名即可',
        'An ID number {masked} appears here. A log never holds ID numbers: to say which employee, write their staff number (e.g. E0123); elsewhere a name is enough',
      ),
      mobile: zh('此处有手机号 {masked}。台账里不记联系方式：请删去号码，要联系时查职工花名册', 'A mobile number {masked} appears here. A log holds no contact details: remove the number; the staff roster has it'),
      'bank-card': zh(
        '此处有银行卡号 {masked}。台账里不记银行卡号：帮扶、慰问写明金额和经办部门即可，请删去卡号',
        'A bank card number {masked} appears here. A log holds no card numbers: for help or a payment, write the amount and the office that paid; remove the number',
      ),
    },
  },
  checkFile({ file, flag }) {
    for (const cell of file.texts ?? []) {
      for (const match of findPersonalNumbers(cell.text)) {
        flag(match.kind, { location: { file: file.file.display, ...cell.position }, params: { masked: match.masked } });
      }
    }
    if (file.text === undefined) return;
    const matches = findPersonalNumbers(file.text);
    const hidden = hiddenText(file.text);
    if (hidden !== undefined) {
      const found = new Set(matches.map((match) => match.index));
      for (const match of findPersonalNumbers(hidden)) if (!found.has(match.index)) matches.push(match);
      matches.sort((a, b) => a.index - b.index);
    }
    if (matches.length === 0) return;
    const lines = new LineIndex(file.text);
    for (const match of matches) {
      const position = lines.position(match.index);
      flag(match.kind, { location: { file: file.file.display, ...position }, params: { masked: match.masked } });
    }
  },
});

/** A character that the number search passes over inside a group of digits (see privacy.ts). */
const INVISIBLE = '\u200b';

/**
 * The text as its values read, where YAML may hide a number from a search of the text: digits
 * written as escapes in quotes (`"\x31\x33..."`), a line continued with a backslash in quotes, or
 * a block scalar (`|`, `>`) that parts a number at a line end. Each such piece becomes its digit, or
 * a line break with its indentation a character the search passes over, padded to the same length,
 * so that positions stay those of the file. Undefined for a text with none of them (most logs: a
 * few searches of the text decide it).
 */
function hiddenText(text: string): string | undefined {
  const escapes = text.includes('\\');
  if (!escapes && !((text.includes('|') || text.includes('>')) && /:[ \t]*[|>]/.test(text))) return undefined;
  let hidden = text.replace(/\n[ \t]*/g, (run) => INVISIBLE.repeat(run.length));
  if (escapes) {
    hidden = hidden
      .replace(/\\(?:x3|u003|U0000003)([0-9])/g, (whole, digit: string) => digit + INVISIBLE.repeat(whole.length - 1))
      .replace(/\\(?=\u200b)/g, INVISIBLE);
  }
  return hidden;
}
