import type { RemoteStoreError } from "../../errors/remote-store-error.js";

/** Progress of one file copy (spec XFER-007). */
export interface CopyProgress {
  /** Bytes copied so far. */
  readonly bytesDone: number;
  /** The source size, when the source reports it. */
  readonly bytesTotal: number | undefined;
}

/** Options of `copyBetween`. */
export interface CopyBetweenOptions {
  /** Replace an existing destination file (default false: `AlreadyExists`). */
  readonly overwrite?: boolean;
  /** Store the source's modification time at the destination (needs `setModifiedAt` there). */
  readonly keepModifiedAt?: boolean;
  /** Called after every chunk. */
  readonly onProgress?: (progress: CopyProgress) => void;
}

/** How `syncStores` decides that a destination file is up to date. */
export type SyncCompare = "size-mtime" | "checksum";

/** Progress of a sync (spec XFER-032). */
export interface SyncProgress {
  /** File operations finished (copies and deletes, successful or not). */
  readonly filesDone: number;
  /** File operations planned: creates + updates + deletes. */
  readonly filesTotal: number;
  /** Bytes copied (a finished file counts in full). */
  readonly bytesDone: number;
  /** Source bytes of the creates and updates. */
  readonly bytesTotal: number;
}

/** Options of `syncStores`. */
export interface SyncOptions {
  /** `"size-mtime"` (default) or `"checksum"` (SHA-256 of both sides). */
  readonly compare?: SyncCompare;
  /** Plan only: change nothing and return the plan. */
  readonly dryRun?: boolean;
  /** Delete destination files (and then-empty folders) that the source lacks. */
  readonly deleteExtra?: boolean;
  /** Only paths matching one of these minimatch patterns (or below a matching folder) take part. */
  readonly include?: string | readonly string[];
  /** Paths matching one of these patterns (or below a matching folder) never take part. */
  readonly exclude?: string | readonly string[];
  /** Most operations in flight at once (default 4). */
  readonly concurrency?: number;
  /** Tolerance in milliseconds for modification-time comparisons (default 0). */
  readonly modifyWindow?: number;
  /** Called after planning, after every chunk copied and after every file operation. */
  readonly onProgress?: (progress: SyncProgress) => void;
  /**
   * Watch mode (spec XFER-040): keep `dst` in sync — a pass now and one after every burst of
   * changes in `src` (which needs `watch`) — until this signal aborts; resolves with the totals.
   */
  readonly watch?: AbortSignal;
}

/** What a sync does, path by path (store-relative paths, code point order). */
export interface SyncPlan {
  /** Source files missing at the destination. */
  readonly creates: readonly string[];
  /** Files present on both sides whose destination copy is out of date. */
  readonly updates: readonly string[];
  /** Destination files the source lacks (only with `deleteExtra`). */
  readonly deletes: readonly string[];
  /** Files already up to date. */
  readonly skips: readonly string[];
  /** Folders created explicitly (empty or otherwise not brought along by a copy). */
  readonly createFolders: readonly string[];
  /** Destination folders deleted because the source lacks them (deepest first; only with `deleteExtra`). */
  readonly deleteFolders: readonly string[];
}

/** The outcome of `syncStores` (spec XFER-033): the plan and the work actually done. */
export interface SyncResult {
  /** True when nothing was changed because `dryRun` was set. */
  readonly dryRun: boolean;
  /** What was planned. */
  readonly plan: SyncPlan;
  /** Files created. */
  readonly created: number;
  /** Files updated. */
  readonly updated: number;
  /** Files deleted. */
  readonly deleted: number;
  /** Files already up to date. */
  readonly skipped: number;
  /** Folders created. */
  readonly foldersCreated: number;
  /** Folders deleted. */
  readonly foldersDeleted: number;
  /** Bytes written by successful copies. */
  readonly bytesCopied: number;
  /** Library errors by store-relative path; those paths were left as they were. */
  readonly errors: ReadonlyMap<string, RemoteStoreError>;
}
