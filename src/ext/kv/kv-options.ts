
import { optionsObject } from "../../store/options.js";
import { functionOption } from "../internal/arguments.js";
import { describeType } from "../../shared/checks/objects.js";

/** Options of `createKeyValue` and `createSyncKeyValue`. */
export interface KeyValueOptions {
  /** Time to live in milliseconds for keys set without `ttl` (`null` or absent: never expire). */
  readonly defaultTtl?: number | null;
  /** The current time as epoch milliseconds or a `Date` (default `Date.now`). */
  readonly clock?: () => number | Date;
  /** Run `purgeExpired()` every this many milliseconds, on a timer that does not keep the process alive. */
  readonly sweepInterval?: number;
  /** Receives the error of a failed background sweep (ignored when absent). */
  readonly onSweepError?: (error: unknown) => void;
}

/** Options of `set` and `increment`. */
export interface TtlOptions {
  /** Milliseconds to live from now; `null` never expires; absent: see the operation. */
  readonly ttl?: number | null;
}

/** Validated view settings. */
export interface KvSettings {
  readonly defaultTtl: number | null;
  readonly now: () => number;
  readonly sweepInterval: number | undefined;
  readonly onSweepError: ((error: unknown) => void) | undefined;
}

/** Largest delay a timer accepts. */
const MAX_INTERVAL = 2 ** 31 - 1;

/** Checks the view options (spec KV-020, KV-021, KV-024). */
export function kvSettings(options: KeyValueOptions | undefined): KvSettings {
  const o = optionsObject(options, ["defaultTtl", "clock", "sweepInterval", "onSweepError"]);
  const clock = functionOption<() => number | Date>(o.clock, "clock");
  const sweepInterval = o.sweepInterval;
  if (sweepInterval !== undefined) {
    if (typeof sweepInterval !== "number") throw new TypeError(`sweepInterval must be a number, got ${describeType(sweepInterval)}`);
    if (!(sweepInterval > 0 && sweepInterval <= MAX_INTERVAL)) throw new RangeError(`sweepInterval must be > 0 and at most ${MAX_INTERVAL} ms, got ${sweepInterval}`);
  }
  return {
    defaultTtl: ttlOption(o.defaultTtl, "defaultTtl") ?? null,
    now: clock === undefined ? Date.now : checkedClock(clock),
    sweepInterval,
    onSweepError: functionOption<(error: unknown) => void>(o.onSweepError, "onSweepError"),
  };
}

/** A `ttl`: `undefined` (not given), `null` (never expires) or a finite number > 0 (spec KV-021). */
export function ttlOption(value: unknown, name = "ttl"): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== "number") throw new TypeError(`${name} must be a number or null, got ${describeType(value)}`);
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of milliseconds > 0, got ${value}`);
  return value;
}

/** The `ttl` of an options object of `set`/`increment`. */
export function ttlOf(options: TtlOptions | undefined): number | null | undefined {
  return ttlOption(optionsObject(options, ["ttl"]).ttl);
}

/** The `by` of `increment` (spec KV-030). */
export function incrementBy(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== "number") throw new TypeError(`by must be a number, got ${describeType(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`by must be a finite number, got ${value}`);
  return value;
}

function checkedClock(clock: () => number | Date): () => number {
  return () => {
    const now = clock();
    const ms = now instanceof Date ? now.getTime() : now;
    if (typeof ms !== "number" || !Number.isFinite(ms)) throw new TypeError("clock must return a finite number of milliseconds or a valid Date");
    return ms;
  };
}
