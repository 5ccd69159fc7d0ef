/**
 * Hostile paths: one file reached by several paths, folders nested deeper than the system's path
 * limit. Every file is checked once, and every file found or named is checked or a finding.
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_RULES, runCli, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, CONTROL_FINDINGS, findingsOf, type JsonFinding } from './catalogue.js';

function check(dir: string, paths: string[]) {
  const result = runCli(['check', ...paths, '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
  const json = JSON.parse(result.stdout) as { findings: JsonFinding[]; summary: { files: number } };
  return { ...result, ...json };
}

describe('hostile paths: one file by several paths', () => {
  it('a symbolic link to a folder of logs, given beside it: each file once', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, [`logs/${CONTROL_FILE}`]: CONTROL });
    symlinkSync('.', path.join(dir, 'logs', 'loop'));
    const result = check(dir, ['logs', 'logs/loop', `logs/loop/${CONTROL_FILE}`]);
    expect(result.stderr).toBe('');
    expect(result.summary.files).toBe(1);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['first-topic']);
    expect(findingsOf(result.findings, `logs/${CONTROL_FILE}`)).toEqual(CONTROL_FINDINGS);
  });

  it('a hard link and a glob that reaches both names: once, under the first name in output order', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, [`b/${CONTROL_FILE}`]: CONTROL });
    mkdirSync(path.join(dir, 'a'));
    linkSync(path.join(dir, 'b', CONTROL_FILE), path.join(dir, 'a', 'copy.yaml'));
    for (const paths of [['b', 'a'], ['**/*.yaml'], [`b/${CONTROL_FILE}`, 'a/copy.yaml']]) {
      const result = check(dir, paths);
      expect(result.summary.files).toBe(1);
      expect(result.findings.map((f) => [f.file, f.ruleId])).toEqual([['a/copy.yaml', 'first-topic']]);
    }
  });
});

describe('hostile paths: deeper than the system allows', () => {
  /** Six logs, one per level, in folders of 200 characters: the last levels are beyond PATH_MAX (4096). */
  function deepTree(): string {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, [CONTROL_FILE]: CONTROL });
    const name = 'd'.repeat(200);
    const script = `cd "$1" && for i in $(seq 1 24); do mkdir ${name} && cd ${name} && printf '%s' "$2" > "log$i.yaml"; done`;
    const log = CONTROL.replace('id: control', 'id: deep');
    const made = spawnSync('bash', ['-c', script, 'bash', dir, log], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    return dir;
  }

  it.each([['a folder', '.'], ['a glob', '**/*.yaml']])('%s: every log is checked or a finding', (_name, input) => {
    const dir = deepTree();
    const result = check(dir, [input]);
    expect(result.stderr).toBe('');
    const unreadable = result.findings.filter((f) => f.ruleId === 'file-unreadable');
    const checked = new Set(result.findings.filter((f) => f.ruleId === 'first-topic').map((f) => f.file));
    // The control file and the reachable levels are checked; what lies deeper is one finding.
    expect(checked.size + unreadable.length).toBeGreaterThanOrEqual(2);
    expect(unreadable.length).toBeGreaterThanOrEqual(1);
    expect(unreadable[0].message).toBe('路径过长（超过系统允许的长度），其中的台账无法读取。请缩短文件夹的名称，或减少文件夹的层级');
    expect(checked.size).toBe(1 + 20);
  });
});
