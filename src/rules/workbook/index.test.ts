import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../test/helpers.js';
import { HEADER, ruleTable } from '../../../test/rule-table.js';

/** A real workbook of another layout (monthly sheets), which import converts and check refuses. */
const MONTHLY = readFileSync(path.join(ROOT, 'test/fixtures/xlsx/monthly-sheets.xlsx'));

ruleTable('workbook', {
  accept: [{ name: 'YAML logs only', asOf: '2026-02-01', files: { 'log.yaml': HEADER, 'notes.txt': '说明\n' } }],
  reject: [
    { name: 'a CSV renamed .xlsx', asOf: '2026-02-01', files: { 'log.yaml': HEADER, 'ledger.xlsx': '日期,活动\n' }, findings: [{ messageId: 'workbook.notWorkbook', line: 1 }] },
    { name: 'a workbook of another layout', asOf: '2026-02-01', files: { 'log.yaml': HEADER, 'ledger.xlsx': MONTHLY }, findings: [{ messageId: 'workbook.notTemplate', line: 1 }] },
  ],
});
