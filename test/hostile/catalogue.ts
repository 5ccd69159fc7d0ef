/**
 * The catalogue of hostile inputs: each case is a file and the exact findings it must give. A group
 * of cases is checked in one run of the command line, next to a control file whose one known finding
 * shows that the other files are still fully checked.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runMain, tempTree, type CliResult } from '../helpers.js';

/** [ruleId, line, column, message] */
export type Expected = [string, number, number, string];

export interface Case {
  name: string;
  /** File name (relative to the run's folder); several cases may share a folder layout. */
  file: string;
  content: string | Uint8Array;
  /** Every finding of the file, in output order, messages in Chinese. */
  expect: Expected[];
  /** The English messages of the same findings, for a sample of cases. */
  en?: string[];
}

/** As of the last day of January nothing is evaluated yet: only content and input findings remain. */
export const AS_OF = '2026-01-31';

/** A minimal valid header for a branch of its own (so that files never merge by accident). */
export function header(id: string): string {
  return `version: 1\nbranch:\n  id: ${id}\n  name: 测试党支部\n  members: 10\n`;
}

export const CONTROL_FILE = 'control.yaml';
export const CONTROL = `${header('control')}activities:
  - date: 2026-01-05
    type: 支委会
    title: 一月支委会
    firstTopic: 学习党章
  - date: 2026-01-20
    type: 支委会
    title: 一月临时支委会
`;
export const CONTROL_FINDINGS: Expected[] = [['first-topic', 11, 5, '2026-01-20 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容']];

export interface JsonFinding {
  ruleId: string;
  severity: string;
  branch?: string;
  period?: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The hostile inputs are about reading files, not about what their records say: the record-quality rules are off. */
export const RECORD_RULES_OFF = ['record-complete', 'attendance-consistent', 'absence-reason', 'committee-meeting-quorum', 'vote-majority', 'term-unknown'].flatMap(
  (id) => ['--rule', `${id}:off`],
);

export interface GroupRun {
  dir: string;
  zh: CliResult & { findings: JsonFinding[] };
  en: CliResult & { findings: JsonFinding[] };
  /** The same check in worker threads with a cache: a first run that fills it, a second that reads it. */
  workers: CliResult[];
}

/**
 * Writes the cases and the control file into one folder and checks it once per language (in this
 * process), then twice in worker threads with a cache (in the built command's process, where the
 * worker module is).
 */
export async function runGroup(cases: Case[], options: { args?: string[]; extraFiles?: Record<string, string | Uint8Array>; paths?: string[] } = {}): Promise<GroupRun> {
  const files: Record<string, string | Uint8Array> = { [CONTROL_FILE]: CONTROL, ...options.extraFiles };
  for (const item of cases) files[item.file] = item.content;
  const dir = tempTree(files);
  const args = (lang: string) => ['check', ...(options.paths ?? ['.']), '--as-of', AS_OF, '--format', 'json', '--lang', lang, ...RECORD_RULES_OFF, ...(options.args ?? [])];
  const run = async (lang: string) => {
    const result = await runMain(args(lang), { cwd: dir });
    let findings: JsonFinding[] = [];
    try {
      findings = JSON.parse(result.stdout).findings;
    } catch {
      // the assertions below show stdout and stderr
    }
    return { ...result, findings };
  };
  const cache = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-cache-')), 'cache');
  const workers = [1, 2].map(() => runCli([...args('zh-CN'), '--concurrency', '2', '--cache-location', cache], { cwd: dir }));
  return { dir, zh: await run('zh-CN'), en: await run('en'), workers };
}

export function findingsOf(findings: JsonFinding[], file: string): Expected[] {
  return findings.filter((f) => f.file === file).map((f) => [f.ruleId, f.line, f.column, f.message]);
}

/** The whole catalogue test of a group: one test per case, and the run-wide guarantees. */
export function describeGroup(title: string, cases: Case[], options: Parameters<typeof runGroup>[1] = {}): () => GroupRun {
  let run: GroupRun;
  describe(title, () => {
    // A group of heavy cases, checked four times: more than a hook's usual time on a busy machine.
    beforeAll(async () => {
      run = await runGroup(cases, options);
    }, 300_000);

    it('exits 1 with one JSON object on stdout, nothing on stderr, in both languages', () => {
      for (const result of [run.zh, run.en]) {
        expect(result.stderr).toBe('');
        expect(result.status).toBe(1);
        expect(() => JSON.parse(result.stdout)).not.toThrow();
        expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      }
    });

    it('gives the same result in worker threads, and again from the cache', () => {
      for (const result of run.workers) expect(result).toEqual({ status: run.zh.status, stdout: run.zh.stdout, stderr: '' });
    });

    it('still checks the control file completely', () => {
      expect(findingsOf(run.zh.findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
      expect(JSON.parse(run.zh.stdout).summary.files).toBe(cases.length + 1 + Object.keys(options.extraFiles ?? {}).length);
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, item) => {
      expect(findingsOf(run.zh.findings, item.file)).toEqual(item.expect);
      const english = findingsOf(run.en.findings, item.file);
      // Rule ids, positions and order never change with the language.
      expect(english.map(([ruleId, line, column]) => [ruleId, line, column])).toEqual(item.expect.map(([ruleId, line, column]) => [ruleId, line, column]));
      if (item.en) expect(english.map((f) => f[3])).toEqual(item.en);
    });
  });
  return () => run;
}

let gbTable: Map<string, number[]> | undefined;

/**
 * GB18030 (and so GBK) bytes of a text, for test files: Node decodes GB18030 but cannot encode it.
 * Two-byte characters come from decoding every two-byte sequence; characters beyond the BMP use the
 * four-byte formula of GB18030.
 */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          if (!gbTable.has(char)) gbTable.set(char, [lead, trail]);
        } catch {
          // not a character
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (gbTable.has(char)) bytes.push(...gbTable.get(char)!);
    else if (code >= 0x10000) {
      let linear = code - 0x10000 + 189000;
      const b4 = 0x30 + (linear % 10);
      linear = Math.floor(linear / 10);
      const b3 = 0x81 + (linear % 126);
      linear = Math.floor(linear / 126);
      const b2 = 0x30 + (linear % 10);
      const b1 = 0x81 + Math.floor(linear / 10);
      bytes.push(b1, b2, b3, b4);
    } else throw new Error(`encodeGb18030 cannot encode ${char}`);
  }
  return new Uint8Array(bytes);
}

/** UTF-16 with a byte order mark. */
export function encodeUtf16(text: string, endian: 'LE' | 'BE'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'BE') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

export function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
}
