import type { MultipartUpload } from "../multipart-upload.js";
import type { Store } from "../store.js";

/** The operations of a multipart upload handle that pass through a layer (spec WRAP-006). */
export const UPLOAD_OPERATIONS = ["uploadPart", "listParts", "completeMultipartUpload", "abortMultipartUpload"] as const;

/**
 * Every operation a layer sees (spec WRAP-002): each public `Store` method by name, and the
 * four methods of a multipart upload handle.
 */
export const STORE_OPERATIONS = [
  "supports", "exists", "isFile", "isFolder",
  "read", "readBytes", "readText",
  "write", "writeText", "writeAtomic",
  "delete", "deleteFolder",
  "listFiles", "listFolders", "iterChildren", "glob",
  "getFileInfo", "getFolderInfo",
  "move", "copy",
  "createFolder", "moveFolder", "copyFolder",
  "startMultipartUpload", "listMultipartUploads", ...UPLOAD_OPERATIONS,
  "child", "url", "watch", "close",
] as const;

/** The name of an operation a layer sees. */
export type StoreOperation = (typeof STORE_OPERATIONS)[number];

/** An operation of an upload handle. */
export type UploadOperation = (typeof UPLOAD_OPERATIONS)[number];

/** The operations that are `Store` methods. */
export type StoreMethodOperation = Exclude<StoreOperation, UploadOperation>;

/** The listing operations: they return a `Listing` synchronously. */
export const LISTING_OPERATIONS: ReadonlySet<StoreOperation> = new Set(["listFiles", "listFolders", "iterChildren", "glob"]);

/** The operations that answer synchronously: listings, `child`, `supports` and `watch`; every other one returns a Promise. */
export const SYNC_OPERATIONS: ReadonlySet<StoreOperation> = new Set([...LISTING_OPERATIONS, "child", "supports", "watch"]);

/** The signature of each operation. */
export interface OperationSignatures {
  readonly uploadPart: MultipartUpload["uploadPart"];
  readonly listParts: MultipartUpload["listParts"];
  readonly completeMultipartUpload: MultipartUpload["complete"];
  readonly abortMultipartUpload: MultipartUpload["abort"];
}

/** The function type of `operation`. */
export type SignatureOf<K extends StoreOperation> = K extends UploadOperation ? OperationSignatures[K] : K extends keyof Store ? Store[K] : never;

// Compile-time check (spec WRAP-002): every public method of Store is an operation, so a method
// added to Store fails the build here until the wrapper passes it through.
type PublicMethods = { [K in keyof Store & string]: Store[K] extends (...args: never[]) => unknown ? K : never }[keyof Store & string];
type Unwrapped = Exclude<PublicMethods, StoreMethodOperation | "toString">;
const everyMethodWrapped: [Unwrapped] extends [never] ? true : Unwrapped = true;
void everyMethodWrapped;
