import { LineIndex } from '../load/positions.js';
import { findPersonalNumbers } from '../privacy.js';
import { zh, type Rule } from './rule.js';

export const noPersonalData: Rule = {
  meta: {
    id: 'no-personal-data',
    category: 'content',
    severity: 'error',
    title: zh('台账中不得出现身份证号、手机号、银行卡号', 'No ID, mobile or bank card numbers in a log'),
    source: zh('讲话第三部分：职工档案只在台账中记数量；个人信息保护', 'Staff archives are counted, never copied into the log; personal information protection'),
  },
  checkFile({ file, report }) {
    for (const cell of file.texts ?? []) {
      for (const match of findPersonalNumbers(cell.text)) {
        report({ location: { file: file.file.display, ...cell.position }, messageId: `personal.${match.kind}`, params: { masked: match.masked } });
      }
    }
    if (file.text === undefined) return;
    const matches = findPersonalNumbers(file.text);
    if (matches.length === 0) return;
    const lines = new LineIndex(file.text);
    for (const match of matches) {
      const position = lines.position(match.index);
      report({
        location: { file: file.file.display, ...position },
        messageId: `personal.${match.kind}`,
        params: { masked: match.masked },
      });
    }
  },
};
