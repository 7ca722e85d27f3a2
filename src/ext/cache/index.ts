/**
 * `remote-store/ext/cache`: a read-through cache in front of any store, with TTL, an LRU bound
 * and invalidation by every change made through it (spec ext-cache.md).
 */
import { registerCacheWrapper } from "./config.js";

// Configs may name the wrapper once this entry is loaded (spec REG-110); called here, not as a side-effect-only import.
registerCacheWrapper();

export { cache, CachedStore } from "./cached-store.js";
export type { CacheOptions } from "./options.js";
export type { CacheStats } from "./cache-state.js";
