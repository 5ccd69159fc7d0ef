/**
 * Keeps a long run's heap within the memory budget (300 MB for 10,000 branches, every rule on:
 * 229–285 MB with this, 307–318 MB without, for about 5% more time; six dense 1 MiB files: 221 MB,
 * was 405 MB; one branch of a million activities in 100 files: 280–290 MB, was 434 MB). V8 lets
 * the old generation grow to several times what is alive before it collects it; a streamed check
 * keeps little alive (the open branches and the findings), so a full collection whenever the heap
 * passes a threshold holds the process to a fraction of what V8 would take, at the cost of a few
 * short pauses. The threshold is what is alive plus some headroom, so that a run with much alive (a
 * branch of a million activities) collects only when that headroom is used up.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Heap in use that starts a full collection. */
const THRESHOLD_MB = 96;
/** Room left for new objects above what is alive after a collection. */
const HEADROOM_MB = 32;

let collect: (() => void) | null | undefined;

/** V8's collector, made callable without a command-line flag; null where that is not possible. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

export class HeapBudget {
  private threshold: number;

  /** `thresholdMb`: the heap in use that starts the first collection, and the least that any does. */
  constructor(private readonly thresholdMb = THRESHOLD_MB) {
    this.threshold = thresholdMb * 1024 * 1024;
  }

  /**
   * Called after each file and between the rules of a branch (a look costs under a microsecond):
   * collects when the heap in use has passed the threshold, so that one big file's garbage is gone
   * before the next is read, and a big branch's rules do not pile up garbage on top of it.
   */
  check(): void {
    const used = v8.getHeapStatistics().used_heap_size;
    if (used < this.threshold) return;
    const gc = collector();
    if (!gc) return;
    gc();
    // What is still alive sets the next threshold: that plus the headroom, and never below the first.
    const alive = v8.getHeapStatistics().used_heap_size;
    this.threshold = Math.max(this.thresholdMb * 1024 * 1024, alive + HEADROOM_MB * 1024 * 1024);
  }
}

/**
 * Before a big result is rendered: what the run no longer needs is collected first, so that the
 * output's text is built in a heap that holds little else.
 */
export function settleHeap(): void {
  if (v8.getHeapStatistics().used_heap_size < THRESHOLD_MB * 1024 * 1024 / 2) return;
  collector()?.();
}
