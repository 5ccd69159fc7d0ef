/**
 * The branch id guessed from the text of a file (for a file that does not parse, for sharding and
 * for predicting where a branch ends): the line-by-line scan against the plain one it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessBranchId } from '../src/load/branch-id.js';

/** The scan as first written: split into lines, then the same tests. */
function guessAsWritten(text: string): string | undefined {
  let inBranch = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!inBranch) {
      inBranch = /^branch:[ \t]*(?:#.*)?$/.test(line);
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^[ \t]/.test(line)) return undefined;
    const match = /^[ \t]+id:[ \t]*["']?([^\s"'#]{1,64})/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

const PIECES = ['branch:', 'branch: # 支部', '  id: smelter-1', "  id: 'a b'", '\tid: x', '  name: 冶炼厂', '# note', '', '   ', 'version: 1', 'id: top', '  id:', 'activities:'];
const BREAKS = ['\n', '\r\n', '\r'];

describe('guessBranchId', () => {
  it('finds the id under branch: with any line ends', () => {
    for (const eol of BREAKS) {
      expect(guessBranchId(['version: 1', 'branch:', '  # 注释', '', '  name: 冶炼厂', '  id: smelter-1', 'activities: []'].join(eol))).toBe('smelter-1');
      expect(guessBranchId(['branch:', 'version: 1', '  id: x'].join(eol))).toBeUndefined();
    }
    expect(guessBranchId('branch:\n  id: "q-1"')).toBe('q-1');
    expect(guessBranchId('')).toBeUndefined();
  });

  it('agrees with the plain scan on generated files', () => {
    const line = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }));
    const text = fc.array(fc.tuple(line, fc.constantFrom(...BREAKS)), { maxLength: 12 }).map((lines) => lines.map(([l, eol]) => l + eol).join(''));
    fc.assert(fc.property(text, (t) => {
        expect(guessBranchId(t)).toBe(guessAsWritten(t));
      }), { numRuns: 3000 });
  });
});
