import { describeType } from "../../shared/checks/objects.js";

/** How many operations the extensions run at once unless told otherwise. */
export const DEFAULT_CONCURRENCY = 4;

/** Validates a `concurrency` option: a positive integer (`TypeError`/`RangeError` otherwise). */
export function concurrencyOption(value: unknown, fallback = DEFAULT_CONCURRENCY): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") throw new TypeError(`concurrency must be a number, got ${describeType(value)}`);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`concurrency must be a positive integer, got ${value}`);
  return value;
}

/**
 * Runs `worker` over `items` with at most `limit` calls in flight. A worker that throws stops
 * the scheduling of further items; the calls already running are awaited, then the first error
 * is thrown. Workers that want to go on after a failure catch it themselves.
 */
export async function runBounded<T>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await worker(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, items.length); i++) lanes.push(lane());
  await Promise.all(lanes);
  if (failure !== undefined) throw failure.error;
}
