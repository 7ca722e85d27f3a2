import { MemoryBackend } from "../../backends/memory/memory-backend.js";

import type { Store } from "../../store/store.js";
import { SyncStore } from "../../store/sync-store.js";
import { checkStore } from "../internal/arguments.js";
import { requireCapability } from "../internal/capability.js";
import { kvSettings, type KeyValueOptions } from "./kv-options.js";
import { MemoryKeyValueView } from "./memory-view.js";
import { StoreKeyValueView } from "./store-view.js";
import { SyncKeyValueView } from "./sync-view.js";
import type { KeyValue, SyncKeyValue } from "./types.js";
import { describeType } from "../../shared/checks/objects.js";

/**
 * A key-value view with TTL over `store`: one JSON file per key (spec ext-kv.md). Give it a folder
 * of its own (`store.child("kv")`). On a `MemoryBackend` every operation is atomic in the process
 * (`atomicIncrement: true`); elsewhere changes to one key are serialised within this process only.
 * Needs `read`, `write`, `delete` and `list` (else `CapabilityNotSupported`).
 */
export function createKeyValue(store: Store, options?: KeyValueOptions): KeyValue {
  checkStore(store);
  const settings = kvSettings(options);
  for (const capability of ["read", "write", "delete", "list"] as const) requireCapability(store, capability, "createKeyValue");
  if (store.backend instanceof MemoryBackend) {
    return new MemoryKeyValueView(store, new SyncKeyValueView(SyncStore.of(store), settings, { sweep: false }), settings);
  }
  return new StoreKeyValueView(store, settings);
}

/** The synchronous key-value view over a `SyncStore`, with the same semantics as {@link createKeyValue}. */
export function createSyncKeyValue(store: SyncStore, options?: KeyValueOptions): SyncKeyValue {
  if (!(store instanceof SyncStore)) throw new TypeError(`store must be a SyncStore, got ${describeType(store)}`);
  return new SyncKeyValueView(store, kvSettings(options), { sweep: true });
}
