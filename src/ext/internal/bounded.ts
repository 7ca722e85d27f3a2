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
