/**
 * CSV cells that a spreadsheet would run as a formula: every start that Excel, LibreOffice or
 * Google Sheets reads as one is neutralised with a leading apostrophe, in the report as written.
 */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/formats/report-csv.js';
import { runMain, tempTree } from '../helpers.js';
import { AS_OF, header } from './catalogue.js';

describe('hostile CSV: formula starts', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1+2', "'+1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-1+cmd|\' /C calc\'!A0', "'-1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['-A1', "'-A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "\"'\r=1\""],
    ['-', "'-"],
    [' =1+2', "' =1+2"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\u00a0=1+2', "'\u00a0=1+2"],
    ['\u3000+1+2', "'\u3000+1+2"],
    ['\u200b=1+2', "'\u200b=1+2"],
    ['\ufeff=1+2', "'\ufeff=1+2"],
    ['\n=1+2', "\"'\n=1+2\""],
    ['\uff1d1+2', "'\uff1d1+2"],
    ['\uff0b1+2', "'\uff0b1+2"],
    ['\uff0d1+2', "'\uff0d1+2"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
    ['\u3000\uff1dHYPERLINK("x")', "\"'\u3000\uff1dHYPERLINK(\"\"x\"\")\""],
  ])('%j is neutralised', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it.each([['-12.5'], ['-12.5%'], ['-3'], ['12'], ['一月-支委会'], [' 一月'], ['第一党小组（＝原二组）']])('%j stays as it is', (cell) => {
    expect(csvField(cell)).toBe(cell);
  });

  it('a branch named like a formula, in the report as written', async () => {
    const dir = tempTree({ 'a.yaml': header('dde').replace('name: 测试党支部', "name: \"-1+cmd|' /C calc'!A0\"") + 'activities: []\n' });
    const result = await runMain(['report', '.', '--as-of', AS_OF, '--period', '2026-01', '--format', 'csv'], { cwd: dir });
    expect(result.stdout).toContain(",'-1+cmd|' /C calc'!A0,");
    expect(result.stdout).not.toMatch(/(^|,)-1\+cmd/m);
  });
});
