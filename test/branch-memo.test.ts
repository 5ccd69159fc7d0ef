import { describe, expect, it } from 'vitest';
import { memoized } from '../src/model/branch-memo.js';
import type { Branch } from '../src/model/model.js';

const branch = (): Branch => ({ activities: [] }) as unknown as Branch;

describe('memoized', () => {
  it('makes a value once per branch and key', () => {
    const one = branch();
    let made = 0;
    const make = () => ({ n: ++made });
    const first = memoized(one, 'a', make);
    expect(memoized(one, 'a', make)).toBe(first);
    expect(memoized(one, 'b', make)).not.toBe(first);
    expect(memoized(branch(), 'a', make)).not.toBe(first);
    expect(made).toBe(3);
  });

  it('keeps undefined as a value made', () => {
    const one = branch();
    let made = 0;
    memoized(one, 'k', () => void made++);
    memoized(one, 'k', () => void made++);
    expect(made).toBe(1);
  });

  it('is not carried into a copy of the branch, nor into its JSON', () => {
    const one = branch();
    memoized(one, 'k', () => 1);
    const copy = { ...one };
    expect(memoized(copy, 'k', () => 2)).toBe(2);
    expect(JSON.stringify(one)).toBe('{"activities":[]}');
    expect(Object.keys(one)).toEqual(['activities']);
  });
});
