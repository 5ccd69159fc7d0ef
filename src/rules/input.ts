/**
 * Input problems are findings too, so that one bad file never hides the others. An input rule has
 * no check of its own: the loader, the schema and the model flag its findings, with the messages
 * of their catalogues.
 */
import type { Localized } from '../types.js';
import { zh, type Rule } from './rule.js';

const FORMAT = zh('台账格式（格式版本 1）', 'Branch log format, version 1');

export function inputRule(id: string, title: Localized): Rule {
  return { meta: { id, category: 'input', severity: 'error', title, source: FORMAT } };
}
