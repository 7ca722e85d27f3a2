/**
 * `remote-store/ext/cache`: a read-through cache in front of any store, with TTL, an LRU bound
 * and invalidation by every change made through it (spec ext-cache.md).
 */
export { cache, CachedStore } from "./cached-store.js";
export type { CacheOptions } from "./options.js";
export type { CacheStats } from "./cache-state.js";
