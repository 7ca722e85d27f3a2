/**
 * `remote-store/ext/batch`: many operations on one store with bounded concurrency and per-item
 * results (spec ext-batch.md).
 */
export { batchCopy, batchDelete, batchExists } from "./batch.js";
export type { BatchCopyOptions, BatchDeleteOptions, BatchExistsResult, BatchOptions, BatchResult, CopyPair } from "./types.js";
