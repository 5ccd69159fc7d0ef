import { ruleTable, HEADER } from '../../../test/rule-table.js';

ruleTable('file-too-large', {
  accept: [{ name: 'a file within the limit', asOf: '2026-02-01', maxFileSize: 1024, files: { 'log.yaml': HEADER } }],
  reject: [{ name: 'a file over the limit', asOf: '2026-02-01', maxFileSize: 64, files: { 'log.yaml': `${HEADER}activities: []\n` }, findings: [{ messageId: 'load.fileTooLarge', line: 1 }] }],
});
