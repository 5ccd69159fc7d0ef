/**
 * The template, the annotated error workbook and the export open in LibreOffice without repair: it
 * converts each to PDF, and the PDF holds the sheets' text. Needs LibreOffice (`soffice`) and
 * poppler's `pdftotext`; .ci/run installs both where apt-get can.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempTree } from '../helpers.js';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const available = has('soffice') && has('pdftotext');
if (!available) console.warn('test/xlsx/libreoffice.test.ts: skipped, LibreOffice (soffice) or pdftotext is not installed (apt-get install libreoffice-calc-nogui poppler-utils)');

describe.skipIf(!available)('workbooks open in LibreOffice', () => {
  it('converts the template, an export and an error workbook to PDF with their text', async () => {
    const dir = tempTree({});
    copyFileSync(path.join(ROOT, 'examples/broken/smelter-1.yaml'), path.join(dir, 'smelter-1.yaml'));
    copyFileSync(path.join(ROOT, 'test/fixtures/xlsx/text-dates-roster.xlsx'), path.join(dir, 'old.xlsx'));
    expect((await runMain(['template', '-o', 'template.xlsx'], { cwd: dir })).status).toBe(0);
    expect((await runMain(['export', 'smelter-1.yaml', '-o', 'export.xlsx'], { cwd: dir })).status).toBe(0);
    expect((await runMain(['import', 'old.xlsx', '--errors', 'errors.xlsx'], { cwd: dir })).status).toBe(1);
    const profile = `-env:UserInstallation=file://${path.join(dir, '.lo-profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'template.xlsx', 'export.xlsx', 'errors.xlsx'], { cwd: dir, stdio: 'ignore', timeout: 180_000 });
    const text = (name: string) => {
      expect(existsSync(path.join(dir, `${name}.pdf`))).toBe(true);
      return execFileSync('pdftotext', [path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
    };
    const template = text('template');
    for (const words of ['支部编号', '活动类型', '第一议题', '职工总数', '情形', '批准单位', '填写说明']) expect(template).toContain(words);
    const exported = text('export');
    for (const words of ['冶炼厂第一党支部', '一月支委会', '2026-01-06', '生病住院']) expect(exported).toContain(words);
    const errors = text('errors');
    expect(errors).toContain('错误');
    expect(errors).toContain('不是存在的日期');
  }, 240_000);
});
