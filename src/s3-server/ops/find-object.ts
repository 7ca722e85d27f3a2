import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { FileInfo, Metadata } from "../../contract/models.js";
import type { Store } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { treeKey, type TreeKey } from "../keys.js";
import { EMPTY_MD5, type ObjectAttributes } from "../object-index.js";
import type { RequestHeaders } from "../request-headers.js";
import { queryParam, parseQuery } from "../route.js";

/** The content type reported for a folder key that was never given one. */
export const FOLDER_TYPE = "application/x-directory";

/** An object as GET, HEAD, copies and listings see it. */
export interface FoundObject {
  readonly bucket: string;
  readonly store: Store;
  readonly target: TreeKey;
  readonly size: number;
  readonly lastModified: Date;
  readonly contentType: string | undefined;
  readonly metadata: Metadata | undefined;
  readonly attributes: ObjectAttributes;
}

/** `NoSuchKey` for a key. */
export function noSuchKey(key: string, cause?: unknown): S3Error {
  return new S3Error("NoSuchKey", undefined, { details: { Key: key }, cause });
}

/** The file info of a key's file; `NoSuchKey` when there is none (or a folder is there). */
export async function fileInfoOf(store: Store, target: TreeKey): Promise<FileInfo> {
  try {
    return await store.getFileInfo(target.path);
  } catch (error) {
    if (isRemoteStoreError(error, "NOT_FOUND") || isRemoteStoreError(error, "INVALID_PATH")) throw noSuchKey(target.key, error);
    throw error;
  }
}

/** True when a folder has no entries. */
export async function isEmptyFolder(store: Store, path: string): Promise<boolean> {
  for await (const _entry of store.iterChildren(path)) return false;
  return true;
}

/**
 * The object at a key (spec S3S-072, S3S-091): a file with its side-index attributes, or a
 * folder key of an empty or marked folder as a zero-byte object. `NoSuchKey` otherwise.
 */
export async function findObject(context: ServerContext, bucket: string, store: Store, target: TreeKey): Promise<FoundObject> {
  if (target.kind === "folder") {
    const marker = context.index.marker(bucket, target.path);
    const listed = (await store.isFolder(target.path)) && (marker !== undefined || (await isEmptyFolder(store, target.path)));
    if (!listed) throw noSuchKey(target.key);
    return {
      bucket,
      store,
      target,
      size: 0,
      lastModified: marker?.createdAt ?? context.startedAt,
      contentType: marker?.contentType ?? FOLDER_TYPE,
      metadata: marker?.metadata,
      attributes: { etag: EMPTY_MD5, headers: {} },
    };
  }
  const info = await fileInfoOf(store, target);
  const attributes = await context.index.attributes(bucket, store, info);
  return { bucket, store, target, size: info.size, lastModified: info.modifiedAt, contentType: info.contentType, metadata: info.metadata, attributes };
}

/** The bucket and key of `x-amz-copy-source` (`[/]bucket/key[?versionId=null]`, URL-encoded) (spec S3S-077). */
export function parseCopySource(headers: RequestHeaders): { readonly bucket: string; readonly key: string } {
  const raw = headers.get("x-amz-copy-source");
  const bad = (): S3Error => new S3Error("InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey.", { details: { ArgumentName: "x-amz-copy-source", ArgumentValue: raw ?? "" } });
  if (raw === undefined) throw bad();
  const mark = raw.indexOf("?");
  const path = (mark === -1 ? raw : raw.slice(0, mark)).replace(/^\//, "");
  const versionId = mark === -1 ? undefined : queryParam(parseQuery(raw.slice(mark + 1)), "versionId");
  if (versionId !== undefined && versionId !== "null") throw new S3Error("NotImplemented", "Object versions are not implemented: only versionId=null can be copied.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw bad();
  }
  const slash = decoded.indexOf("/");
  if (slash <= 0 || slash === decoded.length - 1) throw bad();
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1) };
}

/** The source object of a copy: its bucket must exist and its key name a file (spec S3S-077). */
export async function copySourceObject(context: ServerContext, headers: RequestHeaders): Promise<FoundObject> {
  const { bucket, key } = parseCopySource(headers);
  const store = await context.buckets.open(bucket);
  if (store === undefined) throw new S3Error("NoSuchBucket", undefined, { details: { BucketName: bucket } });
  const target = treeKey(key);
  if (target.kind === "folder") throw new S3Error("InvalidArgument", `The copy source ${JSON.stringify(key)} is a folder key; only objects can be copied.`, { details: { ArgumentName: "x-amz-copy-source" } });
  return findObject(context, bucket, store, target);
}
