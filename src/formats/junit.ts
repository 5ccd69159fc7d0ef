/**
 * `--format junit`: JUnit XML as CI servers read it (Jenkins, GitLab, Azure DevOps). One testsuite per
 * checked file; one testcase per rule and period that has findings in it; a passing testcase for a
 * file without findings, so that every checked file shows up.
 *
 * A testcase fails only for unwaived errors, the findings that make `check` exit with status 1.
 * Warnings and infos do not fail the run, so they do not fail a testcase either (a red test in a
 * green build would mislead); they are listed in the testcase's <system-out>. A testcase whose
 * findings are all waived is <skipped>, with the waiver as the reason.
 */
import { where } from '../util/where.js';
import { message } from '../i18n/index.js';
import type { CheckResult, Finding, Lang } from '../types.js';
import { compareText } from '../util/compare.js';
import type { FormatContext } from './index.js';

/**
 * Characters XML 1.0 does not allow in a document at all, not even as character references: C0
 * controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

export function xmlText(text: string): string {
  return text
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values: also quotes, and tab/LF/CR as references so that parsers do not turn them into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

interface TestCase {
  name: string;
  findings: Finding[];
}

/** `logs/smelter-1.yaml` → `logs/smelter-1`: the class name CI servers group test cases by. */
function className(file: string): string {
  return file.replace(/\.ya?ml$/i, '');
}

function findingLine(finding: Finding, lang: Lang): string {
  const label = finding.waived ? message(lang, 'stylish.waived') : message(lang, `stylish.${finding.severity}`);
  const waived = finding.waived ? message(lang, 'stylish.waivedBy', { reason: finding.waived.reason, approvedBy: finding.waived.approvedBy }) : '';
  return `${where(finding)} ${label} ${finding.message}${waived}  ${finding.ruleId}`;
}

function renderCase(testCase: TestCase, classname: string, lang: Lang): { xml: string[]; failed: boolean; skipped: boolean } {
  const errors = testCase.findings.filter((f) => !f.waived && f.severity === 'error');
  const others = testCase.findings.filter((f) => f.waived || f.severity !== 'error');
  const allWaived = testCase.findings.every((f) => f.waived);
  const open = `    <testcase${attributes({ name: testCase.name, classname })}`;
  const body: string[] = [];
  if (errors.length) {
    const summary = errors.length === 1 ? errors[0].message : message(lang, 'junit.errors', { count: errors.length, first: errors[0].message });
    const text = errors.map((f) => `${where(f)} ${f.message}`).join('\n');
    body.push(`      <failure${attributes({ message: summary, type: 'error' })}>${xmlText(text)}</failure>`);
  } else if (allWaived) {
    const { reason, approvedBy } = testCase.findings[0].waived!;
    body.push(`      <skipped${attributes({ message: message(lang, 'junit.waived', { reason, approvedBy }) })}/>`);
  }
  if (others.length) body.push(`      <system-out>${xmlText(others.map((f) => findingLine(f, lang)).join('\n'))}</system-out>`);
  const xml = body.length ? [`${open}>`, ...body, '    </testcase>'] : [`${open}/>`];
  return { xml, failed: errors.length > 0, skipped: !errors.length && allWaived };
}

export function formatJunit(result: CheckResult, context: FormatContext): string {
  const { lang } = context;
  const byFile = new Map<string, Map<string, TestCase>>();
  for (const file of context.files) byFile.set(file, new Map());
  for (const finding of result.findings) {
    let cases = byFile.get(finding.file);
    if (!cases) byFile.set(finding.file, (cases = new Map()));
    const name = finding.period ? `${finding.ruleId} ${finding.period}` : finding.ruleId;
    let testCase = cases.get(name);
    if (!testCase) cases.set(name, (testCase = { name, findings: [] }));
    testCase.findings.push(finding);
  }

  const suites: string[] = [];
  // A file's evaluation start: its branch's (known from its findings), else the common one.
  const starts = result.sinceByBranch ?? {};
  const properties = (cases: TestCase[]) => {
    const branch = cases.flatMap((c) => c.findings).find((f) => f.branch !== undefined && Object.hasOwn(starts, f.branch))?.branch;
    return [
      '    <properties>',
      `      <property${attributes({ name: 'asOf', value: result.asOf })}/>`,
      `      <property${attributes({ name: 'since', value: branch !== undefined ? starts[branch] : result.since })}/>`,
      '    </properties>',
    ];
  };
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of [...byFile.keys()].sort(compareText)) {
    const cases = [...byFile.get(file)!.values()];
    const classname = className(file);
    const lines: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    if (cases.length === 0) {
      lines.push(`    <testcase${attributes({ name: message(lang, 'junit.clean'), classname })}/>`);
    }
    for (const testCase of cases) {
      const rendered = renderCase(testCase, classname, lang);
      lines.push(...rendered.xml);
      if (rendered.failed) suiteFailures++;
      if (rendered.skipped) suiteSkipped++;
    }
    const suiteTests = Math.max(cases.length, 1);
    suites.push(
      `  <testsuite${attributes({ name: file, tests: suiteTests, failures: suiteFailures, errors: 0, skipped: suiteSkipped })}>`,
      ...properties(cases),
      ...lines,
      '  </testsuite>',
    );
    tests += suiteTests;
    failures += suiteFailures;
    skipped += suiteSkipped;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'dangjian', tests, failures, errors: 0, skipped })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
