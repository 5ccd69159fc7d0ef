/**
 * `npm run generate`: the files that come from rule metadata, so that they cannot drift from it
 * (markdownlint's model). It writes the JSON Schemas of the branch log and of the configuration,
 * the metadata block of every rule's page (`src/rules/<id>/README.md`), the published copy of every
 * page (`docs/rules/<id>.md`; a cadence row's is its metadata and `src/rules/cadence/pages/<id>.md`),
 * the guide's rule table and the docs' table of activity types (generate-docs.ts). With `--check`
 * it writes nothing and exits 1 when a generated file is stale, so that CI (and
 * test/generated.test.ts) catch a forgotten run. The rule registry (rule-registry.ts) is planned
 * here too, so that a rule folder missing from it is a stale file.
 *
 * Everything but `main` is a pure function of the metadata and the current file contents.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { message } from '../i18n/index.js';
import { BUILTIN_TYPES, TypeRegistry } from '../model/activity-types.js';
import { BUILTIN_CADENCES, type CadenceDefinition } from '../rules/cadence/definitions.js';
import { allRules } from '../rules/index.js';
import { CADENCE_PAGES, generatedPage, rulePageSource } from '../rules/pages.js';
import type { Rule, RuleCategory } from '../rules/rule.js';
import { branchLogSchema } from '../schema/branch-log-schema.js';
import { configSchema } from '../config/schema.js';
import type { Lang } from '../types.js';
import { TYPE_TABLES, typeTable } from './generate-docs.js';
import { replaceBetween, tableRow } from './markdown.js';
import { REGISTRY_PATH, registrySource, ruleFolders } from './rule-registry.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = 'schemas/branch-log.schema.json';
export const CONFIG_SCHEMA_PATH = 'schemas/config.schema.json';
/** The guide's list of rules, generated between the rules markers. */
export const RULE_TABLE_PATH = 'docs/guide/rules.md';
export const DOCS_RULES_DIR = 'docs/rules';
export const RULES_DIR = 'src/rules';

export const MARKERS = {
  meta: { start: '<!-- meta:start -->', end: '<!-- meta:end -->' },
  rules: { start: '<!-- rules:start -->', end: '<!-- rules:end -->' },
  types: { start: '<!-- types:start -->', end: '<!-- types:end -->' },
} as const;

export type MarkerName = keyof typeof MARKERS;

/** A file that cannot be generated because it lacks its markers. */
export class MarkerError extends Error {
  constructor(readonly marker: MarkerName) {
    super(`expected exactly one ${MARKERS[marker].start} followed by one ${MARKERS[marker].end}`);
  }
}

/** The built-in types and rules: what the shipped schema and docs describe. */
export function builtinTypes(): TypeRegistry {
  return new TypeRegistry(BUILTIN_TYPES);
}

export function builtinRules(types: TypeRegistry = builtinTypes()): Rule[] {
  return allRules(types);
}

/** The published page of a rule (what the docs and SARIF link to). */
export function rulePagePath(id: string): string {
  return `${DOCS_RULES_DIR}/${id}.md`;
}

/** The page as written: a rule folder's README.md, or a cadence row's page without its metadata. */
export function ruleSourcePath(rule: Rule): string {
  return `${RULES_DIR}/${rulePageSource(rule.meta.id, rule.meta.category === 'cadence' ? 'cadence' : 'other')}`;
}

/** schemas/branch-log.schema.json: pretty JSON with a trailing newline. */
export function schemaJson(types: TypeRegistry = builtinTypes()): string {
  return `${JSON.stringify(branchLogSchema(types.allNames()), null, 2)}\n`;
}

