/** Hostile inputs, part 4: files and paths rather than contents. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { ALWAYS_IGNORED, YAML_PATTERN, yamlFilesUnder } from '../../src/load/files.js';
import { loadFile } from '../../src/load/index.js';
import { BIN, runMain, tempTree } from '../helpers.js';
import { AS_OF, CONTROL, CONTROL_FILE, CONTROL_FINDINGS, describeGroup, findingsOf, header, type Case, type JsonFinding, RECORD_RULES_OFF } from './catalogue.js';

const MiB = 1024 * 1024;
const meeting = (date: string) => `  - date: ${date}\n    type: 支委会\n    title: 支委会\n`;

/** A valid log padded with comment lines to `size` bytes, whose last activity lacks a first topic. */
function paddedLog(id: string, size: number): { text: string; lastLine: number } {
  const head = `${header(id)}activities:\n`;
  const line = '# 备注：本支部按季度归档，以下为历史记录的说明文字。\n';
  const padding = line.repeat(Math.ceil((size - Buffer.byteLength(head)) / Buffer.byteLength(line)));
  const text = `${head}${padding}${meeting('2026-01-20')}`;
  return { text, lastLine: text.split('\n').length - 3 };
}

const big = paddedLog('big', 10 * MiB);

const cases: Case[] = [
  {
    name: 'a 10 MB file is rejected before it is parsed',
    file: 'big.yaml',
    content: big.text,
    expect: [['file-too-large', 1, 1, '文件过大（10.0 MiB），超过上限 1.0 MiB。请按季度或年度拆分成多个文件，或在配置中调整 maxFileSize']],
    en: ['The file is too large (10.0 MiB; the limit is 1.0 MiB). Split it into one file per quarter or year, or raise maxFileSize in the configuration'],
  },
  {
    name: 'a path with spaces and Chinese characters',
    file: '第一 支部/台账 2026 年.yaml',
    content: `${header('path')}activities:\n${meeting('2026-01-06')}`,
    expect: [['first-topic', 7, 5, '2026-01-06 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容']],
  },
  {
    name: 'a folder whose name ends in .yaml is searched like any folder',
    file: '归档.yaml/一月.yaml',
    content: `${header('folder')}activities:\n${meeting('2026-01-07')}`,
    expect: [['first-topic', 7, 5, '2026-01-07 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容']],
  },
];

const run = describeGroup('hostile input: files and paths', cases, {
  extraFiles: { 'line\nbreak.yaml': `${header('line-break')}activities:\n${meeting('2026-01-08')}` },
});

