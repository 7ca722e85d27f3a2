import { BackendUnavailable } from "../../errors/classes.js";
import { joinPath } from "../../paths/path-parts.js";
import type { Store } from "../../store/store.js";
import { runAsync, type AsyncPerformer, type Step } from "./effects.js";
import { toJson } from "./json-value.js";
import { withKeyLock } from "./key-lock.js";
import { checkKey } from "./kv-key.js";
import { incrementBy, ttlOf, type KvSettings, type TtlOptions } from "./kv-options.js";
import { clearKeys, deleteKey, incrementValue, liveKeys, lookup, removeIfExpired, setValue, storedKeys, type OpContext } from "./operations.js";
import { asyncPerformer } from "./performers.js";
import { Sweeper } from "./sweeper.js";
import type { KeyValue } from "./types.js";

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/**
 * The key-value view over any Store (spec ext-kv.md). Operations that change a key run under the
 * in-process lock of (backend, path), so they are serialised within this process only (KV-034).
 */
export class StoreKeyValueView implements KeyValue {
  readonly atomicIncrement = false;
  private readonly store: Store;
  private readonly perform: AsyncPerformer;
  private readonly ctx: OpContext;
  private readonly sweeper: Sweeper | undefined;
  private closed = false;

  constructor(store: Store, settings: KvSettings) {
    this.store = store;
    this.perform = asyncPerformer(store);
    this.ctx = { now: settings.now, defaultTtl: settings.defaultTtl };
    this.sweeper = settings.sweepInterval === undefined ? undefined : new Sweeper(settings.sweepInterval, () => this.purgeExpired(), settings.onSweepError);
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const k = this.key(key);
    const found = await runAsync(lookup(this.ctx, k), this.perform);
    if (found.found) return found.value as T;
    if (found.expired) await this.locked(k, removeIfExpired(this.ctx, k));
    return undefined;
  }

  async has(key: string): Promise<boolean> {
    const k = this.key(key);
    const found = await runAsync(lookup(this.ctx, k), this.perform);
    if (!found.found && found.expired) await this.locked(k, removeIfExpired(this.ctx, k));
    return found.found;
  }

  async set(key: string, value: unknown, options?: TtlOptions): Promise<void> {
    const k = this.key(key);
    const json = toJson(value);
    const ttl = ttlOf(options);
    await this.locked(k, setValue(this.ctx, k, json, ttl));
  }

  async delete(key: string): Promise<boolean> {
    const k = this.key(key);
    return this.locked(k, deleteKey(this.ctx, k));
  }

  async increment(key: string, by?: number, options?: TtlOptions): Promise<number> {
    const k = this.key(key);
    const amount = incrementBy(by);
    const ttl = ttlOf(options);
    return this.locked(k, incrementValue(this.ctx, k, amount, ttl));
  }

  async keys(): Promise<string[]> {
    this.assertOpen();
    return runAsync(liveKeys(this.ctx), this.perform);
  }

  async clear(): Promise<void> {
    this.assertOpen();
    await runAsync(clearKeys(), this.perform);
  }

  async purgeExpired(): Promise<number> {
    this.assertOpen();
    let removed = 0;
    for (const key of await runAsync(storedKeys(), this.perform)) {
      if (await this.locked(key, removeIfExpired(this.ctx, key))) removed++;
    }
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sweeper?.stop();
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }

  private locked<T>(key: string, step: Step<T>): Promise<T> {
    return withKeyLock(this.store.backend, joinPath(this.store.rootPath, key), () => runAsync(step, this.perform));
  }

  private key(key: unknown): string {
    this.assertOpen();
    return checkKey(key);
  }

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable("This key-value view is closed");
  }
}
