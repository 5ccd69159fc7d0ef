/**
 * The packed package works where a secretary installs it, with no access to the clone: the tarball
 * of `npm pack` is copied into an empty folder and installed there (as a logs repository's
 * devDependency, and globally); `init` names the command that works there, writes a `$schema`
 * line that points at the installed schema, and the starter, edited as a person edits it
 * (uncomment, copy an activity, change its date), checks without a format problem. Dependencies
 * come from npm's cache where it has them, else from the registry: no build step runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const INSTALL = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ...env },
    timeout: 240_000,
    shell: process.platform === 'win32',
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Removes the `# ` of the lines that hold `needle`, and of the example lines that follow the first of them. */
function uncommentExample(text: string, needle: string, lines = 1): string {
  const all = text.split('\n');
  const at = all.findIndex((line) => line.includes(needle));
  for (let i = at; i < at + lines; i++) all[i] = all[i].replace('# ', '');
  return all.join('\n');
}

let tarball = '';
let home = '';

beforeAll(() => {
  // The tarball as `npm pack` makes it (the build ran before the tests), copied away from the clone.
  const packed = mkdtempSync(path.join(os.tmpdir(), 'dangjian-pack-'));
  execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], { cwd: ROOT, stdio: 'pipe', shell: process.platform === 'win32' });
  const name = readdirSync(packed).find((file) => file.endsWith('.tgz'))!;
  home = mkdtempSync(path.join(os.tmpdir(), 'dangjian-install-'));
  tarball = path.join(home, name);
  copyFileSync(path.join(packed, name), tarball);
}, 240_000);

describe('the packed package, installed outside the clone', () => {
  it('holds the built command, the schemas and the rule pages, and no TypeScript sources or tests', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const needed of ['package/bin/dangjian.cjs', 'package/dist/cli.js', 'package/dist/cli.bundle.cjs', 'package/schemas/branch-log.schema.json', 'package/package.json']) {
      expect(files).toContain(needed);
    }
    expect(files.some((file) => /^package\/src\/rules\/first-topic\/README\.md$/.test(file))).toBe(true);
    expect(files.filter((file) => /^package\/(test|bench)\//.test(file) || /^package\/src\/.*\.ts$/.test(file))).toEqual([]);
  });

  it('as a devDependency of a logs repository: npx dangjian, the schema in node_modules, a starter that survives editing', () => {
    const repo = path.join(home, 'logs-repo');
    mkdirSync(path.join(repo, '2026'), { recursive: true });
    writeFileSync(path.join(repo, 'package.json'), '{ "name": "branch-logs", "private": true }\n');
    const install = run(NPM, ['install', '--save-dev', ...INSTALL, `../${path.basename(tarball)}`], repo);
    expect(install.stderr).not.toMatch(/ERR!|npm error/);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).devDependencies.dangjian).toMatch(/^file:/);

    const logs = path.join(repo, '2026');
    const init = run('npx', ['--no-install', 'dangjian', 'init', '--id', 'smelter-1', '--name', '冶炼厂第一党支部', '--since', '2026-01-01', '--yes'], logs);
    expect(init.stdout).toBe('已创建 branch.yaml\n已创建 dangjian.config.yaml\n下一步：编辑 branch.yaml（去掉示例行首的“# ”即可启用），然后运行 npx dangjian check branch.yaml\n');
    let log = readFileSync(path.join(logs, 'branch.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(log)![1];
    expect(schema).toBe('../node_modules/dangjian/schemas/branch-log.schema.json');
    expect(existsSync(path.join(logs, schema))).toBe(true);

    // Edited as a person edits it: uncomment the feature and both activities, copy one, change its date.
    log = uncommentExample(log, '# - { year: 2026', 1);
    log = uncommentExample(log, '# - date: 2026-01-06', 9);
    log = log.replace(/(  - date: 2026-01-06\n(?: {4}.*\n)+)/, (block) => block + block.replace('2026-01-06', '2026-02-03').replace('一月', '二月'));
    writeFileSync(path.join(logs, 'branch.yaml'), log);
    const check = run('npx', ['--no-install', 'dangjian', 'check', 'branch.yaml', '--as-of', '2026-03-01', '--format', 'json'], logs);
    expect(check.stderr).toBe('');
    const result = JSON.parse(check.stdout);
    expect(result.findings.filter((f: { ruleId: string }) => ['schema', 'yaml-syntax'].includes(f.ruleId))).toEqual([]);
    expect(result.findings.filter((f: { ruleId: string; period?: string }) => f.ruleId === 'committee-meeting-monthly')).toEqual([]);
    expect(result.summary).toMatchObject({ files: 1, branches: 1 });

    expect(run('npx', ['--no-install', 'dangjian', 'rules', 'first-topic'], logs).status).toBe(0);
  }, 300_000);

  it('installed globally: the command itself', () => {
    const prefix = path.join(home, 'global');
    const install = run(NPM, ['install', '--global', '--prefix', prefix, ...INSTALL, tarball], home);
    expect(install.stderr).not.toMatch(/ERR!|npm error/);
    const bin = process.platform === 'win32' ? path.join(prefix, 'dangjian.cmd') : path.join(prefix, 'bin', 'dangjian');
    const folder = path.join(home, 'secretary');
    mkdirSync(folder);
    const init = run(bin, ['init', '--yes', '--lang', 'en', '--since', '2026-01-01'], folder);
    expect(init.stdout).toContain('then run dangjian check branch.yaml\n');
    const check = run(bin, ['check', '--as-of', '2026-01-31'], folder);
    expect(check).toMatchObject({ status: 0, stderr: '' });
    expect(run(bin, ['--version'], folder).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  }, 300_000);
});
