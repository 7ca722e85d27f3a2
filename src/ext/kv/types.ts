import type { TtlOptions } from "./kv-options.js";

/** An asynchronous key-value view with TTL over a Store (spec ext-kv.md). Every method returns a Promise. */
export interface KeyValue extends AsyncDisposable {
  /** True when increments are atomic against every caller in the process (memory backend; spec KV-033, KV-034). */
  readonly atomicIncrement: boolean;
  /** The value of a live key, or `undefined` when it is missing or expired. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores a JSON value; `ttl` in ms (`null`: never expires; absent: `defaultTtl`). */
  set(key: string, value: unknown, options?: TtlOptions): Promise<void>;
  /** Removes a key; true when it was live. */
  delete(key: string): Promise<boolean>;
  /** True when the key is live (a stored `null` counts). */
  has(key: string): Promise<boolean>;
  /** Adds `by` (default 1) to a numeric value (missing: 0) and returns the result; fixed-window TTL. */
  increment(key: string, by?: number, options?: TtlOptions): Promise<number>;
  /** The live keys in code point order. */
  keys(): Promise<string[]>;
  /** Removes every key. */
  clear(): Promise<void>;
  /** Removes every expired record; returns how many. */
  purgeExpired(): Promise<number>;
  /** Stops the sweep; later calls reject with `BackendUnavailable`. Does not close the store. */
  close(): Promise<void>;
}

/** The synchronous twin of {@link KeyValue} over a `SyncStore` (memory backend): same semantics, plain values. */
export interface SyncKeyValue extends Disposable {
  /** Always true: every operation is one synchronous step. */
  readonly atomicIncrement: boolean;
  /** As {@link KeyValue.get}. */
  get<T = unknown>(key: string): T | undefined;
  /** As {@link KeyValue.set}. */
  set(key: string, value: unknown, options?: TtlOptions): void;
  /** As {@link KeyValue.delete}. */
  delete(key: string): boolean;
  /** As {@link KeyValue.has}. */
  has(key: string): boolean;
  /** As {@link KeyValue.increment}. */
  increment(key: string, by?: number, options?: TtlOptions): number;
  /** As {@link KeyValue.keys}. */
  keys(): string[];
  /** As {@link KeyValue.clear}. */
  clear(): void;
  /** As {@link KeyValue.purgeExpired}. */
  purgeExpired(): number;
  /** Stops the sweep; later calls throw `BackendUnavailable`. */
  close(): void;
}
