/**
 * remote-store — one Store API over interchangeable storage backends.
 * This entry is universal: no `node:` imports, no Node globals.
 */
import { memoryBackendType } from "./backends/memory/memory-type.js";
import { registerBackendTypeHint, registerProvidedType } from "./registry/backend-types.js";
import { registerStoreWrapperHint } from "./registry/store-wrappers.js";

// Each entry registers the backend types it offers (spec REG-023); this one offers `memory`, and
// says where the types of the other entries are.
registerProvidedType(memoryBackendType);
registerBackendTypeHint({ type: "local", scheme: "file", advice: 'needs Node: import remote-store under Node (its "node" export condition) to register it' });
registerBackendTypeHint({ type: "s3", scheme: "s3", advice: 'is in the remote-store/s3 entry: import "remote-store/s3" once, before building the registry, to register it' });
// The store wrappers configs may name, and the entries that offer them (spec REG-110).
for (const key of ["cache", "observe", "faults"]) {
  registerStoreWrapperHint({ key, advice: `is in the remote-store/ext/${key} entry: import "remote-store/ext/${key}" once, before building the registry` });
}

export * from "./errors/index.js";
export { normalizePath, compareCodePoints } from "./paths/index.js";
export { CAPABILITIES, capabilitySet, isCapability, type Capability, type CapabilitySet } from "./contract/capabilities.js";
export type { FileInfo, FolderEntry, FolderInfo, WriteResult, Metadata, Entry } from "./contract/models.js";
export type { Backend, BackendContent, BackendWriteOptions, BackendListOptions, BackendUrlOptions, ByteRange, EntryKind } from "./contract/backend.js";
export type { SyncBackend } from "./contract/sync-backend.js";
export type { FolderOperations, MultipartOperations, PartInfo, MultipartUploadInfo, BackendMultipartOptions } from "./contract/backend-extensions.js";
export * from "./store/index.js";
export * from "./backends/memory/index.js";
export * from "./snapshot/index.js";
export * from "./registry/index.js";
