import { checkStore } from "../internal/arguments.js";
import { normalizePath } from "../../paths/normalize.js";
import { joinPath } from "../../paths/path-parts.js";
import type { Store } from "../../store/store.js";
import type { StoreLayer } from "../../store/wrap/layer.js";
import { WrappedStore } from "../../store/wrap/wrapped-store.js";
import { CacheLayer } from "./cache-layer.js";
import { CacheState, type CacheStats } from "./cache-state.js";
import { resolveCacheOptions, type CacheOptions } from "./options.js";
import { invalidateOnChanges } from "./watch-invalidation.js";

/**
 * A store with a read-through cache in front (spec CACHE-*): what `cache(store, options)`
 * returns. Its children are cached stores too, sharing its entries.
 */
export class CachedStore extends WrappedStore {
  private readonly cacheLayer: CacheLayer;
  /**
   * Resolves once results are kept (spec CACHE-013): at once, or with `invalidateOn: "watch"`
   * when the watch of the inner store is ready; rejects when that watch could not start (then
   * nothing is kept). Shared with the children.
   */
  readonly ready: Promise<void>;

  /** @internal Made by {@link cache} and by `child`. */
  constructor(inner: Store, layer: CacheLayer, ready: Promise<void> = Promise.resolve()) {
    super(inner, layer);
    this.cacheLayer = layer;
    this.ready = ready;
  }

  /** Hits, misses and entries held, of the cache this store shares with its parent and children. */
  get stats(): CacheStats {
    return this.cacheLayer.state.stats;
  }

  /**
   * Drops what is cached about `path` (relative to this store), its ancestors and everything
   * below it — after a change made behind the cache's back (spec CACHE-007).
   */
  invalidate(path = ""): void {
    this.cacheLayer.state.invalidate(joinPath(this.cacheLayer.prefix, normalizePath(path)), { subtree: true });
  }

  /** Drops every entry of the cache (shared with the parent and children). */
  clear(): void {
    this.cacheLayer.state.clear();
  }

  protected override wrapChild(innerChild: Store, layer: StoreLayer): Store {
    return new CachedStore(innerChild, layer as CacheLayer, this.ready);
  }
}

/**
 * A read-through cache in front of `store` (spec ext-cache.md): probes, file and folder info,
 * small reads and listings are answered from memory for `ttl` seconds; every change made through
 * the cached store drops what it may have changed.
 *
 * ```ts
 * const fast = cache(s3Store, { ttl: 30, maxEntries: 10_000 });
 * await fast.readText("config.json"); // from S3
 * await fast.readText("config.json"); // from memory
 * const live = cache(localStore, { invalidateOn: "watch" }); // changes by others drop entries as they happen
 * ```
 *
 * @throws `TypeError`/`RangeError` naming a bad option, before anything is wrapped;
 *   `CapabilityNotSupported` for `invalidateOn: "watch"` on a store that cannot watch
 */
export function cache(store: Store, options?: CacheOptions): CachedStore {
  checkStore(store);
  const state = new CacheState(resolveCacheOptions(options));
  const ready = state.options.watch ? invalidateOnChanges(store, state) : Promise.resolve();
  return new CachedStore(store, new CacheLayer(state, ""), ready);
}