/** schemas/config.schema.json, for editors completing dangjian.config.yaml. */
export function configSchemaJson(rules: Rule[] = builtinRules()): string {
  return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown blocks

/**
 * Replaces what lies between a pair of markers (the markers stay). Throws MarkerError when the
 * markers are missing, repeated or out of order.
 */
export function replaceBlock(text: string, marker: MarkerName, body: string): string {
  const replaced = replaceBetween(text, MARKERS[marker].start, MARKERS[marker].end, body);
  if (replaced === undefined) throw new MarkerError(marker);
  return replaced;
}

// ---------------------------------------------------------------------------------------------
// The metadata block of a rule page

const CATEGORY: Record<RuleCategory, Record<Lang, string>> = {
  input: { 'zh-CN': '输入检查', en: 'input' },
  cadence: { 'zh-CN': '周期要求', en: 'cadence' },
  content: { 'zh-CN': '内容要求', en: 'content' },
};

const UNIT: Record<CadenceDefinition['period'], Record<Lang, string>> = {
  month: { 'zh-CN': '每月', en: 'month' },
  quarter: { 'zh-CN': '每季度', en: 'quarter' },
  'half-year': { 'zh-CN': '每半年', en: 'half-year' },
  year: { 'zh-CN': '每年', en: 'year' },
};

function periodText(rule: Rule, lang: Lang): string {
  const kind = rule.meta.period;
  if (!kind) return lang === 'en' ? 'none (not tied to a period)' : '无（不按周期检查）';
  const label = message(lang, `period.${kind}`);
  return lang === 'en' ? `${label} (\`${kind}\`)` : `${label}（\`${kind}\`）`;
}

/** What a cadence row counts, in words: "每季度至少 1 次国防教育（national-defense-education）". */
function cadenceText(definition: CadenceDefinition, types: TypeRegistry, lang: Lang): string {
  const label = types.label(definition.type);
  const unit = UNIT[definition.period][lang];
  if (lang === 'en') {
    const scope = definition.perGroup ? ` in every Party group of \`branch.groups\` (none required of a branch without groups)` : '';
    return `at least ${definition.min} ${label.en} (\`${definition.type}\`) per ${unit}${scope}`;
  }
  const scope = definition.perGroup ? '，按 `branch.groups` 中的每个党小组分别计算（未设党小组的支部不作要求）' : '';
  return `${unit}至少 ${definition.min} 次${label['zh-CN']}（\`${definition.type}\`）${scope}`;
}

function optionsText(rule: Rule, lang: Lang): string {
  const options = Object.entries(rule.meta.options ?? {});
  if (options.length === 0) return lang === 'en' ? 'none' : '无';
  return options
    .map(([name, option]) =>
      lang === 'en'
        ? `\`${name}\`: ${option.description.en}, default ${option.default} (minimum ${option.minimum})`
        : `\`${name}\`：${option.description['zh-CN']}，默认 ${option.default}（最小 ${option.minimum}）`,
    )
    .join(lang === 'en' ? '; ' : '；');
}

/** The generated table between the meta markers of `docs/rules/<id>.md`. */
export function metaTable(rule: Rule, types: TypeRegistry = builtinTypes()): string {
  const { meta } = rule;
  const definition = meta.category === 'cadence' ? BUILTIN_CADENCES.find((d) => d.id === meta.id) : undefined;
  const both = (f: (lang: Lang) => string) => [f('zh-CN'), f('en')];
  const rows: [string, string[]][] = [
    ['要求 / Rule', both((lang) => meta.title[lang])],
    ['类别 / Category', both((lang) => CATEGORY[meta.category][lang])],
    ['严重程度 / Severity', [message('zh-CN', `severity.${meta.severity}`), `\`${meta.severity}\``]],
    ['周期 / Period', both((lang) => periodText(rule, lang))],
  ];
  if (definition) rows.push(['计数 / Counts', both((lang) => cadenceText(definition, types, lang))]);
  rows.push(['出处 / Source', both((lang) => meta.source[lang])]);
  rows.push(['选项 / Options', both((lang) => optionsText(rule, lang))]);
  const lines = [
    '<!-- Generated from the rule metadata by `npm run generate`; do not edit by hand. -->',
    '',
    tableRow(['', '中文', 'English']),
    '| --- | --- | --- |',
    ...rows.map(([name, values]) => tableRow([name, ...values])),
  ];
  return lines.join('\n');
}

/** The headings of every rule page, in order, under its generated header. */
export const PAGE_LAYOUT = [
  '## 中文',
  '### 检查内容',
  '### 为什么',
  '### 如何修改',
  '## English',
  '### What it checks',
  '### Why',
  '### How to fix',
  '## 示例 / Examples',
];

/** A page's generated head: its title and metadata block. */
function pageHead(rule: Rule, types: TypeRegistry): string {
  return [`# ${rule.meta.id}`, MARKERS.meta.start, metaTable(rule, types), MARKERS.meta.end, ''].join('\n');
}

/** A new page for a rule that has none: the fixed layout, to be filled in by hand. */
export function pageSkeleton(rule: Rule, types: TypeRegistry = builtinTypes()): string {
  return pageHead(rule, types) + [...PAGE_LAYOUT, ''].join('\n');
}

/** A cadence row's published page: the head from its row and the page written for it. */
export function cadencePage(body: string, rule: Rule, types: TypeRegistry = builtinTypes()): string {
  return pageHead(rule, types) + body;
}

/** The page with its metadata block regenerated. */
export function rulePage(current: string, rule: Rule, types: TypeRegistry = builtinTypes()): string {
  return replaceBlock(current, 'meta', metaTable(rule, types));
}

// ---------------------------------------------------------------------------------------------
// The guide's rule table

const GROUP_HEADINGS: Record<RuleCategory, string> = {
  input: '输入检查 / Input',
  cadence: '周期要求 / Cadence',
  content: '内容要求 / Content',
};

export function ruleTable(rules: Rule[]): string {
  const parts: string[] = [
    '<!-- Generated from the rule metadata by `npm run generate`; do not edit by hand. -->',
  ];
  for (const category of ['input', 'cadence', 'content'] as const) {
    const inCategory = rules.filter((rule) => rule.meta.category === category);
    if (inCategory.length === 0) continue;
    parts.push(
      '',
      `### ${GROUP_HEADINGS[category]}`,
      '',
      tableRow(['id', '中文', 'English', 'severity', 'period']),
      '| --- | --- | --- | --- | --- |',
      ...inCategory.map((rule) =>
        tableRow([
          `[\`${rule.meta.id}\`](${path.posix.relative(path.posix.dirname(RULE_TABLE_PATH), rulePagePath(rule.meta.id))})`,
          rule.meta.title['zh-CN'],
          rule.meta.title.en,
          rule.meta.severity,
          rule.meta.period ?? '—',
        ]),
      ),
    );
  }
  return parts.join('\n');
}

export function ruleTableFile(current: string, rules: Rule[]): string {
  return replaceBlock(current, 'rules', ruleTable(rules));
}

// ---------------------------------------------------------------------------------------------
// The plan: every generated file, what it should contain, and what is on disk now

export interface PlannedFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  /** The content the generator wants; undefined when it cannot be generated (see problems). */
  expected?: string;
  /** The content on disk; undefined when the file does not exist. */
  actual?: string;
}

