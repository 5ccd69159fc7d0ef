import { ruleTable, HEADER } from '../../../test/rule-table.js';

const log = HEADER + 'activities: []\n';
/** 党支部 in GBK, the encoding of older Windows editors. */
const GBK = Uint8Array.from([0xb5, 0xb3, 0xd6, 0xa7, 0xb2, 0xbf]);

ruleTable('encoding', {
  accept: [
    { name: 'UTF-8', asOf: '2026-02-01', files: { 'log.yaml': log } },
    { name: 'UTF-8 with a byte order mark', asOf: '2026-02-01', files: { 'log.yaml': `\uFEFF${log}` } },
  ],
  reject: [
    {
      name: 'a name in GBK',
      asOf: '2026-02-01',
      files: { 'log.yaml': Buffer.concat([Buffer.from('version: 1\nbranch:\n  id: b1\n  name: '), GBK, Buffer.from('\n  members: 10\n')]) },
      findings: [{ messageId: 'load.encoding.gbk', line: 4 }],
    },
    { name: 'UTF-16 with a byte order mark', asOf: '2026-02-01', files: { 'log.yaml': Buffer.from(`\uFEFF${log}`, 'utf16le') }, findings: [{ messageId: 'load.encoding.utf16', line: 1 }] },
  ],
});
