import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('encoding', zh('文件使用 UTF-8 编码', 'Files are encoded in UTF-8'));
