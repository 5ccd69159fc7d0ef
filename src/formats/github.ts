/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,title=…::message` (`warning` for warnings, `notice` for infos).
 *
 * Waived findings are not annotated: an approved exception needs no one's attention on a pull
 * request, and annotations are scarce (GitHub shows only a few of each kind per step). The closing
 * summary line, a plain log line, still counts them.
 */
import { where } from '../util/where.js';
import type { CheckResult, Finding, Severity } from '../types.js';
import type { FormatContext } from './index.js';
import { summaryLine } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Escaping exactly as GitHub's toolkit does it: actions/toolkit, packages/core/src/command.ts
// (escapeData and escapeProperty, @actions/core 3.0.1), which the runner reverses.

/** A command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as escapeData, and also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, title: string): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `title=${escapeProperty(title)}`,
  ].join(',');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

export function formatGithub(result: CheckResult, context: FormatContext): string {
  const { lang } = context;
  const titles = new Map(context.rules.map((rule) => [rule.meta.id, rule.meta.title[lang]]));
  const lines: string[] = [];
  for (const finding of result.findings) {
    if (finding.waived) continue;
    const title = titles.get(finding.ruleId);
    const named = title ? `${title} (${finding.ruleId})` : finding.ruleId;
    // A workbook has no lines to annotate: the sheet, row and column go in the title.
    lines.push(annotation(finding, finding.sheet !== undefined ? `${named} ${where(finding)}` : named));
  }
  const summary = summaryLine(result, lang);
  lines.push(summary.text + summary.waived);
  return `${lines.join('\n')}\n`;
}
