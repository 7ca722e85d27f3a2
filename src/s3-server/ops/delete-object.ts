import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { Store } from "../../store/store.js";
import { lockName, type BucketRequest, type ObjectRequest, type ServerContext } from "../context.js";
import { S3Error, toS3Error } from "../errors.js";
import { treeKey, type TreeKey } from "../keys.js";
import { xmlReply, type Reply } from "../responses.js";
import { listOf, parseXml, textOf } from "../xml.js";
import { isEmptyFolder } from "./find-object.js";

/** Most keys one DeleteObjects request may name, as on S3 (spec S3S-076). */
const MAX_DELETE_KEYS = 1000;

/** DeleteObject (spec S3S-076, S3S-091, S3S-092): 204 whether or not there was an object. */
export async function deleteObject(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const versionId = request.query.get("versionId")?.[0];
  if (versionId !== undefined && versionId !== "null") throw new S3Error("NotImplemented", "Object versions are not implemented: only versionId=null exists.");
  await deleteKey(context, request.bucket, request.store, request.target);
  return { status: 204 };
}

/**
 * Deletes what a key names, under its lock: a file, or an empty folder (and its marker) for a
 * folder key; then the implicit parent folders this left empty (spec S3S-092).
 */
export async function deleteKey(context: ServerContext, bucket: string, store: Store, target: TreeKey): Promise<void> {
  await context.locks.run(lockName(bucket, target.path), async () => {
    if (target.kind === "file") {
      try {
        await store.delete(target.path, { missingOk: true });
      } catch (error) {
        // A folder at the path is no object of this key: nothing to delete, as on S3.
        if (!isRemoteStoreError(error, "INVALID_PATH")) throw error;
        return;
      }
      context.index.forget(bucket, target.path);
    } else {
      context.index.unmark(bucket, target.path);
      if (!(await store.isFolder(target.path)) || !(await isEmptyFolder(store, target.path))) return;
      await store.deleteFolder(target.path, { missingOk: true }).catch(ignoreRace);
    }
  });
  await pruneParents(context, bucket, store, target.path);
}

/** Removes the empty, unmarked folders above `path`, bottom up, stopping at the first one that stays. */
async function pruneParents(context: ServerContext, bucket: string, store: Store, path: string): Promise<void> {
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
    const folder = path.slice(0, slash);
    if (context.index.marker(bucket, folder) !== undefined) return;
    const removed = await store.deleteFolder(folder).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
}

function ignoreRace(error: unknown): void {
  if (!isRemoteStoreError(error, "DIRECTORY_NOT_EMPTY")) throw error;
}

/** DeleteObjects (spec S3S-076): every key deleted in turn, reported per key. */
export async function deleteObjects(context: ServerContext, request: BucketRequest, body: string): Promise<Reply> {
  const document = parseXml(body, "Delete", ["Object"]);
  const objects = listOf(document, "Object");
  if (objects.length === 0 || objects.length > MAX_DELETE_KEYS) throw new S3Error("MalformedXML", `A Delete request lists 1 to ${MAX_DELETE_KEYS} objects.`);
  const quiet = textOf(document, "Quiet")?.trim().toLowerCase() === "true";
  const keys = objects.map((object) => {
    const key = textOf(object, "Key");
    if (key === undefined) throw new S3Error("MalformedXML", "Every <Object> needs a <Key>.");
    return key;
  });
  const outcomes = await mapLimit(keys, 8, async (key) => {
    try {
      await deleteKey(context, request.bucket, request.store, treeKey(key));
      return { key, error: undefined };
    } catch (error) {
      return { key, error: toS3Error(error, { key }) };
    }
  });
  return xmlReply("DeleteResult", {
    Deleted: quiet ? [] : outcomes.filter((o) => o.error === undefined).map((o) => ({ Key: o.key })),
    Error: outcomes.flatMap((o) => (o.error === undefined ? [] : [{ Key: o.key, Code: o.error.code, Message: o.error.message }])),
  });
}
