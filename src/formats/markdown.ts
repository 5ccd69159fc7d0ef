/**
 * `--format markdown`: a summary for a CI job's step summary or a merge-request comment, in the
 * output language: totals, the branches with most problems, and the findings as a table (one
 * collapsed <details> block per file when the list is long). The table stops after MAX_ROWS rows:
 * a comment has a size limit, and the complete list is one `--format json` away.
 */
import { where } from '../util/where.js';
import { message } from '../i18n/index.js';
import type { CheckResult, Finding, Lang } from '../types.js';
import type { FormatContext } from './index.js';
import { counted, otherStartsText } from './summary.js';

/** More findings than this: one collapsed block per file instead of one table. */
export const DETAILS_THRESHOLD = 20;
export const MAX_ROWS = 500;
const TOP_BRANCHES = 10;

/**
 * Text inside a table cell: GitHub- and GitLab-flavoured Markdown would read `|` as a column break,
 * a newline as the end of the row, and `*`, `_`, `[`, `<`, `&`… as markup. Backslash escapes work
 * for every ASCII punctuation character (CommonMark), inside tables too.
 */
export function markdownCell(text: string): string {
  return visible(text)
    .replace(/[\\`*_{}[\]<>|~&#!]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Control characters (other than line breaks) have no business in a comment: U+FFFD shows where one was. */
function visible(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
}

/** Text inside an HTML element (the <summary> of a block): entities, not backslashes. */
function htmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n|\r|\n/g, ' ');
}

function ruleCell(ruleId: string): string {
  return /^[\w.-]+$/.test(ruleId) ? `\`${ruleId}\`` : markdownCell(ruleId);
}

function severityLabel(finding: Finding, lang: Lang): string {
  return finding.waived ? message(lang, 'stylish.waived') : message(lang, `stylish.${finding.severity}`);
}

function findingText(finding: Finding, lang: Lang): string {
  if (!finding.waived) return finding.message;
  return finding.message + message(lang, 'stylish.waivedBy', { reason: finding.waived.reason, approvedBy: finding.waived.approvedBy });
}

function counts(findings: Finding[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let waived = 0;
  for (const finding of findings) {
    if (finding.waived) waived++;
    else if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, waived };
}

function totalsText(errors: number, warnings: number, infos: number, lang: Lang): string {
  return (
    message(lang, 'markdown.totals', { errors: counted(errors, 'error', 'errors'), warnings: counted(warnings, 'warning', 'warnings') }) +
    (infos ? message(lang, 'markdown.infos', { infos: counted(infos, 'info', 'infos') }) : '')
  );
}

function totalsLine(result: CheckResult, lang: Lang): string {
  const { errors, warnings, waived, files, branches } = result.summary;
  const { infos } = counts(result.findings);
  const scope = message(lang, 'markdown.scope', {
    asOf: result.asOf,
    files: counted(files, 'file', 'files'),
    branches: counted(branches, 'branch', 'branches'),
  });
  const icon = errors ? '❌' : warnings || infos ? '⚠️' : '✅';
  const text =
    errors + warnings + infos === 0
      ? message(lang, 'markdown.clean')
      : totalsText(errors, warnings, infos, lang);
  const waivedText = waived ? message(lang, 'markdown.waived', { waived }) : '';
  return `${icon} ${text}${waivedText}${scope}`;
}

/** A branch by its name (and its id when another branch has the same name). */
function branchLabel(id: string, result: CheckResult): string {
  if (!result.branches || !Object.hasOwn(result.branches, id)) return id;
  const { name } = result.branches[id];
  const twins = Object.values(result.branches!).filter((info) => info.name === name).length;
  return twins > 1 ? `${name} (${id})` : name;
}

function worstBranches(findings: Finding[], lang: Lang, result: CheckResult): string[] {
  const byBranch = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    if (finding.branch === undefined || finding.waived || finding.severity === 'info') continue;
    const entry = byBranch.get(finding.branch) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') entry.errors++;
    else entry.warnings++;
    byBranch.set(finding.branch, entry);
  }
  if (byBranch.size === 0) return [];
  const ranked = [...byBranch].sort(
    ([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || (a < b ? -1 : a > b ? 1 : 0),
  );
  const heading =
    ranked.length > TOP_BRANCHES
      ? message(lang, 'markdown.worstBranchesOf', { top: TOP_BRANCHES, count: ranked.length })
      : message(lang, 'markdown.worstBranches');
  return [
    `### ${heading}`,
    '',
    `| ${message(lang, 'markdown.branch')} | ${message(lang, 'markdown.errors')} | ${message(lang, 'markdown.warnings')} |`,
    '| --- | ---: | ---: |',
    ...ranked.slice(0, TOP_BRANCHES).map(([id, c]) => `| ${markdownCell(branchLabel(id, result))} | ${c.errors} | ${c.warnings} |`),
    '',
  ];
}

function table(findings: Finding[], lang: Lang, { withFile }: { withFile: boolean }): string[] {
  const header = [
    message(lang, 'markdown.location'),
    message(lang, 'markdown.severity'),
    message(lang, 'markdown.rule'),
    message(lang, 'markdown.message'),
  ];
  return [
    `| ${header.join(' | ')} |`,
    '| --- | --- | --- | --- |',
    ...findings.map((f) => {
      const at = withFile ? `${f.file}:${where(f)}` : where(f);
      return `| ${markdownCell(at)} | ${severityLabel(f, lang)} | ${ruleCell(f.ruleId)} | ${markdownCell(findingText(f, lang))} |`;
    }),
  ];
}

function fileSummary(file: string, findings: Finding[], lang: Lang): string {
  const { errors, warnings, infos, waived } = counts(findings);
  const parts = [totalsText(errors, warnings, infos, lang)];
  if (waived) parts.push(message(lang, 'markdown.waived', { waived }));
  return `${htmlText(file)} — ${htmlText(parts.join(''))}`;
}

function findingsSection(findings: Finding[], lang: Lang): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, MAX_ROWS);
  const out = [`### ${message(lang, 'markdown.findings')}`, ''];
  if (findings.length <= DETAILS_THRESHOLD) {
    out.push(...table(shown, lang, { withFile: true }), '');
  } else {
    const byFile = new Map<string, Finding[]>();
    for (const finding of shown) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, list] of byFile) {
      out.push('<details>', `<summary>${fileSummary(file, list, lang)}</summary>`, '', ...table(list, lang, { withFile: false }), '', '</details>', '');
    }
  }
  if (findings.length > shown.length) {
    out.push(message(lang, 'markdown.truncated', { shown: shown.length, total: findings.length }), '');
  }
  return out;
}

export function formatMarkdown(result: CheckResult, context: FormatContext): string {
  const { lang } = context;
  const lines = [
    `## ${message(lang, 'markdown.heading')}`,
    '',
    totalsLine(result, lang),
    '',
    markdownCell(message(lang, 'markdown.since', { since: result.since, others: otherStartsText(result, lang) })),
    '',
    ...worstBranches(result.findings, lang, result),
    ...findingsSection(result.findings, lang),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