export interface Plan {
  files: PlannedFile[];
  /** Things the generator cannot fix: a page without a rule, a file without its markers. */
  problems: string[];
}

/** Reads a file relative to the root; undefined when it does not exist. */
export type ReadFile = (relativePath: string) => string | undefined;

export function diskReader(root: string): ReadFile {
  return (relativePath) => {
    const absolute = path.join(root, relativePath);
    return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  };
}

/** The ids of the `.md` files in a folder. */
function markdownIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}

/** The published rule pages present in docs/rules, as ids. */
export function documentedIds(root: string): string[] {
  return markdownIds(path.join(root, DOCS_RULES_DIR));
}

/** Every page on disk, as the path it should have for a rule of its id: published, folder, cadence. */
export function pagesOnDisk(root: string): string[] {
  const rulesDir = path.join(root, RULES_DIR);
  const folders = existsSync(rulesDir)
    ? readdirSync(rulesDir).filter((name) => existsSync(path.join(rulesDir, name, 'README.md')))
    : [];
  return [
    ...documentedIds(root).map(rulePagePath),
    ...folders.sort().map((id) => `${RULES_DIR}/${id}/README.md`),
    ...markdownIds(path.join(rulesDir, CADENCE_PAGES)).map((id) => `${RULES_DIR}/${CADENCE_PAGES}/${id}.md`),
  ];
}

