import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('file-too-large', zh('文件不超过大小上限', 'Files are within the size limit'));
