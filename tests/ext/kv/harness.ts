import { expect } from "vitest";
import { createKeyValue, createSyncKeyValue, type KeyValue, type KeyValueOptions, type SyncKeyValue } from "../../../src/ext/kv/index.js";
import { exportTree, MemoryBackend, Store, SyncStore } from "../../../src/index.js";
import { localStore, wrapBackend } from "../support/backends.js";

/** A settable clock in epoch milliseconds. */
export class FakeClock {
  now = Date.parse("2024-06-01T00:00:00.000Z");
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/** The async API every variant is driven through; a sync view is adapted (and checked to be truly synchronous). */
export type AnyKv = Omit<KeyValue, typeof Symbol.asyncDispose>;

/** What a test case gets. */
export interface Harness {
  /** A view with `clock` installed. */
  readonly kv: AnyKv;
  readonly clock: FakeClock;
  /** The async store the view's files live in (for inspection and injection). */
  readonly raw: Store;
  /** Another view over the same files, with other options (the clock is added). */
  make(options?: KeyValueOptions): AnyKv;
  /** A snapshot of the files, to prove that nothing changed. */
  snapshot(): Promise<unknown>;
  readonly variant: Variant;
}

/** The implementations the one table runs against. */
export type Variant = "async-memory" | "async-generic" | "async-local" | "sync-memory";

export const VARIANTS: readonly Variant[] = ["async-memory", "async-generic", "async-local", "sync-memory"];

/** One shared test case. */
export interface KvCase {
  /** Starts with the clause ids, e.g. `"KV-022 set replaces the expiry"`. */
  readonly title: string;
  /** Variants to skip (with the reason in the title when it matters). */
  readonly skip?: readonly Variant[];
  /** A longer test timeout in ms (local disk is slow and noisy on shared machines). */
  readonly timeout?: number;
  readonly run: (h: Harness) => Promise<void>;
}

/** Builds the harness of one variant. */
export async function harness(variant: Variant, options: KeyValueOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const withClock = (o: KeyValueOptions = {}): KeyValueOptions => ({ clock: clock.read, ...o });
  let raw: Store;
  let make: (o?: KeyValueOptions) => AnyKv;
  if (variant === "sync-memory") {
    const backend = new MemoryBackend();
    raw = new Store({ backend, rootPath: "kv" });
    const sync = new SyncStore({ backend, rootPath: "kv" });
    make = (o) => adaptSync(createSyncKeyValue(sync, withClock(o)));
  } else {
    const base =
      variant === "async-memory"
        ? new Store({ backend: new MemoryBackend() })
        : variant === "async-generic"
          ? new Store({ backend: wrapBackend(new MemoryBackend()) })
          : await localStore();
    raw = base.child("kv");
    make = (o) => checkedAsync(createKeyValue(raw, withClock(o)));
  }
  return { kv: make(options), clock, raw, make, snapshot: () => exportTree(raw), variant };
}

const METHODS = ["get", "set", "delete", "has", "increment", "keys", "clear", "purgeExpired", "close"] as const;

/** Wraps a sync view: each call must return a plain value (never a Promise) or throw synchronously. */
export function adaptSync(kv: SyncKeyValue): AnyKv {
  const adapted: Record<string, unknown> = { atomicIncrement: kv.atomicIncrement };
  for (const method of METHODS) {
    adapted[method] = (...args: unknown[]): Promise<unknown> => {
      let result: unknown;
      try {
        result = (kv[method] as (...a: unknown[]) => unknown).apply(kv, args);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      expect(result).not.toBeInstanceOf(Promise);
      return Promise.resolve(result);
    };
  }
  return adapted as unknown as AnyKv;
}

/** Wraps an async view: each call must return a Promise, never throw synchronously (KV-045). */
export function checkedAsync(kv: KeyValue): AnyKv {
  const adapted: Record<string, unknown> = { atomicIncrement: kv.atomicIncrement };
  for (const method of METHODS) {
    adapted[method] = (...args: unknown[]): Promise<unknown> => {
      let result: unknown;
      try {
        result = (kv[method] as (...a: unknown[]) => unknown).apply(kv, args);
      } catch (error) {
        expect.fail(`${method} threw synchronously: ${String(error)}`);
      }
      expect(result).toBeInstanceOf(Promise);
      return result as Promise<unknown>;
    };
  }
  return adapted as unknown as AnyKv;
}

/** The raw JSON record stored for a key. */
export async function record(h: Harness, key: string): Promise<unknown> {
  return JSON.parse(await h.raw.readText(key)) as unknown;
}
