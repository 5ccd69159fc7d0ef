import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('workbook', zh('工作簿是模板版式的 .xlsx 文件', 'Workbooks are .xlsx files in the template’s layout'));
