/**
 * Hostile paths: one file reached by several paths, folders nested deeper than the system's path
 * limit. Every file is checked once, and every file found or named is checked or a finding.
 */
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, CONTROL_FINDINGS, findingsOf, type JsonFinding } from './catalogue.js';

function check(dir: string, paths: string[]) {
  const result = runCli(['check', ...paths, '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
  const json = JSON.parse(result.stdout) as { findings: JsonFinding[]; summary: { files: number } };
  return { ...result, ...json };
}

describe('hostile paths: one file by several paths', () => {
  it('a symbolic link to a folder of logs, given beside it: each file once', () => {
    const dir = tempTree({ [`logs/${CONTROL_FILE}`]: CONTROL });
    symlinkSync('.', path.join(dir, 'logs', 'loop'));
    const result = check(dir, ['logs', 'logs/loop', `logs/loop/${CONTROL_FILE}`]);
    expect(result.stderr).toBe('');
    expect(result.summary.files).toBe(1);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['first-topic']);
    expect(findingsOf(result.findings, `logs/${CONTROL_FILE}`)).toEqual(CONTROL_FINDINGS);
  });

  it('a hard link and a glob that reaches both names: once, under the first name in output order', () => {
    const dir = tempTree({ [`b/${CONTROL_FILE}`]: CONTROL });
    mkdirSync(path.join(dir, 'a'));
    linkSync(path.join(dir, 'b', CONTROL_FILE), path.join(dir, 'a', 'copy.yaml'));
    for (const paths of [['b', 'a'], ['**/*.yaml'], [`b/${CONTROL_FILE}`, 'a/copy.yaml']]) {
      const result = check(dir, paths);
      expect(result.summary.files).toBe(1);
      expect(result.findings.map((f) => [f.file, f.ruleId])).toEqual([['a/copy.yaml', 'first-topic']]);
    }
  });
});
