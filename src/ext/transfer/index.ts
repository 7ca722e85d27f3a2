/**
 * `remote-store/ext/transfer`: copying between stores and one-way sync (spec ext-transfer.md).
 */
export { copyBetween } from "./copy-between.js";
export { syncStores } from "./sync-stores.js";
export type { CopyBetweenOptions, CopyProgress, SyncCompare, SyncOptions, SyncPlan, SyncProgress, SyncResult } from "./types.js";
