/**
 * `--format codequality`: GitLab's Code Quality report (a subset of the Code Climate issue format),
 * so that findings show inline in a merge request's diff. Waived findings are left out: GitLab has
 * no notion of an accepted exception, and an approved one needs nobody's attention.
 */
import { prettyJsonParts } from './json-parts.js';
import { where } from '../util/where.js';
import type { CheckResult, Severity } from '../types.js';
import type { FormatContext } from './index.js';
import { fingerprints } from './sarif.js';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export function formatCodeQuality(result: CheckResult, context: FormatContext): Iterable<string> {
  const titles = new Map(context.rules.map((rule) => [rule.meta.id, rule.meta.title[context.lang]]));
  const hashes = fingerprints(result.findings);
  const issues = result.findings.flatMap((finding, index) =>
    finding.waived
      ? []
      : [
          {
            type: 'issue',
            check_name: finding.ruleId,
            description: finding.sheet !== undefined ? `${where(finding)} ${finding.message}` : finding.message,
            categories: ['Style'],
            content: { body: titles.get(finding.ruleId) ?? finding.ruleId },
            fingerprint: hashes[index],
            severity: SEVERITY[finding.severity],
            location: { path: finding.file, lines: { begin: finding.line } },
          },
        ],
  );
  return prettyJsonParts(issues);
}
