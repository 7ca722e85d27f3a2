/**
 * remote-store — one Store API over interchangeable storage backends.
 * This entry is universal: no `node:` imports, no Node globals.
 */
export * from "./errors/index.js";
export { normalizePath, compareCodePoints } from "./paths/index.js";
export { CAPABILITIES, capabilitySet, isCapability, type Capability, type CapabilitySet } from "./capabilities.js";
export type { FileInfo, FolderEntry, FolderInfo, WriteResult, Metadata, Entry } from "./models.js";
export type { Backend, BackendContent, BackendWriteOptions, BackendListOptions, BackendUrlOptions, ByteRange } from "./backend.js";
export type { FolderOperations, MultipartOperations, PartInfo, MultipartUploadInfo, BackendMultipartOptions } from "./backend-extensions.js";
export * from "./store/index.js";
export * from "./backends/memory/index.js";
export * from "./snapshot/index.js";
export * from "./registry/index.js";
