import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { checkFormats } from '../src/formats/index.js';
import { EXPLICIT_RULES, ROOT, runMain, tempTree, type CliResult } from './helpers.js';

/** Four files, two branches (one split over two files), a broken file and a clean one. */
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'formats');
/** future-date becomes an info, so that every severity and a waiver appear. */
const CHECK = ['check', 'logs', '--as-of', '2026-07-01', '--rule', 'future-date:info'];
const PACKAGE_URL = pathToFileURL(ROOT).href;

const runs = new Map<string, Promise<CliResult>>();

/** `check` on the fixture; the same command runs once per test file. */
function check(format: string, extra: string[] = []): Promise<CliResult> {
  const args = [...CHECK, '--format', format, ...extra];
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runMain(args, { cwd: FIXTURE }));
  return runs.get(key)!;
}

/** The default documentation base is this checkout as a file: URL; goldens hold a placeholder. */
function portable(text: string): string {
  return text.split(`${PACKAGE_URL}/`).join('file:///PACKAGE/');
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  // Declared draft-04; it is read as draft-07, which means the same for every keyword it uses.
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(JSON.stringify(schema)).not.toMatch(/"exclusiveM(in|ax)imum":\s*(true|false)/);
  const { $schema, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}

/** A file name and a message that need escaping everywhere: `,` `:` `%`, CR LF, `|`, `<`, `&`, BEL. */
const NASTY_TYPE = '100% <b>&amp;|x\\r\\ny\\a';
function nastyTree(): string {
  return tempTree({
    'dangjian.config.yaml': EXPLICIT_RULES,
    'logs/a,b:c%.yaml': `version: 1\nbranch:\n  id: esc-1\n  name: 测试\n  members: 10\nactivities:\n  - date: 2026-01-05\n    type: "${NASTY_TYPE}"\n`,
  });
}
const NASTY_CHECK = ['check', 'logs', '--as-of', '2026-02-01', '--rule', 'political-study-monthly:info', '--rule', 'discipline-education-monthly:warning'];

describe('check --format sarif', () => {
  const validate = sarifValidator();

  it('matches the golden file and exits as check does', async () => {
    const result = await check('sarif');
    expect(result.status).toBe(1);
    // The fixture runs under the repository's rule list, found three folders up: said on stderr.
    expect(result.stderr).toBe('dangjian: 使用上级文件夹中的配置文件 ../../../dangjian.config.yaml\n');
    expectGolden('formats/check.sarif.json', portable(result.stdout));
  });

  it('is valid against the official SARIF 2.1.0 schema', async () => {
    for (const stdout of [(await check('sarif')).stdout, (await check('sarif', ['--lang', 'en'])).stdout, (await runMain([...NASTY_CHECK, '--format', 'sarif'], { cwd: nastyTree() })).stdout]) {
      const log = JSON.parse(stdout);
      const valid = validate(log);
      expect(validate.errors ?? [], 'schema errors').toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('describes every enabled rule and points each result at its rule', async () => {
    const log = JSON.parse((await check('sarif', ['--rule', 'first-topic:off'])).stdout);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    const all = JSON.parse((await check('sarif')).stdout).runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(all.filter((id: string) => id !== 'first-topic'));
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'future-date').defaultConfiguration.level).toBe('note');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);
  });

  it('keeps fingerprints unique and the same in every language', async () => {
    const fingerprints = async (lang: string) =>
      JSON.parse((await check('sarif', ['--lang', lang])).stdout).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['dangjianFinding/v1']);
    const zh = await fingerprints('zh-CN');
    expect(new Set(zh).size).toBe(zh.length);
    expect(await fingerprints('en')).toEqual(zh);
  });

  it('resolves help links against --docs-url only, and embeds the whole page of every rule as its help', async () => {
    const driver = async (extra: string[]) => JSON.parse((await check('sarif', extra)).stdout).runs[0].tool.driver;
    const linked = await driver(['--docs-url', 'https://git.example.org/party/dangjian/-/blob/main']);
    expect(linked.rules[0].helpUri).toBe('https://git.example.org/party/dangjian/-/blob/main/docs/rules/yaml-syntax.md');
    expect(linked.informationUri).toBe('https://git.example.org/party/dangjian/-/blob/main/README.md');
    // Without --docs-url no address is invented (a file: URL of wherever the package is installed).
    const plain = await driver([]);
    expect(plain.informationUri).toBeUndefined();
    for (const described of plain.rules) {
      expect(described.helpUri).toBeUndefined();
      expect(described.help.markdown).toContain('### 如何修改');
      expect(described.help.text).toContain('如何修改\n────');
      expect(described.help.text).not.toContain('```');
    }
    const english = await driver(['--lang', 'en']);
    expect(english.rules[0].help.markdown).toContain('### How to fix');
    const bad = await check('sarif', ['--docs-url', 'docs/']);
    expect(bad).toMatchObject({ status: 2, stdout: '' });
    expect(bad.stderr).toBe('dangjian: --docs-url 的值“docs/”不是有效网址，应为以 https://、http:// 或 file:// 开头的完整地址\n');
  });

  it('describes a cadence from the configuration without inventing a documentation page, in check and merge', async () => {
    const dir = tempTree({
      'logs/a.yaml': 'version: 1\nbranch:\n  id: a\n  name: 甲\n  members: 3\nactivities:\n  - { date: 2026-01-05, type: 安全观察 }\n',
      'dangjian.config.yaml':
        'types:\n  - { id: safety-observation, name: 安全观察 }\ncadences:\n  - id: safety-observation-monthly\n    type: safety-observation\n    period: month\n    min: 1\n    severity: warning\n    title: { zh-CN: 每月开展安全观察, en: Monthly safety observation }\n    source: 公司党委〔2026〕3号\n',
    });
    const run = (args: string[]) => runMain([...args, '--lang', 'en'], { cwd: dir });
    await run(['check', 'logs', '--as-of', '2026-04-01', '--format', 'json', '--shard', '1/1', '-o', 'shard.json']);
    const checked = (await run(['check', 'logs', '--as-of', '2026-04-01', '--format', 'sarif'])).stdout;
    expect((await run(['merge', 'shard.json', '--format', 'sarif'])).stdout).toBe(checked);
    const log = JSON.parse(checked);
    expect(validate(log)).toBe(true);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'safety-observation-monthly');
    expect(rule.helpUri).toBeUndefined();
    expect(rule.shortDescription.text).toBe('Monthly safety observation');
    expect(rule.help.text.split('\n').at(-1)).toBe('This rule is defined in the configuration.');
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('safety-observation-monthly');
  });

  it('encodes file names as URI references', async () => {
    const log = JSON.parse((await runMain([...NASTY_CHECK, '--format', 'sarif'], { cwd: nastyTree() })).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('logs/a%2Cb%3Ac%25.yaml');
  });
});

