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
        '此处有身份证号 {masked}。台账中不得出现个人信息，请改用化名编号',
        'An ID number {masked} appears here. A log must not hold personal data; use a pseudonymous number',
      ),
      mobile: zh('此处有手机号 {masked}。台账中不得出现个人信息，请删除', 'A mobile number {masked} appears here. A log must not hold personal data; remove it'),
      'bank-card': zh(
        '此处有银行卡号 {masked}。台账中不得出现个人信息，请删除',
        'A bank card number {masked} appears here. A log must not hold personal data; remove it',
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
    if (matches.length === 0) return;
    const lines = new LineIndex(file.text);
    for (const match of matches) {
      const position = lines.position(match.index);
      flag(match.kind, { location: { file: file.file.display, ...position }, params: { masked: match.masked } });
    }
  },
});
