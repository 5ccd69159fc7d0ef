/** `dangjian check`: findings for the given files. */
import { formatJson } from '../formats/json.js';
import { formatStylish } from '../formats/stylish.js';
import { parseChoice, parseCount } from '../options.js';
import { findInputFiles, prepareRun, resolveWindow, ruleSettings, type RunOptions } from './common.js';
import type { Lang } from '../types.js';
import { colorLevel, emit, type Io } from './io.js';
import { progressFor } from './progress.js';

export const CHECK_FORMATS = ['stylish', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckCommandOptions extends RunOptions {
  format?: string;
  output?: string;
  maxWarnings?: string;
  color?: boolean;
}

// Shared with report and due; re-exported for the commands that import them from here.
export { findInputFiles, resolveWindow, ruleSettings };

export async function checkCommand(paths: string[], options: CheckCommandOptions, lang: Lang, io: Io): Promise<number> {
  const format = parseChoice('--format', options.format ?? 'stylish', CHECK_FORMATS);
  const maxWarnings = options.maxWarnings !== undefined ? parseCount('--max-warnings', options.maxWarnings) : -1;
  const progress = progressFor(io, lang, format !== 'stylish' && options.output === undefined);
  const { engine, files } = await prepareRun(paths, { ...options, onProgress: progress.tick }, lang, io);
  const { result } = engine.check(files);
  progress.done();

  const text =
    format === 'json'
      ? formatJson(result)
      : formatStylish(result, {
          lang,
          colorLevel: options.output === undefined ? colorLevel(options.color, io.env, io.stdout.isTTY) : 0,
        });
  emit(io, text, options.output);
  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
