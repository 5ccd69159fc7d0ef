/**
 * The CI templates' commands, run locally without network: every `run:` step of the GitHub Actions
 * workflow (each matrix shard, then the merge job) and the GitLab job's script, on a copy of the
 * examples, with `npx dangjian` pointing at this build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, tempTree } from './helpers.js';

interface Step {
  run?: string;
  name?: string;
}

/** A workspace with logs/ (the examples) and an `npx` that runs this build for `npx dangjian`. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempTree({});
  cpSync(path.join(ROOT, 'examples/broken'), path.join(dir, 'logs/broken'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/split'), path.join(dir, 'logs/split'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/clean'), path.join(dir, 'logs/clean'), { recursive: true });
  const bin = path.join(dir, '.bin');
  mkdirSync(bin);
  const npx = path.join(bin, 'npx');
  writeFileSync(npx, `#!/usr/bin/env bash\nif [ "$1" = dangjian ]; then shift; exec "${process.execPath}" "${BIN}" "$@"; fi\necho "unexpected npx $*" >&2; exit 127\n`);
  chmodSync(npx, 0o755);
  const env = { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, LANG: 'zh_CN.UTF-8', NO_COLOR: '1', CI: 'true' };
  return { dir, env };
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('examples/ci/github-actions.yml', () => {
  const workflow = parse(readFileSync(path.join(ROOT, 'examples/ci/github-actions.yml'), 'utf8'));
  const runs = (job: string) => (workflow.jobs[job].steps as Step[]).filter((s) => s.run && s.run !== 'npm ci');

  it('shards, merges, annotates, writes SARIF and a step summary', () => {
    const { dir, env } = workspace();
    const shards: number[] = workflow.jobs.check.strategy.matrix.shard;
    for (const shard of shards) {
      for (const step of runs('check')) {
        const result = bash(step.run!.replace(/\$\{\{ matrix\.shard \}\}/g, String(shard)), dir, env);
        expect(result.status, `${step.name}: ${result.stderr}`).toBe(0);
      }
    }
    const summary = path.join(dir, 'summary.md');
    const outcomes = runs('report').map((step) => ({ name: step.name, ...bash(step.run!, dir, { ...env, GITHUB_STEP_SUMMARY: summary }) }));
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['Summary', 0],
      ['SARIF', 0],
      ['Annotations', 1],
    ]);
    const annotations = outcomes[2].stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toContain('::error file=logs/broken/smelter-1.yaml,line=28,col=5,title=支委会须有“第一议题” (first-topic)::2026-02-03 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容');
    expect(JSON.parse(readFileSync(path.join(dir, 'dangjian.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(summary, 'utf8')).toContain('smelter-1');

    // The same as one unsharded run.
    const single = bash('npx dangjian check logs/ --format github', dir, env);
    expect(outcomes[2].stdout).toBe(single.stdout);
  }, 180_000);
});

describe('examples/ci/gitlab-ci.yml', () => {
  const pipeline = parse(readFileSync(path.join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8'));

  it('writes the JUnit and Code Quality reports and fails the job on errors', () => {
    const { dir, env } = workspace();
    const script = (pipeline.dangjian.script as string[]).filter((line) => !line.startsWith('npm ci')).join('\n');
    const result = bash(script, dir, env);
    expect(result.status).toBe(1);
    for (const report of [pipeline.dangjian.artifacts.reports.junit, pipeline.dangjian.artifacts.reports.codequality, ...pipeline.dangjian.artifacts.paths]) {
      expect(existsSync(path.join(dir, report)), report).toBe(true);
    }
    const quality = JSON.parse(readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(quality.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'dangjian-junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  }, 120_000);
});
