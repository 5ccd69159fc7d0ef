/**
 * `due --format ics`: an iCalendar file (RFC 5545) that a phone calendar imports. One all-day event
 * per due item on its deadline, with a stable UID (a re-import updates the event instead of adding
 * a second one) and a DTSTAMP taken from the as-of date, so the same inputs give the same bytes.
 */
import { message } from '../i18n/index.js';
import type { DueItem, DueModel } from '../report/due.js';
import { addDays, daysBetween } from '../model/dates.js';

export interface DueIcsOptions {
  version: string;
}

/** TEXT value escaping (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545, 3.1): a continuation line starts with one space.
 * Never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

function alarm(trigger: string, description: string): string[] {
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${trigger}`, `DESCRIPTION:${escapeText(description)}`, 'END:VALARM'];
}

/**
 * A reminder that still lies ahead, three days before a deadline. A 换届 is reminded of by events of
 * its own (see termEvents): phone calendars keep an imported event, but some drop its alarms.
 */
function alarms(item: DueItem, model: DueModel, summary: string): string[] {
  const lang = model.lang;
  if (item.kind === 'term' || daysBetween(model.asOf, addDays(item.deadline, -3)) <= 0) return [];
  return alarm('-P3D', message(lang, 'due.alarm', { item: summary, when: message(lang, 'due.alarmSoon', { days: 3 }) }));
}

/** An all-day event with an alarm on its morning. */
function dayEvent(uid: string, date: string, summary: string, description: string, model: DueModel, extra: string[] = []): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${icsDate(model.asOf)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(date, 1))}`,
    ...extra,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'CATEGORIES:term-expiry',
    'TRANSP:TRANSPARENT',
    ...alarm('PT9H', summary),
    'END:VEVENT',
  ];
}

/**
 * A 换届: one event 6, 3 and 1 months before the term ends (those still ahead), and from the day it
 * ends one event every month (RRULE), until a new termStart gives the branch a new term.
 */
function termEvents(item: DueItem, model: DueModel): string[] {
  const lang = model.lang;
  const stages = ['6', '3', '1'] as const;
  const out: string[] = [];
  (item.reminders ?? []).slice(0, stages.length).forEach((date, i) => {
    if (date < model.asOf) return;
    const when = message(lang, `due.termStage.${stages[i]}`);
    const summary = message(lang, 'due.termReminder', { branch: item.branchName, deadline: item.deadline, when });
    out.push(...dayEvent(`${item.uid.replace('@', `-${stages[i]}m@`)}`, date, summary, `${item.title}\n${item.source}`, model));
  });
  const when = message(lang, 'due.termStage.expired');
  const summary = message(lang, 'due.termReminder', { branch: item.branchName, deadline: item.deadline, when });
  const description = [item.title, message(lang, 'due.termMonthly'), item.source, `${item.ruleId} · ${item.branch}`].join('\n');
  out.push(...dayEvent(item.uid, item.deadline, summary, description, model, ['RRULE:FREQ=MONTHLY']));
  return out;
}

function event(item: DueItem, model: DueModel): string[] {
  const lang = model.lang;
  const what = item.periodLabel ? `${item.title}${message(lang, 'report.paren', { text: item.periodLabel })}` : item.title;
  const summary = message(lang, 'due.eventSummary', { branch: item.branchName, item: what });
  const description = [
    message(lang, 'due.eventDeadline', { deadline: item.deadline }),
    ...(item.progress ? [message(lang, 'due.eventProgress', { progress: `${item.progress.count}/${item.progress.required}` })] : []),
    ...(item.stage ? [message(lang, `due.termStage.${item.stage}`)] : []),
    message(lang, 'due.eventSource', { source: item.source }),
    `${item.ruleId} · ${item.branch}`,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${item.uid}`,
    `DTSTAMP:${icsDate(model.asOf)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(item.deadline)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(item.deadline, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `CATEGORIES:${escapeText(item.ruleId)}`,
    'TRANSP:TRANSPARENT',
    ...alarms(item, model, summary),
    'END:VEVENT',
  ];
}

export function formatDueIcs(model: DueModel, options: DueIcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//dangjian//dangjian ${options.version}//${model.lang === 'en' ? 'EN' : 'ZH'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(message(model.lang, 'due.calendarName'))}`,
    ...model.items.flatMap((item) => (item.kind === 'term' ? termEvents(item, model) : event(item, model))),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
