/** The line on stderr that says what `--output` wrote: the file, and what it counts. */
import { message } from '../i18n/index.js';
import type { Lang, MessageParams } from '../types.js';
import type { Io } from './io.js';

/** "; 2 files not counted (a format problem)", or nothing when every file counted. */
export function uncountedText(count: number, lang: Lang): string {
  return count > 0 ? message(lang, 'wrote.uncounted', { count }) : '';
}

/** One line on stderr, when the result went to a file rather than to stdout. */
export function sayWritten(io: Io, lang: Lang, output: string | undefined, id: 'wrote.check' | 'wrote.report' | 'wrote.due', params: MessageParams): void {
  if (output !== undefined) io.stderr.write(`dangjian: ${message(lang, id, { file: output, ...params })}\n`);
}
