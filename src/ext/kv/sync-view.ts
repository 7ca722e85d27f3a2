import { BackendUnavailable } from "../../errors/classes.js";
import type { SyncStore } from "../../store/sync-store.js";
import { runSync, type SyncPerformer } from "./effects.js";
import { toJson } from "./json-value.js";
import { checkKey } from "./kv-key.js";
import { incrementBy, ttlOf, type KvSettings, type TtlOptions } from "./kv-options.js";
import { clearKeys, deleteKey, incrementValue, liveKeys, lookup, removeIfExpired, setValue, storedKeys, type OpContext } from "./operations.js";
import { syncPerformer } from "./performers.js";
import { Sweeper } from "./sweeper.js";
import type { SyncKeyValue } from "./types.js";

const dispose: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for("Symbol.dispose");

/**
 * The synchronous key-value view over a `SyncStore` (spec ext-kv.md). Every operation runs in one
 * synchronous step on the memory backend, so it is atomic against everything else in the process.
 * The async view over a memory store delegates to this class.
 */
export class SyncKeyValueView implements SyncKeyValue {
  readonly atomicIncrement = true;
  private readonly perform: SyncPerformer;
  private readonly ctx: OpContext;
  private readonly sweeper: Sweeper | undefined;
  private closed = false;

  constructor(store: SyncStore, settings: KvSettings, options: { readonly sweep: boolean }) {
    this.perform = syncPerformer(store);
    this.ctx = { now: settings.now, defaultTtl: settings.defaultTtl };
    this.sweeper =
      options.sweep && settings.sweepInterval !== undefined ? new Sweeper(settings.sweepInterval, () => this.purgeExpired(), settings.onSweepError) : undefined;
  }

  get<T = unknown>(key: string): T | undefined {
    const k = this.key(key);
    const found = runSync(lookup(this.ctx, k), this.perform);
    if (found.found) return found.value as T;
    if (found.expired) runSync(removeIfExpired(this.ctx, k), this.perform);
    return undefined;
  }

  has(key: string): boolean {
    const k = this.key(key);
    const found = runSync(lookup(this.ctx, k), this.perform);
    if (!found.found && found.expired) runSync(removeIfExpired(this.ctx, k), this.perform);
    return found.found;
  }

  set(key: string, value: unknown, options?: TtlOptions): void {
    const k = this.key(key);
    const json = toJson(value);
    runSync(setValue(this.ctx, k, json, ttlOf(options)), this.perform);
  }

  delete(key: string): boolean {
    return runSync(deleteKey(this.ctx, this.key(key)), this.perform);
  }

  increment(key: string, by?: number, options?: TtlOptions): number {
    const k = this.key(key);
    const amount = incrementBy(by);
    return runSync(incrementValue(this.ctx, k, amount, ttlOf(options)), this.perform);
  }

  keys(): string[] {
    this.assertOpen();
    return runSync(liveKeys(this.ctx), this.perform);
  }

  clear(): void {
    this.assertOpen();
    runSync(clearKeys(), this.perform);
  }

  purgeExpired(): number {
    this.assertOpen();
    let removed = 0;
    for (const key of runSync(storedKeys(), this.perform)) {
      if (runSync(removeIfExpired(this.ctx, key), this.perform)) removed++;
    }
    return removed;
  }

  close(): void {
    this.closed = true;
    void this.sweeper?.stop();
  }

  [dispose](): void {
    this.close();
  }

  private key(key: unknown): string {
    this.assertOpen();
    return checkKey(key);
  }

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable("This key-value view is closed");
  }
}