describe('check --format junit', () => {
  it('matches the golden file', async () => {
    const result = await check('junit');
    expect(result.status).toBe(1);
    expectGolden('formats/check.junit.xml', result.stdout);
  });

  it('parses as JUnit with correct counts: a suite per file, a case per rule and period', async () => {
    const report = (await parseJunit((await check('junit')).stdout)) as TestSuites;
    const json = JSON.parse((await check('json')).stdout);
    const suites = report.testsuite!;
    expect(suites.map((s) => s.name)).toEqual(['logs/concentrator-2.yaml', 'logs/mine-3.yaml', 'logs/smelter-1-q2.yaml', 'logs/smelter-1.yaml']);
    let tests = 0;
    let failures = 0;
    for (const suite of suites) {
      const cases = suite.testcase!;
      expect(suite.tests).toBe(cases.length);
      expect(suite.failures).toBe(cases.filter((c) => c.failure).length);
      expect(suite.skipped).toBe(cases.filter((c) => c.skipped).length);
      tests += cases.length;
      failures += suite.failures!;
    }
    expect(report.tests).toBe(tests);
    expect(report.failures).toBe(failures);
    // One failing case per (file, rule, period) with an unwaived error.
    const failing = new Set(
      json.findings
        .filter((f: { severity: string; waived?: unknown }) => f.severity === 'error' && !f.waived)
        .map((f: { file: string; ruleId: string; period?: string }) => `${f.file} ${f.ruleId} ${f.period ?? ''}`.trim()),
    );
    expect(failures).toBe(failing.size);
    // Files without findings still show up, passing.
    expect(suites[0].testcase).toEqual([{ name: '未发现问题', classname: 'logs/concentrator-2' }]);
  });

  it('escapes markup and replaces characters XML 1.0 forbids', async () => {
    const { stdout } = await runMain([...NASTY_CHECK, '--format', 'junit'], { cwd: nastyTree() });
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const report = (await parseJunit(stdout)) as TestSuites;
    const suite = report.testsuite![0];
    expect(suite.name).toBe('logs/a,b:c%.yaml');
    const schemaCase = suite.testcase!.find((c) => c.name === 'schema')!;
    // Control characters reach the formats already shown as escapes (the engine makes them visible).
    expect(schemaCase.failure![0].message).toContain('“100% <b>&amp;|x\\r\\ny\\x07”');
    expect(schemaCase.failure![0].inner).toContain('“100% <b>&amp;|x\\r\\ny\\x07”');
    const warning = suite.testcase!.find((c) => c.name === 'discipline-education-monthly 2026-01')!;
    expect(warning.failure).toBeUndefined();
    expect(warning['system-out']![0]).toMatch(/^2:1 警告 2026-01 /);
  });
});