/** What the generator reads of the tree besides file contents: the pages and the rule folders. */
export interface Disk {
  pages: string[];
  folders: string[];
}

export function onDisk(root: string): Disk {
  return { pages: pagesOnDisk(root), folders: ruleFolders(root) };
}

export function plan(read: ReadFile, { pages, folders }: Disk, rules: Rule[] = builtinRules(), types: TypeRegistry = builtinTypes()): Plan {
  const files: PlannedFile[] = [];
  const problems: string[] = [];
  const attempt = (file: string, make: (current: string) => string, current = read(file)) => {
    try {
      files.push({ path: file, actual: read(file), expected: make(current ?? '') });
    } catch (error) {
      if (!(error instanceof MarkerError)) throw error;
      files.push({ path: file, actual: read(file) });
      problems.push(`${file}: ${error.message}`);
    }
  };

  files.push({ path: REGISTRY_PATH, actual: read(REGISTRY_PATH), expected: registrySource(folders) });
  files.push({ path: SCHEMA_PATH, actual: read(SCHEMA_PATH), expected: schemaJson(types) });
  files.push({ path: CONFIG_SCHEMA_PATH, actual: read(CONFIG_SCHEMA_PATH), expected: configSchemaJson(rules) });
  for (const rule of rules) {
    const source = ruleSourcePath(rule);
    const current = read(source);
    const cadence = rule.meta.category === 'cadence';
    // A cadence row's page may be left unwritten: it is then generated from the row.
    let written = cadence ? (current ?? generatedPage(rule, types)) : undefined;
    if (!cadence && current === undefined) files.push({ path: source, expected: (written = pageSkeleton(rule, types)) });
    else if (!cadence) attempt(source, (text) => (written = rulePage(text, rule, types)), current);
    const published = rulePagePath(rule.meta.id);
    const expected = written === undefined ? undefined : cadence ? cadencePage(written, rule, types) : written;
    files.push({ path: published, actual: read(published), ...(expected !== undefined ? { expected } : {}) });
  }
  // A folder the index does not place has no rule yet: say so, rather than call its pages orphans.
  const ids = new Set(rules.map((rule) => rule.meta.id));
  const unplaced = folders.filter((id) => !ids.has(id));
  for (const id of unplaced) problems.push(`${RULES_DIR}/${id}: not placed in ${RULES_DIR}/index.ts; add the line '${id}',`);
  const known = new Set([
    ...rules.flatMap((rule) => [rulePagePath(rule.meta.id), ruleSourcePath(rule)]),
    ...unplaced.flatMap((id) => [rulePagePath(id), `${RULES_DIR}/${rulePageSource(id, 'other')}`]),
  ]);
  for (const page of pages) {
    if (!known.has(page)) problems.push(`${page}: no rule has this page's id; rename or delete the page`);
  }
  attempt(RULE_TABLE_PATH, (text) => ruleTableFile(text, rules));
  for (const table of TYPE_TABLES) attempt(table.path, (text) => replaceBlock(text, 'types', typeTable(types.types, table.lang)));
  return { files, problems };
}

export function staleFiles(planned: Plan): PlannedFile[] {
  return planned.files.filter((file) => file.expected !== undefined && file.expected !== file.actual);
}

// ---------------------------------------------------------------------------------------------

export function main(argv: string[], root: string = ROOT, out: (line: string) => void = console.log): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length) {
    out(`generate: unknown argument ${unknown[0]} (usage: generate [--check])`);
    return 2;
  }
  const planned = plan(diskReader(root), onDisk(root));
  const stale = staleFiles(planned);
  if (check) {
    for (const file of stale) out(`stale: ${file.path}${file.actual === undefined ? ' (missing)' : ''}`);
  } else {
    for (const file of stale) {
      const target = path.join(root, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.expected!);
      out(`${file.actual === undefined ? 'created' : 'updated'}: ${file.path}`);
    }
  }
  for (const problem of planned.problems) out(`error: ${problem}`);
  if (check && stale.length) out('Run `npm run generate` and commit the result.');
  return (check && stale.length) || planned.problems.length ? 1 : 0;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
