import type { Store } from "../../store/store.js";
import type { StoreOperation } from "../../store/wrap/operations.js";

/** What is known of an operation when it starts: what `around` receives (spec OBS-002). */
export interface StoreEventStart {
  /** A number unique in the process, the same in the start and the end of one operation. */
  readonly id: number;
  /** The Store (or upload handle) method called, as a layer sees it (WRAP-002). */
  readonly operation: StoreOperation;
  /** The path the call is about, relative to the store it was made on (WRAP-003); absent for calls without one. */
  readonly path?: string | undefined;
  /** The destination of `move`, `copy`, `moveFolder`, `copyFolder`. */
  readonly to?: string | undefined;
  /** The observed store the call was made on. */
  readonly store: Store;
  /** When the operation started, in epoch milliseconds. */
  readonly startedAt: number;
}

/** One finished operation (spec OBS-002). */
export interface StoreEvent extends StoreEventStart {
  /** From the call to its end: the settled Promise, the end of a read stream, the last entry of a listing pass. */
  readonly durationMs: number;
  /** Bytes read (`read` streams to their end, `readBytes`) or written (writes, `uploadPart`, `completeMultipartUpload`). */
  readonly bytes?: number | undefined;
  /** Entries a listing pass returned. */
  readonly items?: number | undefined;
  /** What the operation failed with: the `RemoteStoreError` (or the `TypeError`/`RangeError` of a bad argument). */
  readonly error?: Error | undefined;
}

/** A hook of one operation. */
export type EventHook = (event: StoreEvent) => void;

/** What `observe` reports to (spec OBS-003). Every member is optional. */
export interface ObserveHooks {
  /** Every finished operation. */
  readonly onEvent?: EventHook;
  /** Finished operations of one kind, by operation name (`{ readBytes(event) {…}, write(event) {…} }`); called before `onEvent`. */
  readonly on?: { readonly [K in StoreOperation]?: EventHook };
  /**
   * Wraps each operation: call `run()` (once) to run it; what `around` returns is ignored. Use it
   * to run the operation inside a context (a tracing span, a log context).
   */
  readonly around?: (event: StoreEventStart, run: () => unknown) => unknown;
  /** A hook threw: called with the error and the event; default: ignore. It never changes the operation's outcome. */
  readonly onHookError?: (error: unknown, event: StoreEventStart) => void;
  /** Epoch milliseconds for `startedAt` and `durationMs` (tests inject a clock); default `performance.timeOrigin + performance.now()`. */
  readonly now?: () => number;
}
