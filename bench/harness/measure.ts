import { performance } from "node:perf_hooks";

type GcFunction = () => void;

/** Runs a full garbage collection (twice, so weak references and finalizers settle). Needs `--expose-gc`. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: GcFunction }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc (npm run bench does): heap figures need it");
  gc();
  gc();
}

/** True when the process can force a garbage collection. */
export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: GcFunction }).gc === "function";
}

// spec BENCH-008: heapUsed + external.
/** Bytes held by the JS heap plus memory outside it owned by JS objects (ArrayBuffer contents). */
export function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** A clock in milliseconds: {@link wallClock} or {@link cpuClock}. */
export type Clock = () => number;

/** Elapsed real time (the default of every family). */
export const wallClock: Clock = () => performance.now();

// spec BENCH-017: the hot-path family is timed in the CPU time of the process.
/**
 * CPU time of the whole process (user + system, every thread: garbage collection and compilers
 * too). Unlike wall time it does not count the time the process waits for a core on a busy
 * machine; on an idle one the two agree for single-threaded work.
 */
export const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Milliseconds taken by `run`, on `clock`. */
export async function timeMs(run: () => Promise<unknown>, clock: Clock = wallClock): Promise<number> {
  const start = clock();
  await run();
  return clock() - start;
}

// spec BENCH-003: a figure is the median of the repetitions.
/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A timed batch that may have been cut short by its time budget. */
export interface BudgetedTime {
  /** Milliseconds for the whole batch: measured, or extrapolated linearly from the part done. */
  readonly ms: number;
  /** Items actually processed. */
  readonly done: number;
  readonly total: number;
}

// spec BENCH-006: the time budget, slices growing from one, linear extrapolation.
/**
 * Processes `items` in slices growing from one item up to `slice` (so a very slow system stops
 * early), timing only the slices, and stops once `budgetMs` is spent. A batch cut short
 * reports its time extrapolated linearly to all items — for work that grows faster than
 * linearly this is a lower bound, and reports say so.
 */
export async function timeWithBudget<T>(
  items: readonly T[],
  slice: number,
  budgetMs: number,
  run: (part: readonly T[]) => Promise<void>,
  clock: Clock = wallClock,
): Promise<BudgetedTime> {
  let spent = 0;
  let done = 0;
  let size = 1;
  while (done < items.length) {
    const part = items.slice(done, done + size);
    size = Math.min(slice, size * 2);
    const start = clock();
    await run(part);
    spent += clock() - start;
    done += part.length;
    if (spent > budgetMs && done < items.length) break;
  }
  return { ms: done === items.length ? spent : (spent * items.length) / done, done, total: items.length };
}

/** `items` cut into `count` consecutive parts of nearly equal size (fewer when there are fewer items). */
function parts<T>(items: readonly T[], count: number): (readonly T[])[] {
  const out: (readonly T[])[] = [];
  for (let k = 0; k < count; k++) {
    const part = items.slice(Math.floor((items.length * k) / count), Math.floor((items.length * (k + 1)) / count));
    if (part.length > 0) out.push(part);
  }
  return out;
}

// spec BENCH-017: a batch timed as consecutive parts, the figure their median scaled to the whole.
/**
 * Times `items` as `batches` consecutive parts (each processed as {@link timeWithBudget} does,
 * within what is left of `budgetMs`) and reports the median part's time scaled to all items, so
 * that one garbage collection or one preemption of the process does not decide the figure. With
 * one batch this is {@link timeWithBudget}. Parts stop once the budget is spent; then `done` is
 * less than `total` and the figure is extrapolated from the parts done.
 */
export async function timeInBatches<T>(
  items: readonly T[],
  { batches, slice, budgetMs, clock = wallClock }: { readonly batches: number; readonly slice: number; readonly budgetMs: number; readonly clock?: Clock },
  run: (part: readonly T[]) => Promise<void>,
): Promise<BudgetedTime> {
  if (batches <= 1) return timeWithBudget(items, slice, budgetMs, run, clock);
  const perItem: number[] = [];
  let done = 0;
  let spent = 0;
  for (const part of parts(items, batches)) {
    const timed = await timeWithBudget(part, slice, Math.max(0, budgetMs - spent), run, clock);
    perItem.push(timed.ms / part.length);
    done += timed.done;
    spent += (timed.ms * timed.done) / part.length;
    if (timed.done < part.length || spent > budgetMs) break;
  }
  return { ms: median(perItem) * items.length, done, total: items.length };
}

/**
 * Milliseconds for `run` over all `items`, timed on `clock` as `batches` consecutive parts: the
 * median part's time scaled to all items (with one batch, the time of one call with every item).
 */
export async function timeMedianPart<T>(items: readonly T[], { batches, clock = wallClock }: { readonly batches: number; readonly clock?: Clock }, run: (part: readonly T[]) => Promise<void>): Promise<number> {
  const perItem: number[] = [];
  for (const part of parts(items, batches)) perItem.push((await timeMs(() => run(part), clock)) / part.length);
  return perItem.length === 0 ? 0 : median(perItem) * items.length;
}

// spec BENCH-007: operations too short to time once are repeated until 5 ms have passed.
/**
 * Milliseconds per call of `run(i)`, repeated until `minMs` have passed or `maxRuns` calls
 * were made (at least one). For operations too short to time once, like an O(1) folder move.
 */
export async function timeRepeated(run: (i: number) => Promise<unknown>, { minMs = 5, maxRuns = 1000 } = {}): Promise<{ ms: number; runs: number }> {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (runs < maxRuns && (runs === 0 || elapsed < minMs)) {
    await run(runs);
    runs++;
    elapsed = performance.now() - start;
  }
  return { ms: elapsed / runs, runs };
}
