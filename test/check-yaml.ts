/** In-process checking of small YAML snippets, for the rule tables. */
import { Engine, type EngineOptions } from '../src/engine.js';
import { findFiles } from '../src/load/files.js';
import type { Finding } from '../src/types.js';
import { tempTree } from './helpers.js';

export const HEADER = 'version: 1\nbranch:\n  id: b1\n  name: 测试党支部\n  members: 10\n';

export interface CheckOptions {
  asOf: string;
  since?: string;
  rules?: EngineOptions['rules'];
  lang?: EngineOptions['lang'];
}

/** Checks files (name → YAML) and returns all findings. */
export async function checkFiles(files: Record<string, string>, options: CheckOptions): Promise<Finding[]> {
  const dir = tempTree(files);
  const engine = new Engine({
    window: { asOf: options.asOf, since: options.since ?? `${options.asOf.slice(0, 4)}-01-01` },
    lang: options.lang ?? 'zh-CN',
    rules: options.rules,
  });
  const inputs = await findFiles([dir], dir);
  return engine.check(inputs).result.findings;
}

/** Checks one file made of HEADER + body. */
export function checkBody(body: string, options: CheckOptions): Promise<Finding[]> {
  return checkFiles({ 'log.yaml': HEADER + body }, options);
}

/** The findings of one rule as [period, line] pairs (period '' when absent). */
export function of(findings: Finding[], ruleId: string): [string, number][] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => [f.period ?? '', f.line]);
}

/** YAML for a list of activities given as [date, type, extra fields]. */
export function activities(items: [string, string, string?][]): string {
  if (items.length === 0) return 'activities: []\n';
  return `activities:\n${items.map(([date, type, extra]) => `  - date: ${date}\n    type: ${type}\n${extra ? `    ${extra}\n` : ''}`).join('')}`;
}
