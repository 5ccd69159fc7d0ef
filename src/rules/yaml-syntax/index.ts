import { inputRule } from '../input.js';
import { zh } from '../rule.js';

export default inputRule('yaml-syntax', zh('YAML 语法正确', 'Valid YAML syntax'));
