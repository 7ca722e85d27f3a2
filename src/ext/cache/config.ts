import { registerProvidedWrapper, type StoreWrapperType } from "../../registry/store-wrappers.js";
import { wrapperIssues } from "../internal/wrapper-issues.js";
import { CacheLayer } from "./cache-layer.js";
import { CacheState } from "./cache-state.js";
import { CachedStore } from "./cached-store.js";
import { checkCacheOptions, resolveCacheOptions } from "./options.js";

/**
 * `cache: { ttl: 60 }` in a store entry of a config (spec REG-110): every store the registry
 * hands out for the entry is cached, all of them sharing one cache. Options as `cache()`'s, without `clock`.
 */
export const cacheWrapperType: StoreWrapperType = {
  key: "cache",
  order: 20,
  check: (value) => wrapperIssues((problems) => checkCacheOptions(value ?? {}, problems, ["cache"], false)),
  prepare(value) {
    const state = new CacheState(resolveCacheOptions((value ?? {})));
    return (store) => new CachedStore(store, new CacheLayer(state, ""));
  },
};

/** Lets configs name `cache` (called by the entry `remote-store/ext/cache`). */
export function registerCacheWrapper(): void {
  registerProvidedWrapper(cacheWrapperType);
}
