export { Store } from "./store.js";
export { SyncStore, type SyncWriteContent } from "./sync-store.js";
export { Listing } from "./listing.js";
export { snapshotIterable } from "../shared/listing/snapshot-iterable.js";
export type { WriteContent } from "./content.js";
export { DEFAULT_CONTENT_TYPE } from "./content-type.js";
export { MAX_METADATA_BYTES } from "./metadata.js";
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
} from "./store-options.js";
export { MultipartUpload, MAX_PART_NUMBER, type PartReference } from "./multipart-upload.js";
export * from "./wrap/index.js";
