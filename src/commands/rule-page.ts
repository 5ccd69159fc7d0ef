/**
 * A rule's page (Markdown) as a terminal shows it: headings underlined, code indented, the test
 * fences of the examples (```yaml failing as-of=2026-01-20) turned into a caption a reader
 * understands, and Markdown's marks (backticks, bold, links) taken out.
 */
import type { TypeRegistry } from '../model/activity-types.js';
import { rulePageText } from '../rules/pages.js';
import type { Rule } from '../rules/rule.js';
import { maskPersonalData } from '../privacy.js';
import type { Lang } from '../types.js';

const FENCE = /^```(\w*)\s*(.*)$/;

/** Display width: a Chinese character takes two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** "a failing example, as of 2026-01-20" for the info string of an example's fence. */
function caption(info: string, lang: Lang): string | undefined {
  const kind = /\b(failing|passing)\b/.exec(info)?.[1];
  if (!kind) return undefined;
  const asOf = /as-of=(\S+)/.exec(info)?.[1];
  if (lang === 'en') return `(${kind === 'failing' ? 'reported' : 'passes'}${asOf ? `, checked as of ${asOf}` : ''})`;
  return `（${kind === 'failing' ? '会报问题' : '可以通过'}${asOf ? `，检查日期 ${asOf}` : ''}）`;
}

export function terminalPage(markdown: string, lang: Lang): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    const fence = FENCE.exec(line);
    if (fence) {
      if (!fenced) {
        const text = caption(fence[2], lang);
        if (text) out.push(text);
      }
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(line ? `    ${line}` : '');
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = inline(heading[1]);
      out.push(title, '─'.repeat(width(title)));
      continue;
    }
    out.push(inline(line).replace(/^(\s*)[-*] /, '$1• '));
  }
  return out.join('\n');
}

/** Splits a page at its level-2 headings. */
export function splitSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== undefined) sections.set(current, buffer.join('\n'));
  };
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      current = heading[1].trim();
      buffer = [];
    } else {
      buffer.push(line);
    }
  }
  flush();
  return sections;
}

/** The page of a rule in one language: its text and its examples (Markdown), or undefined for a configured rule. */
export function rulePageSections(rule: Rule, types: TypeRegistry, lang: Lang): { body?: string; examples?: string } | undefined {
  const page = rulePageText(rule, types);
  if (page === undefined) return undefined;
  const sections = splitSections(page);
  const examples = sections.get('示例 / Examples')?.trim();
  return { body: sections.get(lang === 'en' ? 'English' : '中文')?.trim(), examples: examples && oneLanguage(examples, lang) };
}

/**
 * A caption written in both languages, “中文。/ English.”: Chinese up to the first slash after a
 * Chinese character or punctuation mark, English from the capital letter or digit after it.
 */
const BOTH = /^(.*?[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef”’）]) ?\/ ([A-Z0-9].*)$/;

/** The examples' captions in one language (the examples themselves, in fences, as they are). */
function oneLanguage(examples: string, lang: Lang): string {
  let fenced = false;
  return examples
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) fenced = !fenced;
      const both = fenced ? null : BOTH.exec(line);
      return both ? both[lang === 'en' ? 2 : 1] : line;
    })
    .join('\n');
}

/** A rule's full help for SARIF: its page as Markdown and as plain text. */
export function ruleHelp(rule: Rule, types: TypeRegistry, lang: Lang): { text: string; markdown: string } | undefined {
  const page = rulePageSections(rule, types, lang);
  if (!page?.body) return undefined;
  // The pages' own examples use sample ID and phone numbers: no output shows one in full.
  const markdown = maskPersonalData([page.body, ...(page.examples ? [`### ${lang === 'en' ? 'Examples' : '示例'}`, page.examples] : [])].join('\n\n'));
  return { markdown, text: terminalPage(markdown, lang) };
}
