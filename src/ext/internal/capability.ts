import type { Capability } from "../../contract/capabilities.js";
import { CapabilityNotSupported } from "../../errors/classes.js";
import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";
import type { Store } from "../../store/store.js";

/**
 * Throws `CapabilityNotSupported` unless `store` supports `capability`. Extensions call it before
 * any I/O, so an operation that cannot finish never starts.
 */
export function requireCapability(store: Store, capability: Capability, operation: string): void {
  if (store.supports(capability)) return;
  const backend = store.backend.name;
  throw new CapabilityNotSupported(`${operation} needs ${capability}, which backend ${backend} does not support`, { capability, backend });
}

/**
 * True for an error a batch or a sync collects per item: every library error except a missing
 * capability (which would fail every item alike, so it is thrown).
 */
export function isCollectable(error: unknown): error is RemoteStoreError {
  return isRemoteStoreError(error) && error.code !== "CAPABILITY_NOT_SUPPORTED";
}
