/** `--format stylish`: findings grouped by file, coloured on a terminal, and a summary line. */
import { Chalk, type ChalkInstance } from 'chalk';
import { message } from '../i18n/index.js';
import type { CheckResult, Finding, Lang, Localized } from '../types.js';

export interface StylishOptions {
  lang: Lang;
  /** chalk colour level: 0 for none. */
  colorLevel: 0 | 1 | 2 | 3;
}

function label(finding: Finding, lang: Lang): string {
  if (finding.waived) return message(lang, 'stylish.waived');
  return message(lang, `stylish.${finding.severity}`);
}

function paint(chalk: ChalkInstance, finding: Finding, text: string): string {
  if (finding.waived) return chalk.gray(text);
  if (finding.severity === 'error') return chalk.red(text);
  if (finding.severity === 'warning') return chalk.yellow(text);
  return chalk.blue(text);
}

/** Display width on a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let total = 0;
  for (const char of text) total += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return total;
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

export function formatStylish(result: CheckResult, options: StylishOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const { lang } = options;
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(chalk.underline(file));
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const positionWidth = Math.max(...positions.map((p) => p.length));
    const labelWidth = Math.max(...findings.map((f) => width(label(f, lang))));
    findings.forEach((finding, index) => {
      let text = finding.message;
      if (finding.waived) {
        text += message(lang, 'stylish.waivedBy', { reason: finding.waived.reason, approvedBy: finding.waived.approvedBy });
      }
      out.push(
        `  ${chalk.dim(positions[index].padStart(positionWidth))}  ${paint(chalk, finding, pad(label(finding, lang), labelWidth))}  ${text}  ${chalk.dim(finding.ruleId)}`,
      );
    });
    out.push('');
  }
  out.push(summaryLine(result, chalk, lang));
  return `${out.join('\n')}\n`;
}

/** A count: the bare number in Chinese, with a singular or plural noun in English. */
function counted(n: number, singular: string, plural: string): Localized {
  return { 'zh-CN': String(n), en: `${n} ${n === 1 ? singular : plural}` };
}

function summaryLine(result: CheckResult, chalk: ChalkInstance, lang: Lang): string {
  const { errors, warnings, waived, files, branches } = result.summary;
  const infos = result.findings.filter((f) => !f.waived && f.severity === 'info').length;
  const problems = errors + warnings + infos;
  const scope = message(lang, 'stylish.scope', {
    files: counted(files, 'file', 'files'),
    branches: counted(branches, 'branch', 'branches'),
  });
  const waivedText = waived ? message(lang, 'stylish.summaryWaived', { waived }) : '';
  if (problems === 0) return chalk.green(message(lang, 'stylish.clean', { scope })) + waivedText;
  const text =
    message(lang, 'stylish.summary', {
      problems: counted(problems, 'problem', 'problems'),
      errors: counted(errors, 'error', 'errors'),
      warnings: counted(warnings, 'warning', 'warnings'),
      scope,
    }) +
    (infos ? message(lang, 'stylish.summaryInfos', { infos: counted(infos, 'info', 'infos') }) : '') +
    waivedText;
  return (errors ? chalk.red.bold : chalk.yellow.bold)(text);
}
