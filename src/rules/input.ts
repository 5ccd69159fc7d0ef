/**
 * Input problems are findings too, so that one bad file never hides the others. These rules have no
 * check of their own: the loader and the model report them.
 */
import { zh, type Rule } from './rule.js';

const input = (id: string, title: ReturnType<typeof zh>, source: ReturnType<typeof zh>): Rule => ({
  meta: { id, category: 'input', severity: 'error', title, source },
});

const FORMAT = zh('台账格式（格式版本 1）', 'Branch log format, version 1');

export const INPUT_RULES: Rule[] = [
  input('yaml-syntax', zh('YAML 语法正确', 'Valid YAML syntax'), FORMAT),
  input('encoding', zh('文件使用 UTF-8 编码', 'Files are encoded in UTF-8'), FORMAT),
  input('schema', zh('内容符合台账格式', 'Content matches the log format'), FORMAT),
  input('branch-conflict', zh('同一支部各文件的支部信息一致', 'Files of one branch agree on its header'), FORMAT),
  input('file-too-large', zh('文件不超过大小上限', 'Files are within the size limit'), FORMAT),
  input('file-unreadable', zh('文件可以读取', 'Files can be read'), FORMAT),
  input('workbook', zh('工作簿是模板版式的 .xlsx 文件', 'Workbooks are .xlsx files in the template’s layout'), FORMAT),
];

export const staleWaiver: Rule = {
  meta: {
    id: 'stale-waiver',
    category: 'content',
    severity: 'warning',
    title: zh('豁免须有实际豁免的检查结果', 'Every waiver waives a finding'),
    source: zh('经批准的例外只用于确有缺项的周期', 'An approved exception is for a period that has a finding'),
  },
};
