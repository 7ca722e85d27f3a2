import type { EntryKind } from "./backend.js";

/** What happened to an entry (spec WATCH-010). */
export type ChangeType = "created" | "updated" | "deleted" | "moved";

/**
 * One change a watcher reports (spec WATCH-010): a frozen plain object. Paths are relative to
 * the watching Store (to the backend root when a backend reports it).
 */
export interface ChangeEvent {
  readonly type: ChangeType;
  readonly kind: EntryKind;
  /** The entry's (new) path. */
  readonly path: string;
  /** Only on `moved`: the old path. */
  readonly from?: string;
  /** On `created` and `updated` files, where the backend knows it: the size in bytes. */
  readonly size?: number;
  /** On `created` and `updated` files, where the backend knows it: the modification time (a fresh copy). */
  readonly modifiedAt?: Date;
}

/** Events were lost here because the watcher's buffer was full (spec WATCH-020): re-read what you watch. */
export interface OverflowEvent {
  readonly type: "overflow";
  /** How many events were dropped at this place. */
  readonly dropped: number;
}

/** What a watcher yields: a change, or an overflow marker. */
export type WatchEvent = ChangeEvent | OverflowEvent;

/** Options of {@link BackendWatching.watch} (spec WATCH-030, BE-023). */
export interface BackendWatchOptions {
  /** Report the whole subtree; `false`: at least the folder's own entries. */
  readonly recursive: boolean;
  /** Receives each change with backend paths, in order. May be called synchronously during a mutation: do no more than record it. */
  readonly onEvent: (event: ChangeEvent) => void;
  /** Called once when the watch ends by itself: without an argument when the backend closed, with the error on a failure. */
  readonly onEnd: (error?: unknown) => void;
}

/** A backend's running watch. */
export interface BackendWatch {
  /** Stops reporting; idempotent. After it resolves, `onEvent` and `onEnd` are never called. */
  close(): Promise<void>;
}
