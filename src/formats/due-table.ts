/** `due --format table`: what each branch still has to do, branch by branch, nearest deadline first. */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { message } from '../i18n/index.js';
import type { DueItem, DueModel } from '../report/due.js';
import { countText, displayWidth, truncateWidth, uncountedLines } from '../report/present.js';

export interface DueTableOptions {
  colorLevel: 0 | 1 | 2 | 3;
  width?: number;
}

function when(item: DueItem, model: DueModel): string {
  if (item.daysLeft < 0) return countText(model.lang, 'due.overdue', -item.daysLeft, { days: -item.daysLeft });
  if (item.daysLeft === 0) return message(model.lang, 'due.today');
  return countText(model.lang, 'due.daysLeft', item.daysLeft, { days: item.daysLeft });
}

/** The item's requirement without its group (the group has its own column). */
function titleWithoutGroup(item: DueItem, model: DueModel): string {
  const suffix = message(model.lang, 'due.groupItem', { title: '', group: item.group! });
  return item.title.endsWith(suffix) ? item.title.slice(0, -suffix.length) : item.title;
}

function urgency(chalk: ChalkInstance, item: DueItem): (text: string) => string {
  if (item.overdue || item.stage === 'expired') return chalk.red.bold;
  if (item.daysLeft <= 7) return chalk.yellow;
  return (text) => text;
}

function progress(item: DueItem, model: DueModel): string {
  if (item.progress) return `${item.progress.count}/${item.progress.required}`;
  if (item.stage) return message(model.lang, `due.termStage.${item.stage}`);
  return '';
}

export function formatDueTable(model: DueModel, options: DueTableOptions): string {
  const lang = model.lang;
  const t = (id: string, params?: Record<string, string | number>) => message(lang, id, params);
  const chalk = new Chalk({ level: options.colorLevel });
  const budget = options.width ?? 120;
  const out: string[] = [chalk.bold(t('due.title', { asOf: model.asOf, days: model.within }))];
  if (model.items.length === 0) {
    out.push(chalk.green(t('due.none', { asOf: model.asOf, days: model.within })));
  } else {
    const grouped = model.items.some((item) => item.group !== undefined);
    const head = [t('report.branch'), t('due.item'), t('due.period'), t('due.deadline'), t('due.when'), t('due.progress'), ...(grouped ? [t('due.group')] : [])];
    // A group's name has a column of its own, so that a narrow item column never cuts it.
    const rows = model.items.map((item) => [
      item.branchName,
      item.group !== undefined ? titleWithoutGroup(item, model) : item.title,
      item.periodLabel ?? '',
      item.deadline,
      when(item, model),
      progress(item, model),
      ...(grouped ? [item.group ?? ''] : []),
    ]);
    const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))) + 2);
    // The item column gives way when the table would be wider than the terminal.
    const others = widths.reduce((sum, w, i) => (i === 1 ? sum : sum + w), 0) + widths.length + 1;
    widths[1] = Math.max(16, Math.min(widths[1], budget - others));
    widths[0] = Math.min(widths[0], 22);
    const table = new Table({ head, colWidths: widths, style: { head: [], border: [], compact: true }, wordWrap: false });
    let previous: string | undefined;
    model.items.forEach((item, i) => {
      const paint = urgency(chalk, item);
      const row = rows[i];
      const first = item.branch !== previous;
      previous = item.branch;
      table.push([
        first ? chalk.bold(truncateWidth(row[0], widths[0] - 2)) : '',
        truncateWidth(row[1], widths[1] - 2),
        row[2],
        paint(row[3]),
        paint(row[4]),
        row[5],
        ...(grouped ? [row[6]] : []),
      ]);
    });
    out.push(table.toString());
    const summary = t('due.count', { items: countText(lang, 'due.count.items', model.summary.items), overdue: model.summary.overdue });
    out.push(model.summary.overdue ? chalk.red.bold(summary) : summary);
  }
  out.push(...uncountedLines(model.uncounted, chalk, lang));
  return `${out.join('\n')}\n`;
}
