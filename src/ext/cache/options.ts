import { OptionProblems, type OptionPath } from "../internal/option-problems.js";
import { describeType } from "../../shared/checks/objects.js";

/** Options of `cache` (spec CACHE-002). */
export interface CacheOptions {
  /** How long an entry is served, in seconds (a positive number). Default 60. */
  readonly ttl?: number;
  /** Most entries kept; the least recently used goes first (a positive integer). Default 1000. */
  readonly maxEntries?: number;
  /** Largest content cached by `readBytes` (bytes) and `readText` (characters). Default 1 MiB. */
  readonly maxContentSize?: number;
  /** Most entries of a listing that is cached. Default 10,000. */
  readonly maxListingSize?: number;
  /** The clock entries expire by (e.g. a `ManualClock`'s `now`); default the system clock. */
  readonly clock?: () => Date;
  /**
   * What makes changes made behind the cache's back visible (spec CACHE-013): `"ttl"` (default),
   * entries expiring after `ttl`; or `"watch"`, the inner store is watched and each change event
   * drops what it may have changed (then entries live until a change, unless `ttl` is given).
   * Needs the `watch` capability.
   */
  readonly invalidateOn?: "ttl" | "watch";
}

/** Options with every default filled in. */
export interface ResolvedCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxContentSize: number;
  readonly maxListingSize: number;
  readonly now: () => number;
  /** Invalidation by the inner store's change events (CACHE-013). */
  readonly watch: boolean;
}

export const CACHE_DEFAULTS = Object.freeze({ ttl: 60, maxEntries: 1000, maxContentSize: 1024 * 1024, maxListingSize: 10_000 });

const KEYS = ["ttl", "maxEntries", "maxContentSize", "maxListingSize", "clock", "invalidateOn"] as const;
/** Options only code can give: configs hold no functions and open no watches. */
const CODE_ONLY: readonly string[] = ["clock", "invalidateOn"];

/** Adds every problem of `options` at `path` to `problems` (spec CACHE-010); `clock` and `invalidateOn` only when `inCode` (not in configs). */
export function checkCacheOptions(options: unknown, problems: OptionProblems, path: OptionPath = [], inCode = true): void {
  if (options === undefined) return;
  if (!problems.record(options, path.length === 0 ? ["options"] : path, inCode ? KEYS : KEYS.filter((k) => !CODE_ONLY.includes(k)))) return;
  const at = (key: string): OptionPath => [...path, key];
  problems.positive(options.ttl, at("ttl"), { unit: "seconds" });
  problems.positive(options.maxEntries, at("maxEntries"), { integer: true });
  problems.positive(options.maxContentSize, at("maxContentSize"), { integer: true });
  problems.positive(options.maxListingSize, at("maxListingSize"), { integer: true });
  if (options.clock !== undefined && typeof options.clock !== "function") problems.type(at("clock"), `must be a function returning a Date, got ${describeType(options.clock)}`);
  const on = options.invalidateOn;
  if (on !== undefined && typeof on !== "string") problems.type(at("invalidateOn"), `must be "ttl" or "watch", got ${describeType(on)}`);
  else if (on !== undefined && on !== "ttl" && on !== "watch") problems.range(at("invalidateOn"), `must be "ttl" or "watch", got ${JSON.stringify(on)}`);
}

/** Checks `options` and fills in the defaults; throws the first problem as a `TypeError`/`RangeError`. */
export function resolveCacheOptions(options: CacheOptions | undefined): ResolvedCacheOptions {
  const problems = new OptionProblems();
  checkCacheOptions(options, problems);
  problems.throwFirst();
  const clock = options?.clock;
  const watch = options?.invalidateOn === "watch";
  return {
    ttlMs: options?.ttl === undefined && watch ? Infinity : (options?.ttl ?? CACHE_DEFAULTS.ttl) * 1000,
    maxEntries: options?.maxEntries ?? CACHE_DEFAULTS.maxEntries,
    maxContentSize: options?.maxContentSize ?? CACHE_DEFAULTS.maxContentSize,
    maxListingSize: options?.maxListingSize ?? CACHE_DEFAULTS.maxListingSize,
    now: clock === undefined ? Date.now : () => clock().getTime(),
    watch,
  };
}
