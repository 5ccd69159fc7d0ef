import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('branch-conflict', zh('同一支部各文件的支部信息一致', 'Files of one branch agree on its header'));
