/**
 * Completion rates: (done + late + waived) / (done + late + waived + missing). Pending,
 * not-applicable and not-counted marks are shown but never count either way.
 */
import type { MarkState, Tally } from './model.js';

const FIELD: Record<MarkState, keyof Omit<Tally, 'met' | 'counted' | 'rate'>> = {
  done: 'done',
  late: 'late',
  waived: 'waived',
  missing: 'missing',
  pending: 'pending',
  'not-applicable': 'notApplicable',
  'not-counted': 'notCounted',
};

export function emptyTally(): Tally {
  return { done: 0, late: 0, waived: 0, missing: 0, pending: 0, notApplicable: 0, notCounted: 0, met: 0, counted: 0, rate: null };
}

/** A tally of the given unit states. */
export function tallyOf(states: Iterable<MarkState>): Tally {
  const tally = emptyTally();
  for (const state of states) tally[FIELD[state]]++;
  return finish(tally);
}

export function sumTallies(tallies: Iterable<Tally>): Tally {
  const sum = emptyTally();
  for (const tally of tallies) {
    for (const field of Object.values(FIELD)) sum[field] += tally[field];
  }
  return finish(sum);
}

function finish(tally: Tally): Tally {
  tally.met = tally.done + tally.late + tally.waived;
  tally.counted = tally.met + tally.missing;
  tally.rate = tally.counted === 0 ? null : tally.met / tally.counted;
  return tally;
}

/**
 * The rate as a percentage with one decimal, rounded down so that 100% means complete
 * (`99.9%`, never a rounded-up `100.0%`); undefined when nothing counted.
 */
export function percentText(tally: Tally, decimals: 0 | 1 = 1): string | undefined {
  if (tally.counted === 0) return undefined;
  const scale = decimals === 1 ? 1000 : 100;
  const value = Math.floor((tally.met * scale) / tally.counted);
  return decimals === 1 ? `${Math.floor(value / 10)}.${value % 10}%` : `${value}%`;
}
