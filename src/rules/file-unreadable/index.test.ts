import { ruleTable, HEADER } from '../../../test/rule-table.js';

ruleTable('file-unreadable', {
  accept: [{ name: 'a file that can be read', asOf: '2026-02-01', files: { 'log.yaml': HEADER } }],
  reject: [{ name: 'a folder named like a log', asOf: '2026-02-01', files: { 'log.yaml': HEADER }, folders: ['old.yaml'], findings: [{ messageId: 'load.unreadable.directory', line: 1 }] }],
});
