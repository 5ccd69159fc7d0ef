/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), one run, for code-scanning dashboards. Every enabled rule is
 * described in `tool.driver.rules` in the output language, its whole page as its help (helpUri only
 * with --docs-url);
 * waived findings stay in the log as externally accepted suppressions.
 */
import { prettyJsonParts } from './json-parts.js';
import { message } from '../i18n/index.js';
import type { CheckResult, Finding, Lang, Severity } from '../types.js';
import type { FormatContext, RuleInfo } from './index.js';
import { sha256 } from '../hash.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of our partial fingerprint; bump the version if the recipe below ever changes. */
export const FINGERPRINT_KEY = 'dangjianFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `national-defense-quarterly` → `NationalDefenseQuarterly`: SARIF's human-readable rule name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `%`, `#`, `:`, CJK). */
export function pathToUriReference(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function helpUri(docsBase: string, ruleId: string): string {
  return new URL(`docs/rules/${encodeURIComponent(ruleId)}.md`, docsBase).href;
}

function ruleDescriptor(rule: RuleInfo, lang: Lang, docsBase: string) {
  const { meta } = rule;
  const t = (id: string, params?: Record<string, string>) => message(lang, id, params);
  const title = meta.title[lang];
  const source = meta.source[lang];
  const period = meta.period ? t(`period.${meta.period}`) : '—';
  const severity = t(`severity.${rule.severity}`);
  // A documentation address only when --docs-url says where the pages are published.
  const uri = rule.documented && docsBase ? helpUri(docsBase, meta.id) : undefined;
  const page = rule.help?.();
  const facts = [
    `${t('rules.severity')}: ${severity}`,
    `${t('rules.period')}: ${period}`,
    `${t('rules.source')}: ${source}`,
  ];
  const docsLine = uri ? `${t('sarif.docs')}: ${uri}` : page ? '' : t('rules.customRule');
  const docsLink = uri ? `[${t('sarif.docs')}: docs/rules/${meta.id}.md](${uri})` : page ? '' : t('rules.customRule');
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: title },
    fullDescription: { text: t('sarif.fullDescription', { title, source }) },
    ...(uri ? { helpUri: uri } : {}),
    help: {
      text: [title, ...facts, ...(page ? ['', page.text] : []), ...(docsLine ? ['', docsLine] : [])].join('\n'),
      markdown: [`**${title}**`, '', ...facts.map((fact) => `- ${fact}`), ...(page ? ['', page.markdown] : []), ...(docsLink ? ['', docsLink] : [])].join('\n'),
    },
    // The level this run reports the rule at, after --rule settings.
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: meta.category, ...(meta.period ? { period: meta.period } : {}) },
  };
}

/**
 * A fingerprint that survives edits elsewhere in the file and a change of language: the rule,
 * branch, period and file, and the finding's rank among findings that share all four (so two
 * committee meetings without a first topic in one month stay two alerts).
 */
export function fingerprints(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [finding.ruleId, finding.branch ?? '', finding.period ?? '', finding.file].join('\u0000');
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return sha256(`${key}\u0000${rank}`).slice(0, 32);
  });
}

export function formatSarif(result: CheckResult, context: FormatContext): Iterable<string> {
  const { lang } = context;
  const rules = [...context.rules];
  const known = new Set(rules.map((rule) => rule.meta.id));
  // A merged result can hold findings of a rule the merging run does not know or has turned off.
  const strays = [...new Set(result.findings.map((f) => f.ruleId).filter((id) => !known.has(id)))].sort();
  const descriptors: object[] = rules.map((rule) => ruleDescriptor(rule, lang, context.tool.docsBase));
  for (const id of strays) descriptors.push({ id, name: ruleName(id) });
  const index = new Map([...rules.map((rule) => rule.meta.id), ...strays].map((id, i) => [id, i]));
  const hashes = fingerprints(result.findings);

  const results = result.findings.map((finding, i) => ({
    ruleId: finding.ruleId,
    ruleIndex: index.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUriReference(finding.file) },
          region: { startLine: finding.line, startColumn: finding.column },
        },
        // In a workbook, line and column are the row and column number of a cell on this sheet.
        ...(finding.sheet !== undefined ? { logicalLocations: [{ name: finding.sheet, kind: 'sheet' }], properties: { sheet: finding.sheet } } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: hashes[i] },
    ...(finding.branch !== undefined || finding.period !== undefined
      ? { properties: { ...(finding.branch !== undefined ? { branch: finding.branch } : {}), ...(finding.period !== undefined ? { period: finding.period } : {}) } }
      : {}),
    ...(finding.waived
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: message(lang, 'sarif.justification', { reason: finding.waived.reason, approvedBy: finding.waived.approvedBy }),
            },
          ],
        }
      : {}),
  }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dangjian',
            version: context.tool.version,
            semanticVersion: context.tool.version,
            ...(context.tool.docsBase ? { informationUri: new URL('README.md', context.tool.docsBase).href } : {}),
            rules: descriptors,
          },
        },
        language: lang,
        properties: { asOf: result.asOf, since: result.since, ...(result.sinceByBranch ? { sinceByBranch: result.sinceByBranch } : {}) },
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return prettyJsonParts(log);
}
