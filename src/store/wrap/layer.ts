import type { Store } from "../store.js";
import type { SignatureOf, StoreOperation } from "./operations.js";

/**
 * One call on a wrapped store, as its layer sees it (spec WRAP-003). `operation` narrows the
 * union, so that after `if (call.operation === "readText")` the `args` and the result of
 * `next()` have that method's types.
 */
export interface CallOf<K extends StoreOperation> {
  /** The Store method (or upload handle method) called. */
  readonly operation: K;
  /** The arguments as the caller gave them. */
  readonly args: Parameters<SignatureOf<K>>;
  /**
   * The path the call is about, relative to the wrapped store it was made on and normalised
   * (`"./a//b"` → `"a/b"`; the store root is `""`); as given when it cannot be normalised;
   * `undefined` for calls without a path (`supports`, `glob`, `listMultipartUploads`, `close`).
   * For `move`, `copy`, `moveFolder`, `copyFolder` it is the source; for an upload's calls, the
   * upload's path; for `child`, the sub-path.
   */
  readonly path: string | undefined;
  /** The destination of `move`, `copy`, `moveFolder` and `copyFolder`, normalised likewise. */
  readonly to: string | undefined;
  /** The wrapped store the call was made on (for an upload's calls, the store that started it). */
  readonly store: Store;
  /**
   * Runs the call on the inner store, with `args` instead of the caller's when given, and
   * returns its result: a Promise, a `Listing` (listings), a `Store` (`child`, already wrapped),
   * a `Watcher` (`watch`) or a boolean (`supports`). The handle `startMultipartUpload` resolves to is already wrapped.
   */
  next(args?: Parameters<SignatureOf<K>>): ReturnType<SignatureOf<K>>;
}

/** A call of any operation: a union discriminated by `operation`. */
export type StoreCall = { [K in StoreOperation]: CallOf<K> }[StoreOperation];

/**
 * What a wrapper adds to a store (spec WRAP-003): every call on the wrapped store goes to
 * `intercept`, which returns the call's result — usually by calling `call.next()` and perhaps
 * looking at or replacing what it returns. A layer without `intercept` passes every call through.
 *
 * ```ts
 * const logged = wrapStore(store, {
 *   intercept(call) {
 *     console.log(call.operation, call.path);
 *     return call.next();
 *   },
 * });
 * ```
 */
export interface StoreLayer {
  /** Shown by the wrapped store's `toString()`: `name(inner)`. Default `"wrapped"`. */
  readonly name?: string;
  /**
   * Handles one call and returns its result, of the type the Store method returns: a Promise
   * for most operations (a synchronous throw becomes a rejection), a `Listing` for listings,
   * a `Store` for `child`, a boolean for `supports`, a `Watcher` for `watch`.
   */
  intercept?(call: StoreCall): unknown;
  /**
   * The layer for `child(sub)` (`sub` normalised, relative to this store); default: this same
   * layer, which then sees the child's calls with paths relative to the child.
   */
  child?(sub: string): StoreLayer;
}
