/** `report --format markdown`: the summary table for a merge request, a wiki or a step summary. */
import { message } from '../i18n/index.js';
import type { AttendanceTally, ReportCell, ReportModel, Tally } from '../report/model.js';
import { MARK_STATES } from '../report/model.js';
import { countText, markSymbol, STATE_SYMBOL, stateLabel, summaryLine } from '../report/present.js';
import { attendanceText, percentText } from '../report/tally.js';
import type { Lang } from '../types.js';

/** Escapes text from the logs so that it can never break the table or turn into markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^([#+-]|\d+\.)/, '\\$1');
}

function cellText(cell: ReportCell): string {
  const single = cell.marks.length === 1;
  return cell.marks.map((m) => markSymbol(m, { withProgress: single || m.groups !== undefined })).join(cell.marks.length > 3 ? '' : ' ');
}

function rate(tally: Tally, _cell?: 0 | 1): string {
  return percentText(tally) ?? '-';
}

export function formatReportMarkdown(model: ReportModel): string {
  const lang = model.lang as Lang;
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const out: string[] = [];
  out.push(`## ${escapeMarkdown(t('report.title', { period: model.period.label }))}`, '');
  out.push(escapeMarkdown(summaryLine(model)), '');

  const head = [t('report.branch'), ...model.columns.map((c) => c.short), t('report.rate'), t('report.attendance')];
  out.push(`| ${head.map(escapeMarkdown).join(' | ')} |`);
  out.push(`| --- | ${model.columns.map(() => ':-:').join(' | ')} | --: | --: |`);
  const blank = model.columns.map(() => '');
  const att = (tally: AttendanceTally) => attendanceText(tally) ?? '-';
  for (const group of model.groups) {
    out.push(`| **${escapeMarkdown(group.label)}** | ${blank.join(' | ')} | | |`);
    for (const row of group.branches) {
      const name = escapeMarkdown(row.name) + (row.incomplete ? ' ?' : '');
      out.push(`| ${name} | ${row.cells.map(cellText).join(' | ')} | ${rate(row.tally, 1)} | ${att(row.attendance)} |`);
    }
    const label = escapeMarkdown(t('report.subtotal'));
    out.push(`| *${label}* | ${group.subtotal.cells.map((c) => rate(c, 0)).join(' | ')} | *${rate(group.subtotal.tally, 1)}* | *${att(group.subtotal.attendance)}* |`);
  }
  out.push(`| **${escapeMarkdown(t('report.total'))}** | ${model.total.cells.map((c) => rate(c, 0)).join(' | ')} | **${rate(model.total.tally, 1)}** | **${att(model.total.attendance)}** |`);
  out.push('');
  for (const row of model.groups.flatMap((group) => group.branches)) {
    if (row.termEnd) out.push(`- ${escapeMarkdown(t('report.termEnds', { branch: row.name, termEnd: row.termEnd }))}`);
  }
  if (model.groups.some((group) => group.branches.some((row) => row.termEnd))) out.push('');

  const legend = MARK_STATES.map((s) => `${STATE_SYMBOL[s]} ${stateLabel(s, lang)}`).join(' · ');
  out.push(`${t('report.legend')}${t('report.colon')}${escapeMarkdown(legend)}`, '');
  out.push(escapeMarkdown(`${t('report.cellsHelp')}${t('report.stop')}${t('report.rateHelp')}${t('report.stop')}${t('report.attendanceHelp')}${t('report.stop')}`.trim()), '');
  out.push(`| ${t('report.column')} | ${t('report.requirement')} | ${t('report.periodColumn')} |`, '| --- | --- | --- |');
  for (const column of model.columns) {
    const periods = column.periods.map((p) => p.label).join(t('report.listSep'));
    out.push(`| ${escapeMarkdown(column.short)} | ${escapeMarkdown(column.title)} | ${escapeMarkdown(periods)} |`);
  }
  out.push('');

  if (model.uncounted.length > 0) {
    out.push(`### ${escapeMarkdown(countText(lang, 'report.uncountedTitle', model.uncounted.length, { count: model.uncounted.length }))}`, '');
    for (const file of model.uncounted) {
      for (const problem of file.problems) {
        out.push(`- \`${file.file.replace(/`/g, "'")}:${problem.line}:${problem.column}\` ${escapeMarkdown(problem.message)} (${problem.ruleId})`);
      }
    }
    out.push('');
  }
  if (model.recordProblems.length > 0) {
    out.push(`### ${escapeMarkdown(t('report.recordProblemsTitle', { count: model.summary.recordProblems }))}`, '');
    for (const file of model.recordProblems) {
      for (const problem of file.problems) {
        out.push(`- \`${file.file.replace(/`/g, "'")}:${problem.line}:${problem.column}\` ${escapeMarkdown(problem.message)} (${problem.ruleId})`);
      }
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
