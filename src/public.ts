/**
 * The public surface of the core (spec PKG-003), by name: every export is listed here, from the
 * module that defines it. The core entries (`index.ts`, `index.node.ts`) re-export it; this module
 * registers nothing.
 */

// Errors (spec/errors.md)
export { RemoteStoreError, isRemoteStoreError, type ErrorCode, type RemoteStoreErrorOptions } from "./errors/remote-store-error.js";
export {
  NotFound,
  AlreadyExists,
  InvalidPath,
  DirectoryNotEmpty,
  PermissionDenied,
  CapabilityNotSupported,
  BackendUnavailable,
  QuotaExceeded,
  ConfigError,
  InvalidArgument,
  type CapabilityNotSupportedOptions,
  type ConfigErrorOptions,
} from "./errors/classes.js";
export { quotePath } from "./errors/quote-path.js";

// Paths, capabilities, models and the Backend contract (spec/paths.md, capabilities.md, backend.md)
export { normalizePath } from "./paths/normalize.js";
export { compareCodePoints } from "./paths/compare.js";
export { CAPABILITIES, capabilitySet, isCapability, type Capability, type CapabilitySet } from "./contract/capabilities.js";
export type { FileInfo, FolderEntry, FolderInfo, WriteResult, Metadata, Entry } from "./contract/models.js";
export type { Backend, BackendContent, BackendWriteOptions, BackendListOptions, BackendUrlOptions, ByteRange, EntryKind } from "./contract/backend.js";
export type { SyncBackend } from "./contract/sync-backend.js";
export type { ChangeEvent, ChangeType, OverflowEvent, WatchEvent, BackendWatch, BackendWatchOptions } from "./contract/watch.js";
export type { FolderOperations, MultipartOperations, PartInfo, MultipartUploadInfo, BackendMultipartOptions } from "./contract/backend-extensions.js";
export { snapshotIterable, freshSnapshotIterable } from "./shared/listing/snapshot-iterable.js";

// The Store (spec/store.md, sync-store.md, folders.md, multipart.md)
export { Store } from "./store/store.js";
export { SyncStore, type SyncWriteContent, type SyncCapableBackend } from "./store/sync-store.js";
export { Listing } from "./store/listing.js";
export type { WriteContent } from "./store/content.js";
export { DEFAULT_CONTENT_TYPE } from "./store/content-type.js";
export { MAX_METADATA_BYTES } from "./store/metadata.js";
export type {
  StoreOptions,
  ReadOptions,
  ReadTextOptions,
  WriteOptions,
  DeleteOptions,
  DeleteFolderOptions,
  ListOptions,
  TransferOptions,
  UrlOptions,
  CreateFolderOptions,
  MultipartOptions,
} from "./store/store-options.js";
export { MultipartUpload, MAX_PART_NUMBER, type PartReference } from "./store/multipart-upload.js";
export type { Watcher, WatchOptions } from "./store/watch/watch-types.js";

// Stores that wrap stores (spec/ext-wrap.md)
export { wrapStore } from "./store/wrap/wrap-store.js";
export { WrappedStore } from "./store/wrap/wrapped-store.js";
export { WrappedUpload } from "./store/wrap/wrapped-upload.js";
export type { StoreLayer, StoreCall, CallOf } from "./store/wrap/layer.js";
export { STORE_OPERATIONS, type StoreOperation, type UploadOperation, type SignatureOf } from "./store/wrap/operations.js";

// The memory backend (spec/memory-backend.md)
export { MemoryBackend } from "./backends/memory/memory-backend.js";
export type { MemoryBackendOptions } from "./backends/memory/memory-options.js";

// Snapshots (spec/snapshots.md)
export { exportTree, type ExportTreeOptions } from "./snapshot/export-tree.js";
export { importTree, type ImportTreeOptions } from "./snapshot/import-tree.js";
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotFile, type SnapshotFolder } from "./snapshot/snapshot-format.js";

// The registry (spec/registry.md)
export { Registry } from "./registry/registry.js";
export { openStore } from "./registry/open-store.js";
export { registerBackendType, registeredBackendTypes } from "./registry/backend-types.js";
export { registerStoreWrapper, type StoreWrapperType, type WrapperIssue } from "./registry/store-wrappers.js";
export type { BackendFactory, BackendFactoryContext, BackendTypeDescription, BackendTypeOptions, BackendUrlSupport, BackendUrlParts } from "./shared/backend-types/backend-type.js";
export { setConfigFileReader, type ConfigFileReader } from "./registry/file-reader.js";
export type { RegistryConfig, BackendConfig, BackendEntry, StoreConfig, RegistryOptions, FromTextOptions, FromFileOptions } from "./registry/config-types.js";
export type { ConfigFormat } from "./registry/parse-text.js";
export type { TablePath } from "./registry/table.js";
export type { EnvRecord } from "./registry/env.js";
export type { RegistryDescription, BackendDescription, StoreDescription } from "./registry/describe.js";
