/**
 * The generated files (the rule registry, schemas, rule-page metadata blocks, the published pages in docs/rules, the
 * guide's rule table, the activity-type tables) must be up to date, every rule must have a page and
 * every page a rule, and every page keeps the layout that `dangjian rules ID` and the example tests
 * rely on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtinRules,
  diskReader,
  documentedIds,
  main,
  onDisk,
  pagesOnDisk,
  MarkerError,
  PAGE_LAYOUT,
  plan,
  RULE_TABLE_PATH,
  ruleTable,
  replaceBlock,
  rulePagePath,
  ruleSourcePath,
  staleFiles,
} from '../src/tools/generate.js';
import { TYPE_TABLES } from '../src/tools/generate-docs.js';
import { REGISTRY_PATH, registrySource } from '../src/tools/rule-registry.js';
import { ROOT, tempTree } from './helpers.js';

const rules = builtinRules();
const ids = rules.map((rule) => rule.meta.id);

describe('generated files', () => {
  it('are up to date (run `npm run generate` when this fails)', () => {
    const planned = plan(diskReader(ROOT), onDisk(ROOT));
    expect(planned.problems).toEqual([]);
    expect(staleFiles(planned).map((file) => file.path)).toEqual([]);
  });

  it('cover the rule registry, the schemas, per rule its folder page and its published page, the rule table and the type tables', () => {
    const paths = plan(diskReader(ROOT), onDisk(ROOT)).files.map((file) => file.path);
    const pages = rules.flatMap((rule) => [...(rule.meta.category === 'cadence' ? [] : [ruleSourcePath(rule)]), rulePagePath(rule.meta.id)]);
    expect(paths).toEqual([
      'src/rules/registry.generated.ts',
      'schemas/branch-log.schema.json',
      'schemas/config.schema.json',
      ...pages,
      'docs/guide/rules.md',
      'docs/guide/log.md',
      'docs/log-format.md',
    ]);
  });
});

describe('rule pages', () => {
  it('exist for every rule, and every page documents a rule', () => {
    expect(documentedIds(ROOT)).toEqual([...ids].sort());
    // A rule folder has its page; a cadence row may have a written page (else its page comes from the row).
    const sources = pagesOnDisk(ROOT).filter((page) => page.startsWith('src/'));
    const cadence = new Set(rules.filter((rule) => rule.meta.category === 'cadence').map(ruleSourcePath));
    const folders = rules.filter((rule) => rule.meta.category !== 'cadence').map(ruleSourcePath);
    expect(sources.filter((page) => !cadence.has(page)).sort()).toEqual(folders.sort());
  });


  it.each(ids)('%s.md keeps the page layout, with no empty section', (id) => {
    const lines = readFileSync(path.join(ROOT, rulePagePath(id)), 'utf8').split('\n');
    expect(lines.slice(0, 2)).toEqual([`# ${id}`, '<!-- meta:start -->']);
    const metaEnd = lines.indexOf('<!-- meta:end -->');
    expect(lines[metaEnd + 1]).toBe('## 中文');

    const headings: { text: string; index: number }[] = [];
    let fenced = false;
    lines.forEach((line, index) => {
      if (line.startsWith('```')) fenced = !fenced;
      else if (!fenced && index > metaEnd && /^#{1,6} /.test(line)) headings.push({ text: line, index });
    });
    expect(fenced).toBe(false);
    expect(headings.map((h) => h.text)).toEqual(PAGE_LAYOUT);
    headings.forEach((heading, i) => {
      if (heading.text.startsWith('## ') && heading.text !== PAGE_LAYOUT.at(-1)) return; // a ## opens a ### at once
      const end = headings[i + 1]?.index ?? lines.length;
      const body = lines.slice(heading.index + 1, end).join('\n').trim();
      expect(body, `${id}.md: ${heading.text} is empty`).not.toBe('');
    });
  });
});

/** The files that hold generated tables, with their markers and nothing between them. */
const markedFiles: Record<string, string> = {
  [RULE_TABLE_PATH]: '# x\n<!-- rules:start -->\n<!-- rules:end -->\n',
  ...Object.fromEntries(TYPE_TABLES.map((table) => [table.path, '# x\n<!-- types:start -->\n<!-- types:end -->\n'])),
};

