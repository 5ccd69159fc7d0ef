/**
 * The accept/reject table of a rule (stylelint's shape): small logs checked in-process, and for each
 * rejected one the exact findings of the rule as (message id, period, line). A table sits beside its
 * rule, in src/rules/<id>/index.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineOptions } from '../src/engine.js';
import { findFiles } from '../src/load/files.js';
import { allRules } from '../src/rules/index.js';
import { BUILTIN_TYPES, TypeRegistry } from '../src/model/activity-types.js';
import { HEADER } from './check-yaml.js';
import { tempTree } from './helpers.js';

export { HEADER };

export interface Case {
  name: string;
  /** YAML after HEADER (the branch, and `header` under it), as log.yaml; or whole files by name. */
  log?: string;
  header?: string;
  files?: Record<string, string | Uint8Array>;
  asOf: string;
  since?: string;
  rules?: EngineOptions['rules'];
  maxFileSize?: number;
  /** Folders given as if they were log files: files that cannot be read. */
  folders?: string[];
}

export interface Expected {
  messageId: string;
  period?: string;
  line: number;
  /** When the finding is milder than the rule's severity. */
  severity?: 'warning' | 'info';
}

export interface RejectCase extends Case {
  findings: Expected[];
}

export interface RuleTable {
  accept: Case[];
  reject: RejectCase[];
}

const RULES = allRules(new TypeRegistry(BUILTIN_TYPES));
const INPUT = new Set(RULES.filter((rule) => rule.meta.category === 'input').map((rule) => rule.meta.id));

/** Runs a case with the engine in-process; the settled findings with their message ids. */
export async function runCase(row: Case) {
  const files = row.files ?? { 'log.yaml': HEADER + (row.header ?? '') + (row.log ?? '') };
  const dir = tempTree(files);
  const engine = new Engine({
    window: { asOf: row.asOf, since: row.since ?? `${row.asOf.slice(0, 4)}-01-01` },
    lang: 'zh-CN',
    rules: row.rules,
    maxFileSize: row.maxFileSize,
  });
  const folders = (row.folders ?? []).map((name) => {
    mkdirSync(path.join(dir, name));
    return { absolute: path.join(dir, name), display: name };
  });
  const inputs = [...(await findFiles([dir], dir)), ...folders].sort((a, b) => (a.display < b.display ? -1 : 1));
  return engine.checkSettled(inputs).settled;
}

export function ruleTable(ruleId: string, table: RuleTable): void {
  const rule = RULES.find((candidate) => candidate.meta.id === ruleId);
  const input = INPUT.has(ruleId);

  describe(ruleId, () => {
    it('has a table with passing and failing cases whose message ids are its own', () => {
      expect(rule).toBeDefined();
      expect(table.accept.length).toBeGreaterThan(0);
      expect(table.reject.length).toBeGreaterThan(0);
      if (input) return;
      const ids = Object.keys(rule!.meta.messages ?? {});
      for (const row of table.reject) for (const finding of row.findings) expect(ids).toContain(finding.messageId);
    });

    const check = async (row: Case, expected: Expected[]) => {
      const settled = await runCase(row);
      const own = settled
        .filter(({ finding }) => finding.ruleId === ruleId)
        .map(({ finding, severity }) => ({
          messageId: finding.messageId,
          ...(finding.period !== undefined ? { period: finding.period } : {}),
          line: finding.location.line,
          ...(severity !== rule!.meta.severity ? { severity } : {}),
        }))
        .sort((a, b) => a.line - b.line || (a.period ?? '').localeCompare(b.period ?? '') || a.messageId.localeCompare(b.messageId));
      expect(own).toEqual(expected);
      // Apart from the problem it shows, a case is a valid log: no input problem hides the rule.
      const others = settled.filter(({ finding }) => INPUT.has(finding.ruleId) && finding.ruleId !== ruleId);
      expect(others.map(({ finding }) => `${finding.ruleId} ${finding.messageId} ${finding.location.line}`)).toEqual([]);
    };

    describe('accepts', () => {
      it.each(table.accept)('$name', (row) => check(row, []));
    });
    describe('rejects', () => {
      it.each(table.reject)('$name', (row) => check(row, row.findings));
    });
  });
}
