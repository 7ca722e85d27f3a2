import { Listing } from "../../store/listing.js";
import type { CacheState } from "./cache-state.js";
import type { CacheSlot } from "./keys.js";
import type { Copier } from "./copies.js";

/**
 * A listing served from the cache when it holds the entries, else from `inner`, whose complete
 * passes of at most `maxListingSize` entries are then stored (spec CACHE-001). The cache is asked
 * when a pass starts, not when the listing is made.
 */
export class CachedListing<T> extends Listing<T> {
  constructor(
    private readonly inner: Listing<T>,
    private readonly state: CacheState,
    private readonly slot: CacheSlot,
    private readonly copy: Copier,
  ) {
    super(() => inner);
  }

  override [Symbol.asyncIterator](): AsyncIterator<T> {
    const cached = this.state.lookup(this.slot.key) as readonly T[] | undefined;
    if (cached !== undefined) return arrayIterator(this.copies(cached));
    const epoch = this.state.epoch;
    const max = this.state.options.maxListingSize;
    const iterator = this.inner[Symbol.asyncIterator]();
    let kept: T[] | undefined = [];
    return {
      next: async () => {
        const result = await iterator.next();
        if (result.done === true) {
          if (kept !== undefined) this.state.store(this.slot.key, this.slot.path, kept, epoch);
        } else if (kept !== undefined) {
          if (kept.length < max) kept.push(this.copy(result.value) as T);
          else kept = undefined;
        }
        return result;
      },
      return: () => {
        kept = undefined;
        return iterator.return?.() ?? Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  override toArray(): Promise<T[]> {
    const cached = this.state.lookup(this.slot.key) as readonly T[] | undefined;
    if (cached !== undefined) return Promise.resolve(this.copies(cached));
    const epoch = this.state.epoch;
    return this.inner.toArray().then((items) => {
      if (items.length <= this.state.options.maxListingSize) this.state.store(this.slot.key, this.slot.path, items.map(this.copy), epoch);
      return items;
    });
  }

  private copies(items: readonly T[]): T[] {
    return items.map(this.copy) as T[];
  }
}

function arrayIterator<T>(items: readonly T[]): AsyncIterator<T> {
  let index = 0;
  return {
    next: () => Promise.resolve(index < items.length ? { done: false, value: items[index++] as T } : { done: true, value: undefined }),
    return: () => {
      index = items.length;
      return Promise.resolve({ done: true, value: undefined });
    },
  };
}
