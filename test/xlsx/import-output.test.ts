import { copyFileSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempTree } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/xlsx');
const NAME = 'title-two-row-header.xlsx';

function withWorkbook(): { dir: string; original: Buffer } {
  const dir = tempTree({});
  copyFileSync(path.join(FIXTURES, NAME), path.join(dir, NAME));
  return { dir, original: readFileSync(path.join(dir, NAME)) };
}

describe('import and export never write over the file they read, even with --force', () => {
  it.each([
    [['import', NAME, '-o', NAME, '--force'], NAME],
    [['import', NAME, '--errors', NAME, '--force'], NAME],
    [['import', NAME, '-o', 'link.xlsx', '--force'], 'link.xlsx'],
  ])('dangjian %j', async (args, written) => {
    const { dir, original } = withWorkbook();
    symlinkSync(NAME, path.join(dir, 'link.xlsx'));
    const result = await runMain(args, { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`dangjian: 不能写入 ${written}：它就是要读取的文件 ${NAME}，写入会把它覆盖（加 --force 也不行）。请换一个文件名\n`);
    expect(readFileSync(path.join(dir, NAME))).toEqual(original);
  });

  it('a CSV file too, in English', async () => {
    const dir = tempTree({ 'ledger.csv': '日期,类型,标题\n2026-01-06,支委会,一月支委会\n' });
    const result = await runMain(['import', 'ledger.csv', '-o', 'ledger.csv', '--force', '--lang', 'en'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dangjian: Cannot write ledger.csv: it is the file being read, ledger.csv, and would be overwritten (not even with --force). Choose another file name\n');
    expect(readFileSync(path.join(dir, 'ledger.csv'), 'utf8')).toBe('日期,类型,标题\n2026-01-06,支委会,一月支委会\n');
  });

  it('export through a link to the log it reads', async () => {
    const log = 'version: 1\nbranch: { id: b1, name: 测试党支部, members: 5 }\n';
    const dir = tempTree({ 'branch.yaml': log });
    symlinkSync('branch.yaml', path.join(dir, 'ledger.xlsx'));
    const result = await runMain(['export', 'branch.yaml', '-o', 'ledger.xlsx', '--force'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dangjian: 不能写入 ledger.xlsx：它就是要读取的文件 branch.yaml，写入会把它覆盖（加 --force 也不行）。请换一个文件名\n');
    expect(readFileSync(path.join(dir, 'branch.yaml'), 'utf8')).toBe(log);
  });
});
