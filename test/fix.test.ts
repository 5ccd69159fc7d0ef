/** `check --fix` and `--fix-dry-run`: what is certain is repaired, in place, and the check reports what remains. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_RULES, runCli, tempTree } from './helpers.js';

const BEFORE = `# 冶炼厂第一党支部 2026 年台账
version: 1
branch:
  id: smelter-1
  name: 冶炼厂第一党支部   # 全称
  members: 23
features: []
  - { year: 2026, feature: 安全先锋, highlight: 亲情安全文化进家庭 }
activities:
  - 日期: 2026.1.6          # 支委会
    type: 支委汇
    title:一月支委会
    firstTopic: 学习习近平总书记关于安全生产的重要论述
  - date: 2026年1月15日
    type: [主题党日, 党规党纪教育]
     assignments: [学习党章第一章]
  - date: "2026/1/20"
    type: 政治学习
`;

const AFTER = `# 冶炼厂第一党支部 2026 年台账
version: 1
branch:
  id: smelter-1
  name: 冶炼厂第一党支部   # 全称
  members: 23
features:
  - { year: 2026, feature: 安全先锋, highlight: 亲情安全文化进家庭 }
activities:
  - date: 2026-01-06          # 支委会
    type: 支委会
    title: 一月支委会
    firstTopic: 学习习近平总书记关于安全生产的重要论述
  - date: 2026-01-15
    type: [主题党日, 党规党纪教育]
    assignments: [学习党章第一章]
  - date: "2026-01-20"
    type: 政治学习
`;

const ARGS = ['check', 'branch.yaml', '--as-of', '2026-02-01', '--rule', 'national-defense-quarterly:off'];

describe('check --fix', () => {
  it('--fix-dry-run prints the diff and changes nothing', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'branch.yaml': BEFORE });
    const dry = runCli([...ARGS, '--fix-dry-run'], { cwd: dir });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe(`--- a/branch.yaml
+++ b/branch.yaml
@@ -4,15 +4,15 @@
   id: smelter-1
   name: 冶炼厂第一党支部   # 全称
   members: 23
-features: []
+features:
   - { year: 2026, feature: 安全先锋, highlight: 亲情安全文化进家庭 }
 activities:
-  - 日期: 2026.1.6          # 支委会
-    type: 支委汇
-    title:一月支委会
+  - date: 2026-01-06          # 支委会
+    type: 支委会
+    title: 一月支委会
     firstTopic: 学习习近平总书记关于安全生产的重要论述
-  - date: 2026年1月15日
+  - date: 2026-01-15
     type: [主题党日, 党规党纪教育]
-     assignments: [学习党章第一章]
-  - date: "2026/1/20"
+    assignments: [学习党章第一章]
+  - date: "2026-01-20"
     type: 政治学习
`);
    expect(dry.stderr).toBe('dangjian: 可自动修复 8 处（1 个文件），未改动任何文件。改用 --fix 即可写入\n');
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe(BEFORE);
  });

  it('--fix repairs the file, keeping comments and order byte for byte, and reports what remains', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'branch.yaml': BEFORE });
    const fixed = runCli([...ARGS, '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe(AFTER);
    expect(fixed.stderr).toBe('dangjian: branch.yaml：已自动修复 8 处\n');
    expect(fixed.stdout).toBe('✔ 没有发现问题（检查了 1 个文件、1 个支部，自 2026-01-01 起）\n');
    expect(fixed.status).toBe(0);
    // A second run has nothing left to fix.
    const again = runCli([...ARGS, '--fix', '--lang', 'en'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe(AFTER);
  });

  it('keeps a byte order mark and CRLF line endings, and leaves what is not certain to the findings', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const uncertain = BEFORE.replace('title:一月支委会', 'title:一月支委会\n    planned: 2026-02-30');
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'branch.yaml': `\ufeff${crlf(uncertain)}` });
    const fixed = runCli([...ARGS, '--fix', '--lang', 'en'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe(`\ufeff${crlf(AFTER.replace('title: 一月支委会', 'title: 一月支委会\n    planned: 2026-02-30'))}`);
    expect(fixed.stderr).toBe('dangjian: branch.yaml: fixed 8 problems\n');
    // The activity with the impossible date is left out of the evaluation, so January lacks its committee meeting.
    expect(fixed.stdout).toContain('  13:14  error  planned "2026-02-30" is not a real calendar date; check the year, month and day  schema\n');
    expect(fixed.status).toBe(1);
  });

  it('says so when there is nothing to fix', () => {
    const dir = tempTree({ 'dangjian.config.yaml': EXPLICIT_RULES, 'branch.yaml': AFTER });
    const dry = runCli([...ARGS, '--fix-dry-run', '--lang', 'en'], { cwd: dir });
    expect(dry).toEqual({ status: 0, stdout: '', stderr: 'dangjian: Nothing to fix automatically\n' });
  });
});
