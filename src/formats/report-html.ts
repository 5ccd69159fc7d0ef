/**
 * `report --format html`: one self-contained page (inline CSS, no scripts, no external assets): a
 * heat map of branches by requirement, the legend, what needs attention and the files that could
 * not be counted. Prints on A4 landscape.
 */
import { message } from '../i18n/index.js';
import type { AttendanceTally, BranchRow, MarkState, ReportCell, ReportColumn, ReportMark, ReportModel, Tally } from '../report/model.js';
import { MARK_STATES } from '../report/model.js';
import { countText, markText, periodLabel, STATE_SYMBOL, stateLabel, subtitle, summaryLine } from '../report/present.js';
import { attendanceText, percentText } from '../report/tally.js';
import type { Lang } from '../types.js';

export interface ReportHtmlOptions {
  version: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
:root {
  --red: #b8121b; --red-dark: #8f0d14; --gold: #d9a441; --ink: #1f2933; --muted: #677384; --line: #dfe3e8;
  --done: #2f8f4e; --late: #d98a1c; --waived: #3f72af; --missing: #d0342c; --pending: #e6ecf3; --na: #f3f4f6; --uncounted: #8a7aa8;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #f5f6f8; color: var(--ink); font: 13px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
:lang(en) body { font-family: "Helvetica Neue", Arial, "Liberation Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.page { max-width: 1280px; margin: 0 auto; background: #fff; min-height: 100vh; box-shadow: 0 0 0 1px var(--line); }
.masthead { background: linear-gradient(100deg, var(--red-dark), var(--red) 55%, #c9252c); color: #fff; padding: 22px 32px 18px; border-bottom: 4px solid var(--gold); }
.masthead h1 { margin: 0; font-size: 24px; font-weight: 700; letter-spacing: 2px; }
.masthead p { margin: 6px 0 0; opacity: .92; font-size: 13px; }
main { padding: 20px 32px 28px; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-bottom: 16px; }
.kpi { border: 1px solid var(--line); border-top: 3px solid var(--red); border-radius: 4px; padding: 10px 14px; background: #fff; }
.kpi b { display: block; font-size: 22px; line-height: 1.2; font-variant-numeric: tabular-nums; }
.kpi span { color: var(--muted); font-size: 12px; }
.kpi.good b { color: var(--done); } .kpi.warn b { color: var(--late); } .kpi.bad b { color: var(--missing); } .kpi.info b { color: var(--waived); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin: 4px 0 12px; color: var(--muted); font-size: 12px; }
.legend .item { display: inline-flex; align-items: center; gap: 5px; }
h2 { font-size: 16px; margin: 22px 0 10px; padding-left: 10px; border-left: 4px solid var(--red); }
table { border-collapse: collapse; }
.heat { width: 100%; table-layout: fixed; font-size: 12px; }
.heat col.name { width: 136px; } .heat col.rate { width: 60px; }
.heat th, .heat td { border: 1px solid var(--line); padding: 3px 2px; text-align: center; vertical-align: middle; }
.heat thead th { background: #f7f0f0; color: #5b1a1d; font-weight: 600; }
.heat thead tr.bands th { background: var(--red); color: #fff; font-weight: 600; letter-spacing: 1px; padding: 4px; }
.heat thead th.req { height: 138px; padding: 4px 0; vertical-align: bottom; }
.heat thead th.req .v { writing-mode: vertical-rl; white-space: nowrap; display: inline-block; max-height: 118px; overflow: hidden; letter-spacing: 1px; line-height: 1.15; text-align: left; }
:lang(en) .heat thead th.req .v { white-space: normal; height: 118px; text-orientation: sideways; transform: rotate(180deg); letter-spacing: 0; font-size: 11px; }
.heat thead th.req small { display: block; font-weight: 400; color: var(--muted); font-size: 10px; margin-top: 2px; }
.heat th.name, .heat td.name { text-align: left; padding-left: 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.heat tr.group td { background: #fbf4f4; color: var(--red-dark); font-weight: 700; text-align: left; padding: 5px 8px; border-top: 2px solid #e9caca; }
.heat tr.subtotal td { background: #fafafa; color: var(--muted); font-size: 11px; }
.heat tr.total td { background: #f3f4f6; font-weight: 700; border-top: 2px solid #c9ced6; }
.heat tr.branch:hover td { background: #fffbea; }
.heat td.name .flag { color: var(--uncounted); font-weight: 700; margin-left: 4px; }
.marks { display: flex; flex-wrap: wrap; justify-content: center; gap: 1px; max-width: 72px; margin: 0 auto; }
.m { display: inline-block; min-width: 11px; height: 17px; line-height: 17px; border-radius: 2px; font-size: 10px; text-align: center; font-weight: 700; color: #fff; padding: 0 1px; font-variant-numeric: tabular-nums; }
.m.wide { min-width: 28px; padding: 0 2px; }
.m.done { background: var(--done); } .m.late { background: var(--late); } .m.waived { background: var(--waived); }
.m.missing { background: var(--missing); } .m.problem { background: #f4a09a; color: #5a0d08; } .m.pending { background: var(--pending); color: #4a5a70; box-shadow: inset 0 0 0 1px #cdd7e3; }
.m.pending.met { background: #e2f2e7; color: #1e6b38; box-shadow: inset 0 0 0 1px #b9dfc4; }
.m.not-applicable { background: var(--na); color: #b4b9c0; } .m.not-counted { background: var(--uncounted); }
.pct { display: inline-block; min-width: 40px; padding: 1px 3px; border-radius: 3px; font-variant-numeric: tabular-nums; font-weight: 600; }
.pct.r100 { background: #dff1e4; color: #1e6b38; } .pct.r90 { background: #eaf4d9; color: #4b6b12; }
.pct.r80 { background: #fdf0d5; color: #8a5a00; } .pct.r0 { background: #fbe0de; color: #a3211b; } .pct.none { color: #b4b9c0; }
.notes { color: var(--muted); font-size: 12px; margin: 10px 0 0; }
.notes p { margin: 2px 0; }
.columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2px 20px; font-size: 12px; margin: 0; padding: 0; list-style: none; }
.columns b { display: inline-block; min-width: 3.2em; color: var(--red-dark); }
.columns span { color: var(--muted); }
.list { width: 100%; font-size: 12px; }
.list th, .list td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
.list th { background: #f7f0f0; color: #5b1a1d; font-weight: 600; }
.list td.state, .list td:nth-child(-n+3) { white-space: nowrap; }
.list code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 11px; color: #445; }
.uncounted { border: 1px solid #f0c8c5; border-left: 4px solid var(--missing); background: #fff7f6; padding: 10px 14px; border-radius: 4px; }
.uncounted td:first-child { width: 1%; white-space: nowrap; } .uncounted td:last-child { width: 1%; }
.uncounted h2 { border: 0; padding: 0; margin: 0 0 6px; color: var(--missing); }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: 11px; padding: 12px 32px 20px; border-top: 1px solid var(--line); display: flex; justify-content: space-between; }
@page { size: A4 landscape; margin: 9mm 8mm; }
@media print {
  body { background: #fff; font-size: 9pt; }
  .page { max-width: none; box-shadow: none; }
  .masthead { padding: 8px 12px 6px; border-bottom-width: 3px; }
  .masthead h1 { font-size: 16pt; }
  main { padding: 6px 0 0; }
  footer { padding: 6px 0 0; }
  .kpis { gap: 6px; margin-bottom: 8px; } .kpi { padding: 4px 8px; } .kpi b { font-size: 14pt; }
  .heat { font-size: 8pt; } .heat col.name { width: 30mm; } .heat col.rate { width: 13mm; }
  .heat thead { display: table-header-group; } .heat thead th.req { height: 26mm; }
  .heat tr { break-inside: avoid; }
  .m { min-width: 9px; height: 13px; line-height: 13px; font-size: 7pt; padding: 0; }
  .marks { max-width: 40px; }
  .pct { min-width: 0; padding: 0 2px; }
  .m.wide { min-width: 22px; }
  h2 { break-after: avoid; }
  .attention, .uncounted { break-inside: auto; }
}
`;

function rateClass(tally: Tally): string {
  if (tally.rate === null) return 'none';
  if (tally.met === tally.counted) return 'r100';
  if (tally.rate >= 0.9) return 'r90';
  return tally.rate >= 0.8 ? 'r80' : 'r0';
}

function pct(tally: Tally, _cell?: 0 | 1): string {
  const text = percentText(tally);
  return `<span class="pct ${rateClass(tally)}">${text ? escapeHtml(text) : '–'}</span>`;
}

function markTitle(mark: ReportMark, column: ReportColumn, lang: Lang): string {
  const parts = [`${periodLabel(mark.period, lang, 'short')} ${markText(mark, lang)}`];
  if (mark.groups?.length) parts.push(message(lang, 'report.groupProgress', { count: mark.count ?? 0, required: mark.required ?? 0 }));
  if (mark.waiver) parts.push(message(lang, 'report.waivedBy', { ...mark.waiver }));
  for (const finding of mark.findings.filter((f) => !f.waived)) parts.push(finding.message);
  return `${column.name} · ${parts.join(message(lang, 'report.sep'))}`;
}

function markBox(mark: ReportMark, column: ReportColumn, lang: Lang, single: boolean): string {
  // Progress shows in a cell of one period; in a cell of several, in the tooltip.
  const progress = single && mark.state === 'pending' && mark.required !== undefined;
  const text = progress ? `${mark.count}/${mark.required}` : STATE_SYMBOL[mark.state];
  const met = mark.state === 'pending' && mark.required !== undefined && (mark.count ?? 0) >= mark.required;
  return `<span class="m ${mark.state}${progress ? ' wide' : ''}${met ? ' met' : ''}" title="${escapeHtml(markTitle(mark, column, lang))}">${escapeHtml(text)}</span>`;
}

function cellHtml(cell: ReportCell, column: ReportColumn, lang: Lang): string {
  const single = cell.marks.length === 1;
  return `<td><div class="marks">${cell.marks.map((m) => markBox(m, column, lang, single)).join('')}</div></td>`;
}

function branchRowHtml(row: BranchRow, model: ReportModel, lang: Lang): string {
  const flag = row.incomplete ? `<span class="flag" title="${escapeHtml(message(lang, 'report.incompleteBranch'))}">?</span>` : '';
  const title = `${row.name} (${row.id})`;
  return `<tr class="branch"><td class="name" title="${escapeHtml(title)}">${escapeHtml(row.name)}${flag}</td>${row.cells
    .map((cell, i) => cellHtml(cell, model.columns[i], lang))
    .join('')}<td>${pct(row.tally, 1)}</td><td>${attendanceCell(row.attendance)}</td></tr>`;
}

function kpis(model: ReportModel, lang: Lang): string {
  const t = (id: string) => message(lang, id);
  const tally = model.total.tally;
  const card = (value: string | number, label: string, tone = '') => `<div class="kpi ${tone}"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
  return `<section class="kpis">${[
    card(model.summary.branches, t('report.kpi.branches')),
    card(percentText(tally) ?? '–', t('report.kpi.rate'), tally.counted > 0 && tally.met === tally.counted ? 'good' : tally.rate !== null && tally.rate < 0.8 ? 'bad' : 'warn'),
    card(tally.missing + tally.problem, t('report.kpi.missing'), tally.missing + tally.problem ? 'bad' : 'good'),
    card(attendanceText(model.total.attendance) ?? '–', t('report.attendance'), 'info'),
    card(tally.late, t('report.kpi.late'), 'warn'),
    card(tally.waived, t('report.kpi.waived'), 'info'),
    card(model.uncounted.length, t('report.kpi.uncounted'), model.uncounted.length ? 'bad' : 'good'),
  ].join('')}</section>`;
}

function legend(lang: Lang): string {
  const items = MARK_STATES.map(
    (s) => `<span class="item" title="${escapeHtml(message(lang, `report.stateHelp.${s}`))}"><span class="m ${s}">${escapeHtml(STATE_SYMBOL[s])}</span>${escapeHtml(stateLabel(s, lang))}</span>`,
  );
  return `<div class="legend"><strong>${escapeHtml(message(lang, 'report.legend'))}</strong>${items.join('')}</div>`;
}

function heatTable(model: ReportModel, lang: Lang): string {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const cadence = model.columns.filter((c) => c.category === 'cadence').length;
  const content = model.columns.length - cadence;
  const out: string[] = [];
  out.push('<table class="heat">');
  out.push(`<colgroup><col class="name">${model.columns.map(() => '<col>').join('')}<col class="rate"><col class="rate"></colgroup>`);
  out.push('<thead>');
  const bands = [cadence ? `<th colspan="${cadence}">${escapeHtml(t('report.band.cadence'))}</th>` : '', content ? `<th colspan="${content}">${escapeHtml(t('report.band.content'))}</th>` : ''];
  out.push(`<tr class="bands"><th rowspan="2" class="name">${escapeHtml(t('report.branch'))}</th>${bands.join('')}<th rowspan="2">${escapeHtml(t('report.rate'))}</th><th rowspan="2">${escapeHtml(t('report.attendance'))}</th></tr>`);
  out.push(
    `<tr>${model.columns
      .map(
        (c) =>
          `<th class="req" title="${escapeHtml(c.title)}"><span class="v">${escapeHtml(c.name)}</span><small>${escapeHtml(t(`report.kind.${c.periodKind}`))}</small></th>`,
      )
      .join('')}</tr>`,
  );
  out.push('</thead><tbody>');
  const span = model.columns.length + 3;
  for (const group of model.groups) {
    out.push(`<tr class="group"><td colspan="${span}">${escapeHtml(group.label)}</td></tr>`);
    for (const row of group.branches) out.push(branchRowHtml(row, model, lang));
    out.push(
      `<tr class="subtotal"><td class="name">${escapeHtml(t('report.subtotal'))}</td>${group.subtotal.cells.map((c) => `<td>${pct(c, 0)}</td>`).join('')}<td>${pct(group.subtotal.tally, 1)}</td><td>${attendanceCell(group.subtotal.attendance)}</td></tr>`,
    );
  }
  out.push(
    `<tr class="total"><td class="name">${escapeHtml(t('report.total'))}</td>${model.total.cells.map((c) => `<td>${pct(c, 0)}</td>`).join('')}<td>${pct(model.total.tally, 1)}</td><td>${attendanceCell(model.total.attendance)}</td></tr>`,
  );
  out.push('</tbody></table>');
  return out.join('\n');
}

function columnList(model: ReportModel, lang: Lang): string {
  const items = model.columns.map((c) => {
    const periods = c.periods.map((p) => p.label).join(message(lang, 'report.listSep'));
    return `<li><b>${escapeHtml(c.name)}</b> ${escapeHtml(c.title)}<span>${escapeHtml(message(lang, 'report.paren', { text: periods }))}</span></li>`;
  });
  return `<ul class="columns">${items.join('')}</ul>`;
}

/**
 * Every period that is missing or waived, with check's message or the waiver; a branch whose
 * unmet periods could not be counted gets one line that names them.
 */
function attention(model: ReportModel, lang: Lang): string {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const rows: string[] = [];
  const line = (branch: string, requirement: string, period: string, state: MarkState, detail: string) =>
    `<tr><td>${escapeHtml(branch)}</td><td>${escapeHtml(requirement)}</td><td>${escapeHtml(period)}</td><td class="state"><span class="m ${state}">${escapeHtml(
      STATE_SYMBOL[state],
    )}</span> ${escapeHtml(stateLabel(state, lang))}</td><td>${escapeHtml(detail)}</td></tr>`;
  for (const group of model.groups) {
    for (const row of group.branches) {
      const notCounted: string[] = [];
      row.cells.forEach((cell, i) => {
        const column = model.columns[i];
        const uncountedPeriods = cell.marks.filter((m) => m.state === 'not-counted').map((m) => periodLabel(m.period, lang, 'short'));
        if (uncountedPeriods.length) notCounted.push(column.name + t('report.paren', { text: uncountedPeriods.join(t('report.listSep')) }));
        for (const mark of cell.marks) {
          if (mark.state === 'waived') {
            rows.push(line(row.name, column.name, periodLabel(mark.period, lang), mark.state, mark.waiver ? t('report.waivedBy', { ...mark.waiver }) : ''));
          } else if (mark.state === 'missing' || mark.state === 'problem') {
            const messages = mark.findings.filter((f) => !f.waived).map((f) => f.message);
            rows.push(line(row.name, column.name, periodLabel(mark.period, lang), mark.state, messages.join(t('report.sep'))));
          }
        }
      });
      if (notCounted.length) {
        rows.push(line(row.name, countText(lang, 'report.requirementCount', notCounted.length, { count: notCounted.length }), '', 'not-counted', `${t('report.stateHelp.not-counted')}${t('report.colon')}${notCounted.join(t('report.listSep'))}`));
      }
    }
  }
  const body = rows.length
    ? `<table class="list"><thead><tr><th>${escapeHtml(t('report.branch'))}</th><th>${escapeHtml(t('report.requirement'))}</th><th>${escapeHtml(t('report.periodColumn'))}</th><th>${escapeHtml(t('report.state'))}</th><th>${escapeHtml(t('report.note'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p class="empty">${escapeHtml(t('report.attentionNone'))}</p>`;
  return `<section class="attention"><h2>${escapeHtml(t('report.attention'))}</h2>${body}</section>`;
}

function attendanceCell(tally: AttendanceTally): string {
  return `<span class="pct">${escapeHtml(attendanceText(tally) ?? '–')}</span>`;
}

/** 换届 reminders and 记录问题: what the leadership table does not count. */
function notices(model: ReportModel, lang: Lang): string {
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const terms = model.groups
    .flatMap((group) => group.branches)
    .filter((row) => row.termEnd)
    .map((row) => `<li>${escapeHtml(t('report.termEnds', { branch: row.name, termEnd: row.termEnd! }))}</li>`);
  const problems = model.recordProblems.flatMap((file) =>
    file.problems.map(
      (p) => `<tr><td><code>${escapeHtml(`${file.file}:${p.line}:${p.column}`)}</code></td><td>${escapeHtml(p.message)}</td><td><code>${escapeHtml(p.ruleId)}</code></td></tr>`,
    ),
  );
  return [
    terms.length ? `<section class="terms"><ul>${terms.join('')}</ul></section>` : '',
    problems.length
      ? `<section class="record-problems"><h2>${escapeHtml(t('report.recordProblemsTitle', { count: model.summary.recordProblems }))}</h2><table class="list"><tbody>${problems.join('')}</tbody></table></section>`
      : '',
  ].join('');
}

function uncounted(model: ReportModel, lang: Lang): string {
  if (model.uncounted.length === 0) return '';
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const rows = model.uncounted.flatMap((file) =>
    file.problems.map(
      (p) => `<tr><td><code>${escapeHtml(`${file.file}:${p.line}:${p.column}`)}</code></td><td>${escapeHtml(p.message)}</td><td><code>${escapeHtml(p.ruleId)}</code></td></tr>`,
    ),
  );
  return `<section class="uncounted"><h2>${escapeHtml(countText(lang, 'report.uncountedTitle', model.uncounted.length, { count: model.uncounted.length }))}</h2><table class="list"><tbody>${rows.join('')}</tbody></table></section>`;
}

export function formatReportHtml(model: ReportModel, options: ReportHtmlOptions): string {
  const lang = model.lang as Lang;
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const title = t('report.title', { period: model.period.label });
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dangjian ${escapeHtml(options.version)}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="page">
<header class="masthead"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(summaryLine(model))}</p></header>
<main>
${kpis(model, lang)}
${legend(lang)}
${heatTable(model, lang)}
<div class="notes"><p>${escapeHtml(t('report.cellsHelp'))}${escapeHtml(t('report.stop'))}</p><p>${escapeHtml(t('report.rateHelp'))}${escapeHtml(t('report.stop'))}</p><p>${escapeHtml(t('report.attendanceHelp'))}${escapeHtml(t('report.stop'))}</p></div>
<h2>${escapeHtml(t('report.legendColumns'))}</h2>
${columnList(model, lang)}
${attention(model, lang)}
${uncounted(model, lang)}
${notices(model, lang)}
</main>
<footer><span>${escapeHtml(t('report.generatedBy', { version: options.version }))}</span><span>${escapeHtml(subtitle(model))}</span></footer>
</div>
</body>
</html>
`;
}
