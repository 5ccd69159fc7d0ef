/** `--format stylish`: findings grouped by file, coloured on a terminal, and a summary line. */
import { where } from '../util/where.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { message } from '../i18n/index.js';
import type { CheckResult, Finding, Lang } from '../types.js';
import { summaryLine } from './summary.js';

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
    const positions = findings.map(where);
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
  out.push(paintSummary(result, chalk, lang));
  return `${out.join('\n')}\n`;
}

function paintSummary(result: CheckResult, chalk: ChalkInstance, lang: Lang): string {
  const { kind, text, waived } = summaryLine(result, lang);
  if (kind === 'clean') return chalk.green(text) + waived;
  return (kind === 'errors' ? chalk.red.bold : chalk.yellow.bold)(text + waived);
}