describe('the generator', () => {
  it('replaces only what lies between the markers', () => {
    const text = 'before\n<!-- rules:start -->\nold\n<!-- rules:end -->\nafter\n';
    expect(replaceBlock(text, 'rules', 'new')).toBe('before\n<!-- rules:start -->\nnew\n<!-- rules:end -->\nafter\n');
    expect(replaceBlock(replaceBlock(text, 'rules', 'new'), 'rules', 'new')).toBe(replaceBlock(text, 'rules', 'new'));
  });

  it('refuses a file without its markers, or with them twice', () => {
    expect(() => replaceBlock('no markers', 'meta', 'x')).toThrow(MarkerError);
    expect(() => replaceBlock('<!-- meta:end --><!-- meta:start -->', 'meta', 'x')).toThrow(MarkerError);
    const twice = '<!-- meta:start --><!-- meta:end -->'.repeat(2);
    expect(() => replaceBlock(twice, 'meta', 'x')).toThrow(MarkerError);
  });

  it('groups the rule table as input, cadence, content, in rule order, linking each page from where the table is', () => {
    const table = ruleTable(rules);
    const headings = table.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual(['### 输入检查 / Input', '### 周期要求 / Cadence', '### 内容要求 / Content']);
    const links = [...table.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\)/gm)];
    expect(links.map((m) => m[1])).toEqual(ids);
    for (const [, id, link] of links) expect(path.posix.join(path.posix.dirname(RULE_TABLE_PATH), link)).toBe(rulePagePath(id));
  });

  it('with --check writes nothing and lists stale files, missing pages and orphan pages', () => {
    const root = tempTree({
      ...markedFiles,
      'docs/rules/first-topic.md': '# first-topic\n<!-- meta:start -->\nold\n<!-- meta:end -->\n',
      'docs/rules/no-such-rule.md': '# no-such-rule\n',
    });
    const out: string[] = [];
    expect(main(['--check'], root, (line) => out.push(line))).toBe(1);
    expect(out).toContain('stale: schemas/branch-log.schema.json (missing)');
    expect(out).toContain('stale: schemas/config.schema.json (missing)');
    expect(out).toContain('stale: docs/rules/first-topic.md');
    expect(out).toContain('stale: docs/rules/encoding.md (missing)');
    expect(out).toContain(`stale: ${RULE_TABLE_PATH}`);
    expect(out.some((line) => line.startsWith('error: docs/rules/no-such-rule.md'))).toBe(true);
    expect(documentedIds(root)).toEqual(['first-topic', 'no-such-rule']);
    expect(readFileSync(path.join(root, 'docs/rules/first-topic.md'), 'utf8')).toContain('\nold\n');
  });

  it('with --check finds the registry stale when a rule folder is not in it, names a folder the index does not place, and registers the folder without --check', () => {
    const root = tempTree({
      ...markedFiles,
      [REGISTRY_PATH]: registrySource(['first-topic']),
      'src/rules/first-topic/index.ts': '',
      'src/rules/new-rule/index.ts': '',
      'src/rules/cadence/index.ts': '',
    });
    const out: string[] = [];
    expect(main(['--check'], root, (line) => out.push(line))).toBe(1);
    expect(out).toContain(`stale: ${REGISTRY_PATH}`);
    expect(out).toContain("error: src/rules/new-rule: not placed in src/rules/index.ts; add the line 'new-rule',");
    main([], root, () => undefined);
    const registry = readFileSync(path.join(root, REGISTRY_PATH), 'utf8');
    expect(registry).toBe(registrySource(['first-topic', 'new-rule']));
    expect(registry).toContain("import newRule from './new-rule/index.js';\n");
    expect(registry).toContain("  'new-rule': newRule,\n");
  });

  it('without --check brings every file up to date, creating a skeleton for a missing page', () => {
    const root = tempTree(markedFiles);
    expect(main([], root, () => undefined)).toBe(0);
    const out: string[] = [];
    expect(main(['--check'], root, (line) => out.push(line))).toBe(0);
    expect(out).toEqual([]);
    expect(readFileSync(path.join(root, 'docs/rules/encoding.md'), 'utf8')).toMatch(/^# encoding\n<!-- meta:start -->\n/);
  });
});
