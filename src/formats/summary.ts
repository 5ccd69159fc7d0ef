/** The one-line summary that closes the stylish and github outputs. */
import { message } from '../i18n/index.js';
import { otherStartsText } from '../i18n/starts.js';

export { otherStartsText };
import type { CheckResult, Lang, Localized } from '../types.js';

export interface SummaryLine {
  /** `clean` when nothing unwaived was found, else whether errors or only warnings/infos remain. */
  kind: 'clean' | 'errors' | 'warnings';
  text: string;
  /** The waived count, appended after `text` (and not painted with it). */
  waived: string;
}

/** A count: the bare number in Chinese, with a singular or plural noun in English. */
export function counted(n: number, singular: string, plural: string): Localized {
  return { 'zh-CN': String(n), en: `${n} ${n === 1 ? singular : plural}` };
}

/** `，自 2026-01-01 起`, and the branches that start elsewhere. */
export function sinceText(result: Pick<CheckResult, 'since' | 'sinceByBranch' | 'branches'>, lang: Lang): string {
  return message(lang, 'since.one', { since: result.since }) + otherStartsText(result, lang);
}

export function summaryLine(result: CheckResult, lang: Lang): SummaryLine {
  const { errors, warnings, waived, files, branches } = result.summary;
  const infos = result.findings.filter((f) => !f.waived && f.severity === 'info').length;
  const problems = errors + warnings + infos;
  const scope =
    message(lang, 'stylish.scope', {
      files: counted(files, 'file', 'files'),
      branches: counted(branches, 'branch', 'branches'),
    }) + sinceText(result, lang);
  const waivedText = waived ? message(lang, 'stylish.summaryWaived', { waived }) : '';
  if (problems === 0) return { kind: 'clean', text: message(lang, 'stylish.clean', { scope }), waived: waivedText };
  const text =
    message(lang, 'stylish.summary', {
      problems: counted(problems, 'problem', 'problems'),
      errors: counted(errors, 'error', 'errors'),
      warnings: counted(warnings, 'warning', 'warnings'),
      scope,
    }) + (infos ? message(lang, 'stylish.summaryInfos', { infos: counted(infos, 'info', 'infos') }) : '');
  return { kind: errors ? 'errors' : 'warnings', text, waived: waivedText };
}