describe('check --format github', () => {
  it('matches the golden file (English)', async () => {
    const result = await check('github', ['--lang', 'en']);
    expect(result.status).toBe(1);
    expectGolden('formats/check.github.en.txt', result.stdout);
  });

  it('escapes data and properties exactly as the Actions toolkit does', async () => {
    const result = await runMain([...NASTY_CHECK, '--format', 'github', '--lang', 'en'], { cwd: nastyTree() });
    expect(result.stdout).toBe(
      [
        '::error file=logs/a%2Cb%3Ac%25.yaml,line=2,col=1,title=A committee meeting every month (committee-meeting-monthly)::2026-01: no branch committee meeting held; at least 1 per month required, 0 held',
        '::warning file=logs/a%2Cb%3Ac%25.yaml,line=2,col=1,title=Party discipline education every month (discipline-education-monthly)::2026-01: no Party discipline education held; at least 1 per month required, 0 held',
        '::error file=logs/a%2Cb%3Ac%25.yaml,line=2,col=1,title=A Party day every month (party-day-monthly)::2026-01: no Party day held; at least 1 per month required, 0 held',
        '::notice file=logs/a%2Cb%3Ac%25.yaml,line=2,col=1,title=Political study every month (political-study-monthly)::2026-01: no political study held; at least 1 per month required, 0 held',
        '::error file=logs/a%2Cb%3Ac%25.yaml,line=8,col=11,title=Content matches the log format (schema)::Unknown activity type "100%25 <b>&amp;|x\\r\\ny\\x07". See the table of activity types in the log format',
        '✖ 5 problems: 3 errors, 1 warning (1 file, 1 branch checked, from 2026-01-01), and 1 info',
        '',
      ].join('\n'),
    );
  });

  it('does not annotate waived findings', async () => {
    const { stdout } = await check('github');
    expect(stdout).not.toContain('national-defense-quarterly');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/；1 项已豁免$/);
  });
});

describe('check --format markdown', () => {
  it('matches the golden files in both languages', async () => {
    expectGolden('formats/check.markdown.md', (await check('markdown')).stdout);
    expectGolden('formats/check.markdown.en.md', (await check('markdown', ['--lang', 'en'])).stdout);
  });

  it('escapes pipes, newlines and markup inside table cells', async () => {
    const { stdout } = await runMain([...NASTY_CHECK, '--format', 'markdown'], { cwd: nastyTree() });
    expect(stdout).toContain('| logs/a,b:c%.yaml:8:11 | 错误 | `schema` | 未知的活动类型“100% \\<b\\>\\&amp;\\|x\\\\r\\\\ny\\\\x07”。');
    for (const row of stdout.split('\n').filter((line) => line.startsWith('| logs/'))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    }
  });

  it('folds a long list into one <details> block per file', async () => {
    const { stdout } = await runMain(['check', 'logs', '--as-of', '2026-07-01', '--format', 'markdown', '--lang', 'en'], { cwd: nastyTree() });
    expect(stdout).toContain('<details>\n<summary>logs/a,b:c%.yaml — 32 errors, 0 warnings</summary>\n\n| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n| 2:1 | error |');
    expect(stdout.endsWith('</details>\n')).toBe(true);
  });
});

describe('check --format codequality', () => {
  it('matches the golden file: GitLab Code Quality issues, waived findings left out', async () => {
    const { stdout, status } = await check('codequality');
    expect(status).toBe(1);
    expectGolden('formats/check.codequality.json', stdout);
    const issues = JSON.parse(stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const json = JSON.parse((await check('json')).stdout) as { findings: { waived?: unknown; severity: string }[] };
    expect(issues).toHaveLength(json.findings.filter((f) => !f.waived).length);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(['major', 'minor', 'info']));
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['categories', 'check_name', 'content', 'description', 'fingerprint', 'location', 'severity', 'type']);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
  });
});

describe('formats on a terminal', () => {
  it('never colour machine formats, even when colour is forced', async () => {
    const machine = Object.entries(checkFormats).filter(([, spec]) => !('forTerminal' in spec && spec.forTerminal)).map(([name]) => name);
    expect(machine).toContain('codequality');
    for (const format of machine) {
      const { stdout } = await runMain([...CHECK, '--format', format], { cwd: FIXTURE, env: { NO_COLOR: undefined, FORCE_COLOR: '3' } });
      expect(stdout, format).not.toContain('\u001b[');
    }
  });
});
