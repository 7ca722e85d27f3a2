import type { StoreCall, StoreLayer } from "../../store/wrap/layer.js";
import { joinPath } from "../../paths/path-parts.js";
import { CachedListing } from "./cached-listing.js";
import type { CacheState } from "./cache-state.js";
import { copierOf } from "./copies.js";
import { cacheSlot, mutationScope, type CacheSlot } from "./keys.js";

/**
 * The layer of one cached store (spec CACHE-*): reads are answered from `state` or stored into
 * it, mutations drop what they may change, before and after they run. `prefix` is where this
 * store lies below the top cached store, whose children share `state`.
 */
export class CacheLayer implements StoreLayer {
  readonly name = "cache";
  /** This store was closed: every call goes to the inner store, which refuses it (CACHE-008). */
  private closed = false;

  constructor(
    readonly state: CacheState,
    readonly prefix: string,
  ) {}

  child(sub: string): CacheLayer {
    return new CacheLayer(this.state, joinPath(this.prefix, sub));
  }

  readonly intercept = (call: StoreCall): unknown => {
    if (this.closed) return call.next();
    if (call.operation === "close") {
      this.closed = true;
      this.state.clear();
      return call.next();
    }
    const slot = cacheSlot(call, this.prefix);
    if (slot !== undefined) return this.read(call, slot);
    const scope = mutationScope(call, this.prefix);
    if (scope === undefined) return call.next();
    return this.mutate(call, scope.paths, scope.subtree);
  };

  private read(call: StoreCall, slot: CacheSlot): unknown {
    const copy = copierOf(call.operation);
    if (call.operation === "listFiles" || call.operation === "listFolders" || call.operation === "iterChildren" || call.operation === "glob") {
      return new CachedListing(call.next(), this.state, slot, copy);
    }
    const cached = this.state.lookup(slot.key);
    if (cached !== undefined) return Promise.resolve(copy(cached));
    const epoch = this.state.epoch;
    return (call.next() as Promise<unknown>).then((value) => {
      if (this.fits(value)) this.state.store(slot.key, slot.path, copy(value), epoch);
      return value;
    });
  }

  /** Content above `maxContentSize` is not kept (bytes of `readBytes`, characters of `readText`). */
  private fits(value: unknown): boolean {
    const max = this.state.options.maxContentSize;
    if (value instanceof Uint8Array) return value.byteLength <= max;
    if (typeof value === "string") return value.length <= max;
    return true;
  }

  private mutate(call: StoreCall, paths: readonly string[], subtree: boolean): unknown {
    const drop = (): void => {
      for (const path of paths) this.state.invalidate(path, { subtree });
    };
    drop();
    const result = call.next() as Promise<unknown>;
    return result.then(
      (value) => {
        drop();
        return value;
      },
      (error: unknown) => {
        drop();
        throw error;
      },
    );
  }
}
