/**
 * `remote-store/ext/kv`: a key-value view with TTL and counters over any Store, and its
 * synchronous twin over a SyncStore (spec ext-kv.md).
 */
export { createKeyValue, createSyncKeyValue } from "./create.js";
export type { KeyValue, SyncKeyValue } from "./types.js";
export type { KeyValueOptions, TtlOptions } from "./kv-options.js";
