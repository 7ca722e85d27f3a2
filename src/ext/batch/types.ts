import type { RemoteStoreError } from "../../errors/remote-store-error.js";

/** The outcome of a batch (spec BATCH-004). */
export interface BatchResult {
  /** Keys of the items that worked, in input order. */
  readonly succeeded: readonly string[];
  /** The library error of every item that failed, by key. */
  readonly failed: ReadonlyMap<string, RemoteStoreError>;
  /** Number of distinct items. */
  readonly total: number;
  /** True when no item failed. */
  readonly allSucceeded: boolean;
}

/** The outcome of `batchExists` (spec BATCH-008). */
export interface BatchExistsResult extends BatchResult {
  /** Whether each path (that could be checked) exists. */
  readonly exists: ReadonlyMap<string, boolean>;
}

/** Options every batch takes. */
export interface BatchOptions {
  /** Most operations in flight at once (default 4). */
  readonly concurrency?: number;
}

/** Options of `batchDelete`. */
export interface BatchDeleteOptions extends BatchOptions {
  /** A missing file counts as deleted. */
  readonly missingOk?: boolean;
}

/** Options of `batchCopy`. */
export interface BatchCopyOptions extends BatchOptions {
  /** Replace existing destination files. */
  readonly overwrite?: boolean;
}

/** One copy of `batchCopy`: `[source, destination]`. */
export type CopyPair = readonly [src: string, dst: string];
