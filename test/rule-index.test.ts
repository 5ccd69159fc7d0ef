/**
 * The rule index (src/rules/index.ts) places every registered rule folder once, in the list of its
 * category, and each folder's rule has the folder's name as its id. The compiler already refuses a
 * folder listed nowhere; this says which line to add when the tests run without it.
 */
import { describe, expect, it } from 'vitest';
import { TypeRegistry, BUILTIN_TYPES } from '../src/model/activity-types.js';
import { allRules, CONTENT_ORDER, INPUT_ORDER } from '../src/rules/index.js';
import { RULE_FOLDERS } from '../src/rules/registry.generated.js';
import type { Rule, RuleEntry } from '../src/rules/rule.js';

/** What is wrong with the lists, given the registered folders: one sentence per problem. */
function listProblems(registered: string[], lists: Record<'input' | 'content', readonly string[]>): string[] {
  const listed = [...lists.input, ...lists.content];
  return [
    ...registered
      .filter((id) => !listed.includes(id))
      .map((id) => `src/rules/${id} is not placed in src/rules/index.ts: add the line '${id}', to INPUT_ORDER or CONTENT_ORDER`),
    ...listed.filter((id, i) => listed.indexOf(id) !== i).map((id) => `src/rules/index.ts lists ${id} twice`),
  ];
}

const resolve = (entry: RuleEntry): Rule => (typeof entry === 'function' ? entry({}) : entry);

describe('the rule index', () => {
  it('places every rule folder once', () => {
    expect(listProblems(Object.keys(RULE_FOLDERS), { input: INPUT_ORDER, content: CONTENT_ORDER })).toEqual([]);
  });

  it('names a folder that is not placed, and an id listed twice', () => {
    expect(listProblems(['first-topic', 'new-rule'], { input: [], content: ['first-topic', 'first-topic'] })).toEqual([
      "src/rules/new-rule is not placed in src/rules/index.ts: add the line 'new-rule', to INPUT_ORDER or CONTENT_ORDER",
      'src/rules/index.ts lists first-topic twice',
    ]);
  });

  it.each(Object.entries(RULE_FOLDERS))('%s is the id of its folder\'s rule, listed with its category', (id, entry) => {
    const rule = resolve(entry);
    expect(rule.meta.id).toBe(id);
    expect((rule.meta.category === 'input' ? INPUT_ORDER : CONTENT_ORDER) as readonly string[]).toContain(id);
  });

  it('gives every rule, cadence rows included, its own id', () => {
    const ids = allRules(new TypeRegistry(BUILTIN_TYPES)).map((rule) => rule.meta.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
