import { mkdir } from "node:fs/promises";
import * as nodePath from "node:path";
import { AlreadyExists, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { context, escapes } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import type { LocalRoot, Resolved } from "./local-root.js";
import { prepareParent } from "./parents.js";

/**
 * Creates a folder and its missing parents, as `mkdir -p` (spec LOC-110): a file at the path
 * or in place of a parent, or a link leaving the root → `InvalidPath`; an existing folder →
 * `AlreadyExists` unless `existOk`. The last level is created exclusively, so of concurrent
 * creators exactly one succeeds. A failure removes the parents this call created.
 */
export async function createFolder(root: LocalRoot, segments: readonly string[], existOk: boolean): Promise<void> {
  const path = segments.join("/");
  const target = await root.resolve(segments, path);
  if (existingFolder(target, path)) {
    if (existOk) return;
    throw folderExists(path);
  }
  const parent = await prepareParent(root, segments, target);
  try {
    await mkdir(nodePath.join(parent.folder, segments[segments.length - 1] ?? ""));
  } catch (error) {
    if (hasErrno(error, "EEXIST")) {
      const now = await root.resolve(segments, path).catch(() => undefined);
      let isFolder: boolean;
      try {
        isFolder = now !== undefined && existingFolder(now, path);
      } catch (problem) {
        await parent.rollback();
        throw problem;
      }
      if (isFolder) {
        await parent.done();
        if (existOk) return;
        throw folderExists(path, error);
      }
      await parent.rollback();
      throw new InvalidPath(`A file exists at: ${quotePath(path)}`, { ...context(path), cause: error });
    }
    await parent.rollback();
    throw mapFsError(error, path);
  }
  await parent.done();
}

/**
 * True when `target` is a folder inside the root; false when it is missing with a folder above.
 * @throws `InvalidPath` for a file (or other entry) there, a file above it, or a path leaving the root.
 */
export function existingFolder(target: Resolved, path: string): boolean {
  if (target.escapes) throw escapes(path);
  if (target.kind === "folder") return true;
  if (target.kind !== "missing") throw new InvalidPath(`A file exists at: ${quotePath(path)}`, context(path));
  if (target.belowFile) throw new InvalidPath(`A file is in the way of: ${quotePath(path)}`, context(path));
  return false;
}

/** `AlreadyExists` for a folder. */
export function folderExists(path: string, cause?: unknown): AlreadyExists {
  return new AlreadyExists(`Folder already exists: ${quotePath(path)}`, { ...context(path), cause });
}
