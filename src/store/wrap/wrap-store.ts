import type { Store } from "../store.js";
import type { StoreLayer } from "./layer.js";
import { WrappedStore } from "./wrapped-store.js";

/**
 * A Store whose every call passes through `layer` before it reaches `inner` (spec WRAP-001). The
 * result is a `Store` in every respect; closing it closes `inner`. A layer that intercepts nothing
 * behaves exactly like `inner`.
 *
 * ```ts
 * const readOnly = wrapStore(store, {
 *   name: "readOnly",
 *   intercept(call) {
 *     if (call.operation === "write") throw new PermissionDenied("read-only store", { path: call.path });
 *     return call.next();
 *   },
 * });
 * ```
 */
export function wrapStore(inner: Store, layer: StoreLayer): Store {
  return new WrappedStore(inner, layer);
}
