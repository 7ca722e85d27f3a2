import { describeType, isObject } from "../../shared/checks/objects.js";
import { checkOptionKeys } from "../../shared/checks/option-keys.js";

/** Options of the `MemoryBackend` constructor. */
export interface MemoryBackendOptions {
  /** Largest total of content bytes (inclusive); default unlimited. */
  readonly maxSize?: number;
  /** Returns "now" for modification times; default `() => new Date()`. */
  readonly clock?: () => Date;
  /** Name used in `memory://<name>/…` URLs and messages; default a generated unique name. */
  readonly name?: string;
}

let generated = 0;

/** Validated constructor options with defaults applied. */
export function checkMemoryOptions(options: MemoryBackendOptions): { name: string; maxSize: number; clock: () => Date } {
  if (!isObject(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  checkOptionKeys(options, ["maxSize", "clock", "name"]);
  const { maxSize, clock, name } = options;
  if (maxSize !== undefined && (typeof maxSize !== "number" || Number.isNaN(maxSize))) {
    throw new TypeError(`maxSize must be a number, got ${describeType(maxSize)}`);
  }
  if (maxSize !== undefined && maxSize !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxSize) || maxSize < 0)) {
    throw new RangeError(`maxSize must be a non-negative integer, got ${maxSize}`);
  }
  if (clock !== undefined && typeof clock !== "function") throw new TypeError(`clock must be a function, got ${describeType(clock)}`);
  if (name !== undefined && (typeof name !== "string" || name === "")) throw new TypeError("name must be a non-empty string");
  return {
    name: name ?? `memory-${(++generated).toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    maxSize: maxSize ?? Number.POSITIVE_INFINITY,
    clock: clock === undefined ? () => new Date() : checkedClock(clock),
  };
}

function checkedClock(clock: () => Date): () => Date {
  return () => {
    const now = clock();
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError("clock must return a valid Date");
    return now;
  };
}