describe('hostile input: files and paths, continued', () => {
  it('shows a line break in a file name as \\n, so that line-based formats stay one line per finding', async () => {
    const findings = run().zh.findings.filter((f: JsonFinding) => f.file.startsWith('line'));
    expect(findings.map((f) => [f.file, f.ruleId, f.line, f.column])).toEqual([['line\\nbreak.yaml', 'first-topic', 7, 5]]);
    const stylish = await runMain(['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF], { cwd: run().dir });
    expect(stylish.stdout).toContain('\nline\\nbreak.yaml\n');
  });

  it('checks a 10 MB file to its last line once the limit is raised', async () => {
    const dir = tempTree({ 'big.yaml': big.text, [CONTROL_FILE]: CONTROL, 'dangjian.config.yaml': 'maxFileSize: 20MiB\n' });
    const result = await runMain(['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings: JsonFinding[] = JSON.parse(result.stdout).findings;
    expect(findingsOf(findings, 'big.yaml')).toEqual([['first-topic', big.lastLine, 5, '2026-01-20 的支委会没有“第一议题”（firstTopic）。请补记第一议题的学习内容']]);
    expect(findingsOf(findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
  });

  it('--output never replaces a log: a .yaml or .yml target is a usage error, and the log is untouched', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    for (const [command, target] of [['check', CONTROL_FILE], ['report', 'out/report.YML'], ['due', 'dangjian.config.yaml']]) {
      const extra = command === 'report' ? ['--period', '2026-01'] : [];
      const result = await runMain([command, CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, ...extra, '--output', target], { cwd: dir });
      expect(result).toEqual({
        status: 2,
        stdout: '',
        stderr: `dangjian: --output ${target}：结果不是 YAML，不能写入 .yaml 或 .yml 文件（以免覆盖台账或配置文件，或在下次检查时被当作台账）。请换一个文件名，如 result.json\n`,
      });
    }
    expect(readFileSync(path.join(dir, CONTROL_FILE), 'utf8')).toBe(CONTROL);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a folder with no YAML files is a usage error', async () => {
    const dir = tempTree({ '说明 文档/readme.txt': '没有台账\n' });
    expect(await runMain(['check', '说明 文档'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'dangjian: 在 说明 文档 中没有找到 .yaml、.yml 或 .xlsx 文件\n' });
    expect((await runMain(['check', '说明 文档', '--lang', 'en'], { cwd: dir })).stderr).toBe('dangjian: No .yaml, .yml or .xlsx files found in 说明 文档\n');
  });

  it('a folder of logs named in capitals (copied from Windows) is checked, every file of it', async () => {
    const log = (id: string) => `${header(id)}activities:\n${meeting('2026-01-08')}`;
    const dir = tempTree({ '台账/一支部.YAML': log('b1'), '台账/二支部.Yml': log('b2'), '台账/三支部.yaml': log('b3'), '台账/说明.TXT': '不是台账\n' });
    const result = await runMain(['check', '台账', '--format', 'json', '--as-of', '2026-02-01'], { cwd: dir });
    const json = JSON.parse(result.stdout);
    expect(json.summary.files).toBe(3);
    const firstTopic = json.findings.filter((f: JsonFinding) => f.ruleId === 'first-topic').map((f: JsonFinding) => f.file);
    expect(firstTopic).toEqual(['台账/一支部.YAML', '台账/三支部.yaml', '台账/二支部.Yml']);
  });

  it('a symbolic link loop inside a folder is left out; named on the command line it is a usage error', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    symlinkSync('..', path.join(dir, 'up'));
    const folder = await runMain(['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'], { cwd: dir });
    expect(folder.stderr).toBe('');
    expect(findingsOf(JSON.parse(folder.stdout).findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
    expect(JSON.parse(folder.stdout).summary.files).toBe(1);
    expect(await runMain(['check', 'loop-a.yaml', CONTROL_FILE], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dangjian: “loop-a.yaml”是一个快捷方式（符号链接），但它指向的文件不存在，或者链接形成了循环\n',
    });
  });

  it('a named pipe given by name is a usage error, never a wait', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    if (made.status !== 0) return; // no mkfifo on this system
    expect((await runMain(['check', 'pipe.yaml'], { cwd: dir })).stderr).toBe('dangjian: “pipe.yaml”既不是文件也不是目录（例如管道或设备），不能检查\n');
    const folder = await runMain(['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'], { cwd: dir });
    expect(findingsOf(JSON.parse(folder.stdout).findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
  });

  it('a file the user may not read is a finding, and the other files are still checked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-unreadable-'));
    writeFileSync(path.join(dir, CONTROL_FILE), CONTROL);
    writeFileSync(path.join(dir, 'secret.yaml'), header('secret'));
    chmodSync(path.join(dir, 'secret.yaml'), 0o000);
    chmodSync(dir, 0o755);
    // root reads any file: run the CLI as an unprivileged user, when that user can reach the CLI.
    const asRoot = process.getuid?.() === 0;
    const options = asRoot ? { uid: 65534, gid: 65534 } : {};
    const env = { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' };
    if (asRoot && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { ...options, env }).status !== 0) return;
    const result = spawnSync(process.execPath, [BIN, 'check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'], { cwd: dir, env, encoding: 'utf8', ...options });
    expect(result.stderr).toBe('');
    const findings: JsonFinding[] = JSON.parse(result.stdout).findings;
    expect(findingsOf(findings, 'secret.yaml')).toEqual([['file-unreadable', 1, 1, '没有读取此文件的权限。请让文件的所有者或管理员开放读取权限（Windows：文件“属性”→“安全”）']]);
    expect(findingsOf(findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
  });

  it('read errors of every cause have their own message (in-process: a folder, a pipe, a vanished file)', async () => {
    const dir = tempTree({});
    mkdirSync(path.join(dir, 'folder.yaml'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    symlinkSync('self.yaml', path.join(dir, 'self.yaml'));
    const load = (name: string) => loadFile({ absolute: path.join(dir, name), display: name }).problems.map((p) => [p.ruleId, p.messageId]);
    expect(load('folder.yaml')).toEqual([['file-unreadable', 'load.unreadable.directory']]);
    expect(load('gone.yaml')).toEqual([['file-unreadable', 'load.unreadable.missing']]);
    expect(load('self.yaml')).toEqual([['file-unreadable', 'load.unreadable.loop']]);
    if (spawnSync('test', ['-p', path.join(dir, 'pipe.yaml')]).status === 0) {
      expect(load('pipe.yaml')).toEqual([['file-unreadable', 'load.unreadable.notFile']]);
    }
  });
});

describe('folders are searched as the glob of YAML files would search them', () => {
  /**
   * What tinyglobby finds in a folder, with the options the checker once used for folders (matching
   * names in any case, as the checker now does), less
   * what it takes from inside a folder named *.yaml without being named so itself.
   */
  const viaGlob = async (dir: string) =>
    (await glob(YAML_PATTERN, { cwd: dir, absolute: true, dot: false, followSymbolicLinks: false, ignore: ALWAYS_IGNORED, caseSensitiveMatch: false }))
      .map((file) => path.resolve(file))
      .filter((file) => /\.ya?ml$/i.test(path.basename(file)))
      .sort();
  const walked = (dir: string) => yamlFilesUnder(dir).sort();

  it('with awkward names, links, a pipe, an unreadable folder and folders left out', async () => {
    const names = ['a.yaml', 'b.yml', 'c.YAML', 'd.yaml.bak', '.e.yaml', 'yaml', '.yml', '.yaml', 'f .yaml', '[g]*?.yaml', '{h,i}.yml', '!j.yaml'];
    const files: Record<string, string> = {};
    for (const folder of ['', 'sub/', 'node_modules/', 'sub/node_modules/', 'sub/.git/', '.hidden/', '归档.yaml/', 'sub/deep/er/', 'node_modules.x/', '(k)/']) {
      for (const name of names) files[`${folder}${name}`] = '';
    }
    files['line\nbreak.yaml'] = '';
    const dir = tempTree(files);
    symlinkSync('a.yaml', path.join(dir, 'link.yaml'));
    symlinkSync('sub', path.join(dir, 'linked.yaml'));
    symlinkSync('missing.yaml', path.join(dir, 'broken.yaml'));
    mkdirSync(path.join(dir, 'empty.yaml'));
    mkdirSync(path.join(dir, 'closed'));
    writeFileSync(path.join(dir, 'closed', 'inside.yaml'), '');
    chmodSync(path.join(dir, 'closed'), 0o000);
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    try {
      for (const folder of ['', 'sub', 'node_modules', '.hidden', 'sub/.git', '归档.yaml', 'closed']) {
        const root = path.join(dir, folder);
        expect(walked(root)).toEqual(await viaGlob(root));
      }
      expect(walked(dir).length).toBeGreaterThan(20);
      // Files in a folder named *.yaml are logs only when they are named so themselves.
      expect(walked(path.join(dir, '归档.yaml')).map((file) => path.basename(file))).toEqual(['!j.yaml', '[g]*?.yaml', 'a.yaml', 'b.yml', 'c.YAML', 'f .yaml', '{h,i}.yml']);
    } finally {
      chmodSync(path.join(dir, 'closed'), 0o755);
    }
  });

  it('on generated trees', async () => {
    const part = fc.constantFrom('a', 'b', '.', '.git', 'node_modules', 'yaml', 'yml', '.yaml', '.yml', 'YAML', '归档', ' ', '*', '[x]');
    const name = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')).filter((n) => n !== '.' && n !== '..');
    const tree = fc.array(fc.array(name, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(tree, async (paths) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-walk-'));
        for (const segments of paths) {
          const file = path.join(dir, ...segments);
          try {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, '');
          } catch {
            // a file where a folder was wanted (or the other way round): keep what is there
          }
        }
        expect(walked(dir)).toEqual(await viaGlob(dir));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('hostile input: a file name that is not UTF-8', () => {
  it('(a GBK name unzipped from a Windows archive) is a finding that says so, and the other files are checked', async () => {
    const dir = tempTree({ [CONTROL_FILE]: CONTROL });
    // 中文.yaml in GBK: the bytes of its name are no UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('.yaml')]), `${header('gbk-name')}activities:\n${meeting('2026-01-06')}`);
    const result = await runMain(['check', '.', '--as-of', AS_OF, ...RECORD_RULES_OFF, '--format', 'json'], { cwd: dir });
    const findings: JsonFinding[] = JSON.parse(result.stdout).findings;
    expect(findingsOf(findings, '\ufffd\ufffd\ufffd\ufffd.yaml')).toEqual([
      [
        'file-unreadable',
        1,
        1,
        '文件名不是 UTF-8 编码（常见于从 Windows 压缩包解压出的中文文件名，是 GBK 编码），无法打开。请重命名此文件；或用 unzip -O GBK 重新解压，或运行 convmv -f GBK -t UTF-8 --notest -r 文件夹名 转换文件名',
      ],
    ]);
    expect(findingsOf(findings, CONTROL_FILE)).toEqual(CONTROL_FINDINGS);
  });
});

describe('hostile input: --fix on a read-only log', () => {
  it('leaves it as it is, with one line, although its folder may be written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-readonly-'));
    const log = CONTROL.replace('date: 2026-01-05', 'date: 2026/01/05');
    writeFileSync(path.join(dir, CONTROL_FILE), log);
    chmodSync(path.join(dir, CONTROL_FILE), 0o444);
    chmodSync(dir, 0o777);
    // root writes any file: run the CLI as an unprivileged user, when that user can reach the CLI.
    const asRoot = process.getuid?.() === 0;
    const options = asRoot ? { uid: 65534, gid: 65534 } : {};
    const env = { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' };
    if (asRoot && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { ...options, env }).status !== 0) return;
    const result = spawnSync(process.execPath, [BIN, 'check', CONTROL_FILE, '--as-of', AS_OF, ...RECORD_RULES_OFF, '--fix'], { cwd: dir, env, encoding: 'utf8', ...options });
    expect(result.stderr).toBe(`dangjian: 无法写入修复后的 ${CONTROL_FILE}（EACCES）：请检查文件是否只读或被其他程序占用\n`);
    expect(readFileSync(path.join(dir, CONTROL_FILE), 'utf8')).toBe(log);
  });
});
