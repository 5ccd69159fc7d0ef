import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('file-unreadable', zh('文件可以读取', 'Files can be read'));
