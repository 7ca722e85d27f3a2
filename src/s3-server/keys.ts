import { isNormalPath } from "../paths/is-normal-path.js";
import type { Store } from "../store/store.js";
import { S3Error } from "./errors.js";

/** Longest key in UTF-8 bytes, as on S3 (spec S3S-078). */
export const MAX_KEY_BYTES = 1024;

/** A key mapped onto the bucket's tree (spec S3S-090, S3S-091). */
export interface TreeKey {
  /** The key as sent. */
  readonly key: string;
  /** The path below the bucket's folder. */
  readonly path: string;
  /** `file` for ordinary keys, `folder` for keys ending in `/`. */
  readonly kind: "file" | "folder";
}

/**
 * Maps a key onto the tree: `a/b` is the file `a/b`, `a/b/` the folder `a/b`. A key the Store's
 * path rules refuse (empty, `.` or `..` segments, `\`, NUL) is `InvalidArgument`; one over 1,024
 * UTF-8 bytes `KeyTooLongError` — both before any store is asked.
 */
export function treeKey(key: string): TreeKey {
  if (Buffer.byteLength(key, "utf8") > MAX_KEY_BYTES) throw new S3Error("KeyTooLongError", undefined, { details: { MaxSizeAllowed: String(MAX_KEY_BYTES), Size: String(Buffer.byteLength(key, "utf8")) } });
  const folder = key.endsWith("/");
  const path = folder ? key.slice(0, -1) : key;
  if (path === "" || !isNormalPath(path)) {
    throw new S3Error("InvalidArgument", `The key ${JSON.stringify(key)} cannot be a path of a tree: it has an empty, "." or ".." segment, a backslash or a NUL.`, { details: { ArgumentName: "key", ArgumentValue: key } });
  }
  return { key, path, kind: folder ? "folder" : "file" };
}

/** The key under which a folder is listed: `path/`. */
export function folderKeyOf(path: string): string {
  return `${path}/`;
}

/**
 * The `KeyConflict` error for writing `target` (spec S3S-093), naming the key in the way: for a
 * file, the first key below `path/` when `path` is a folder; otherwise (and for a folder key)
 * the object at `path` or in place of one of its parent folders.
 */
export async function keyConflict(store: Store, target: TreeKey, cause?: unknown): Promise<S3Error> {
  const { path } = target;
  const isFolder = target.kind === "file" && (await store.isFolder(path).catch(() => false));
  const conflicting = isFolder ? await firstKeyBelow(store, path) : await fileAtOrAbove(store, path);
  const message = isFolder
    ? `The key ${JSON.stringify(target.key)} cannot be an object: ${JSON.stringify(conflicting)} exists, so ${JSON.stringify(path)} is a folder.`
    : `The key ${JSON.stringify(target.key)} cannot be stored: ${JSON.stringify(conflicting)} is an object, so it cannot also be a folder.`;
  return new S3Error("KeyConflict", message, { details: { Key: target.key, ConflictingKey: conflicting }, cause });
}

async function firstKeyBelow(store: Store, path: string): Promise<string> {
  for await (const entry of store.iterChildren(path)) {
    return entry.kind === "file" ? entry.path : await firstKeyBelow(store, entry.path);
  }
  return folderKeyOf(path);
}

async function fileAtOrAbove(store: Store, path: string): Promise<string> {
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) {
    const ancestor = segments.slice(0, i).join("/");
    if (await store.isFile(ancestor).catch(() => false)) return ancestor;
  }
  return path;
}
