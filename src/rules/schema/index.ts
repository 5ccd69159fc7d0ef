import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('schema', zh('内容符合台账格式', 'Content matches the log format'));
