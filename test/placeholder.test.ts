/** What counts as a placeholder (无, 略, N/A…) is decided the same way however often a text is asked about. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasContent, isPlaceholder } from '../src/model/placeholder.js';

/** The comparison spelled out once, without the shortcut for long texts or the memory of answers. */
const PLACEHOLDERS = ['', '无', '暂无', '没有', '略', '同上', '见附件', '详见附件', '-', '--', '—', '——', '－', '/', '／', '\\', '.', '...', '…', '……', 'n/a', 'na', 'none', 'nil', 'null', 'tbd', 'todo', 'x'];
function reference(text: string): boolean {
  const core = text.replace(/^[\s\u3000（(【[「]+|[\s\u3000）)】\]」。.，,;；！!?？]+$/g, '').toLowerCase();
  return PLACEHOLDERS.includes(core) || PLACEHOLDERS.includes(core.replace(/[\s\u3000]+/g, ''));
}

describe('placeholders', () => {
  it('are told from content as the spelled-out comparison tells them, asked once or many times', () => {
    const pieces = ['无', '略', '见', '附件', '详', 'N', '/', 'A', 'n', 'a', 'TBD', 'x', '.', '…', '-', '—', ' ', '\u3000', '（', '）', '。', '王', '书记', '同上', '\t'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        return isPlaceholder(text) === reference(text) && isPlaceholder(text) === reference(text);
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('include padded and bracketed ones, and never a name or a sentence', () => {
    for (const text of ['无', ' 暂无 ', '（无）', '无。', 'N/A', 'n / a', '详见附件', '\u3000\u3000略\u3000', '   ……   ', '']) expect(isPlaceholder(text)).toBe(true);
    for (const text of ['王伟', '张书记', '通过支部一季度工作总结', '无异议', 'NA1', '见附件3']) expect(hasContent(text)).toBe(true);
    expect(isPlaceholder(undefined)).toBe(true);
  });
});
