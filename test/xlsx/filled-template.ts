/** A template written by `dangjian template` in `dir` as t.xlsx, its header filled (b1, 测试党支部, 5 members), then `fill`. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runMain } from '../helpers.js';

export async function filledTemplate(dir: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  await runMain(['template', '-o', 't.xlsx'], { cwd: dir });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, 't.xlsx'));
  const branch = workbook.getWorksheet('基本信息')!;
  branch.getCell('B2').value = 'b1';
  branch.getCell('B3').value = '测试党支部';
  branch.getCell('B7').value = 5;
  fill(workbook);
  await workbook.xlsx.writeFile(path.join(dir, 't.xlsx'));
}
