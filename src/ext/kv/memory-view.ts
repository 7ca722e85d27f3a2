import { BackendUnavailable } from "../../errors/classes.js";
import type { Store } from "../../store/store.js";
import type { KvSettings, TtlOptions } from "./kv-options.js";
import { Sweeper } from "./sweeper.js";
import type { SyncKeyValueView } from "./sync-view.js";
import type { KeyValue } from "./types.js";

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/**
 * The async key-value view of a store on a `MemoryBackend` (spec KV-033): every operation runs in
 * one synchronous step through the synchronous view, so it is atomic against every other caller in
 * the process, and the async API costs one Promise per call.
 */
export class MemoryKeyValueView implements KeyValue {
  readonly atomicIncrement = true;
  private readonly store: Store;
  private readonly inner: SyncKeyValueView;
  private readonly sweeper: Sweeper | undefined;
  private closed = false;

  constructor(store: Store, inner: SyncKeyValueView, settings: KvSettings) {
    this.store = store;
    this.inner = inner;
    this.sweeper = settings.sweepInterval === undefined ? undefined : new Sweeper(settings.sweepInterval, () => this.purgeExpired(), settings.onSweepError);
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    this.assertOpen();
    return this.inner.get<T>(key);
  }

  async has(key: string): Promise<boolean> {
    this.assertOpen();
    return this.inner.has(key);
  }

  async set(key: string, value: unknown, options?: TtlOptions): Promise<void> {
    this.assertOpen();
    this.inner.set(key, value, options);
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    return this.inner.delete(key);
  }

  async increment(key: string, by?: number, options?: TtlOptions): Promise<number> {
    this.assertOpen();
    return this.inner.increment(key, by, options);
  }

  async keys(): Promise<string[]> {
    this.assertOpen();
    return this.inner.keys();
  }

  async clear(): Promise<void> {
    this.assertOpen();
    this.inner.clear();
  }

  async purgeExpired(): Promise<number> {
    this.assertOpen();
    return this.inner.purgeExpired();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sweeper?.stop();
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /** This view, and the store it reads (a closed child store keeps its backend open). */
  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable("This key-value view is closed");
    this.store.iterChildren("");
  }
}
