import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { FileInfo } from "../../contract/models.js";
import type { Store } from "../../store/store.js";
import { etagListMatches } from "../conditions.js";
import type { BucketRequest, ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { keyConflict, type TreeKey } from "../keys.js";
import { storeWriteOptions, type ObjectSettings } from "../object-headers.js";
import { findObject } from "./find-object.js";

/**
 * The write conditions of PutObject, CopyObject and CompleteMultipartUpload (spec S3S-075),
 * checked under the key's lock: `If-None-Match: *` makes the write exclusive (`overwrite`
 * false); `If-Match` must name the current object's ETag (412), and there must be one (404).
 */
export async function writeConditions(context: ServerContext, request: BucketRequest, target: TreeKey): Promise<{ readonly overwrite: boolean }> {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== "*") throw new S3Error("NotImplemented", "Only If-None-Match: * is supported on writes.", { details: { Header: "If-None-Match" } });
  const ifMatch = request.headers.get("if-match");
  if (ifMatch !== undefined) {
    const current = await findObject(context, request.bucket, request.store, target);
    if (!etagListMatches(ifMatch, current.attributes.etag)) throw new S3Error("PreconditionFailed", undefined, { details: { Condition: "If-Match" } });
  }
  return { overwrite: ifNoneMatch === undefined };
}

/** What the side index records a written file by. */
export type WrittenFile = Pick<FileInfo, "path" | "size" | "modifiedAt">;

/**
 * Writes a file through the store's streaming write (spec S3S-050) and returns what the side
 * index needs about it. `AlreadyExists` (an exclusive write lost) is `PreconditionFailed`; a file
 * or folder in the way is `KeyConflict` naming both keys (spec S3S-093).
 */
export async function writeFile(store: Store, target: TreeKey, content: AsyncIterable<Uint8Array>, settings: ObjectSettings, overwrite: boolean): Promise<WrittenFile> {
  try {
    const result = await store.write(target.path, content, storeWriteOptions(settings, overwrite));
    if (result.modifiedAt !== undefined) return { path: target.path, size: result.size, modifiedAt: result.modifiedAt };
    return await store.getFileInfo(target.path);
  } catch (error) {
    throw await writeError(store, target, error);
  }
}

/** The S3 error of a failed write to `target`. */
export async function writeError(store: Store, target: TreeKey, error: unknown): Promise<unknown> {
  if (isRemoteStoreError(error, "ALREADY_EXISTS")) return new S3Error("PreconditionFailed", undefined, { details: { Condition: "If-None-Match" }, cause: error });
  if (isRemoteStoreError(error, "INVALID_PATH")) return keyConflict(store, target, error);
  return error;
}

/**
 * Makes `target` (a folder key) a marked folder (spec S3S-091): creates it and its parents and
 * records the marker. A file in the way is `KeyConflict`.
 */
export async function createMarkedFolder(context: ServerContext, request: BucketRequest, target: TreeKey, settings: ObjectSettings): Promise<void> {
  try {
    await request.store.createFolder(target.path, { existOk: true });
  } catch (error) {
    throw await writeError(request.store, target, error);
  }
  context.index.mark(request.bucket, target.path, { createdAt: context.clock(), contentType: settings.contentType, metadata: settings.metadata });
}
