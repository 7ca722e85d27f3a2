import type { WatchEvent } from "../../contract/watch.js";

/** Options of `Store.watch` (spec WATCH-001, WATCH-004, WATCH-020, WATCH-021). */
export interface WatchOptions {
  /** Watch the whole subtree; default `false`: the folder's own entries only (as `listFiles`). */
  readonly recursive?: boolean;
  /** Aborting it closes the watcher. */
  readonly signal?: AbortSignal;
  /** Receives each event, in order, asynchronously. A watcher with `onChange` cannot be iterated. */
  readonly onChange?: (event: WatchEvent) => void;
  /** Receives the error that ended the watcher (a backend failure, or an exception thrown by `onChange`). */
  readonly onError?: (error: unknown) => void;
  /** Events waiting to be consumed before the watcher drops and counts them (spec WATCH-020). Default 10,000. */
  readonly bufferSize?: number;
}

/**
 * A running watch of a folder (spec WATCH-003): iterate it (`for await`), or give `onChange`.
 * `await using watcher = store.watch(...)` closes it at the end of the scope.
 */
export interface Watcher extends AsyncIterable<WatchEvent>, AsyncDisposable {
  /** The watched folder, store-relative and normalised. */
  readonly path: string;
  /** Whether the whole subtree is watched. */
  readonly recursive: boolean;
  /** Resolves once changes are being reported: every change that completes afterwards is reported. Rejects when watching could not start. */
  readonly ready: Promise<void>;
  /** True once the watcher has ended. */
  readonly closed: boolean;
  /** Ends the watcher (iteration completes; waiting events are dropped); idempotent. */
  close(): Promise<void>;
}
