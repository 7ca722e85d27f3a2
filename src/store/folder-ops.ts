import type { Backend } from "../contract/backend.js";
import type { BackendOps } from "./backend-ops/backend-ops.js";
import type { FolderOperations } from "../contract/backend-extensions.js";
import { AlreadyExists, InvalidPath, NotFound } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import { isWithin, parentPath } from "../paths/path-parts.js";

/** Which folder operation is running. */
export type FolderOperation = "moveFolder" | "copyFolder";

/** True when the backend implements `operation` natively. */
export function hasNativeFolderOperation(backend: Backend, operation: FolderOperation): backend is Backend & FolderOperations {
  return backend.capabilities.has(operation) && typeof (backend as Partial<FolderOperations>)[operation] === "function";
}

/**
 * Checks the relation of two backend folder paths (spec FOLD-020): the destination must not be
 * the source's descendant, nor its ancestor. Returns true when they are the same path.
 */
export function checkFolderPair(src: string, dst: string, relative: { src: string; dst: string }): boolean {
  if (src === dst) return true;
  if (isWithin(dst, src)) {
    throw new InvalidPath(`Cannot put a folder inside itself: ${quotePath(relative.dst)}`, { path: relative.dst });
  }
  if (isWithin(src, dst)) {
    throw new InvalidPath(`Cannot replace a folder's own ancestor: ${quotePath(relative.dst)}`, { path: relative.dst });
  }
  return false;
}

/** The answer for `src === dst`: a no-op on a folder, else the error a real move would give. */
export async function checkSameFolder(backend: Backend, ops: BackendOps, src: string): Promise<void> {
  const kind = await ops.kindOf(src);
  if (kind === "folder") return;
  if (kind === "file") throw new InvalidPath(`Not a folder: ${quotePath(src)}`, { path: src, backend: backend.name });
  throw new NotFound(`Folder not found: ${quotePath(src)}`, { path: src, backend: backend.name });
}

/**
 * File-by-file fallback for backends without a native folder operation (spec FOLD-030): checks
 * like the native form, then recreates every folder (when `createFolder` is available), moves or
 * copies every file, and finally removes the source for a move. Not atomic.
 */
export async function folderOperationFallback(
  backend: Backend,
  ops: BackendOps,
  operation: FolderOperation,
  paths: { src: string; dst: string },
  options: { overwrite: boolean },
): Promise<void> {
  const { src, dst } = paths;
  const kind = await ops.kindOf(src);
  if (kind !== "folder") {
    if (kind === "file") throw new InvalidPath(`Not a folder: ${quotePath(src)}`, { path: src, backend: backend.name });
    throw new NotFound(`Folder not found: ${quotePath(src)}`, { path: src, backend: backend.name });
  }
  if (await ops.isFile(dst)) throw new InvalidPath(`A file exists at: ${quotePath(dst)}`, { path: dst, backend: backend.name });
  for (let parent = parentPath(dst); parent !== ""; parent = parentPath(parent)) {
    if (await ops.isFile(parent)) throw new InvalidPath("A file is in the way ({blocking}): {path}", { path: dst, paths: { blocking: parent }, backend: backend.name });
  }
  if (await ops.isFolder(dst)) {
    if (!options.overwrite) throw new AlreadyExists(`Folder already exists: ${quotePath(dst)}`, { path: dst, backend: backend.name });
    await ops.deleteFolder(dst, { recursive: true, missingOk: true });
  }
  const target = (path: string): string => dst + path.slice(src.length);
  const folders = backend as Partial<FolderOperations>;
  if (backend.capabilities.has("createFolder") && folders.createFolder !== undefined) {
    await folders.createFolder.call(backend, dst, { existOk: true });
    for await (const folder of ops.listFolders(src, { maxDepth: Number.POSITIVE_INFINITY })) {
      await folders.createFolder.call(backend, target(folder.path), { existOk: true });
    }
  }
  for await (const file of ops.listFiles(src, { maxDepth: Number.POSITIVE_INFINITY })) {
    if (operation === "moveFolder") await ops.move(file.path, target(file.path), { overwrite: false });
    else await ops.copy(file.path, target(file.path), { overwrite: false });
  }
  if (operation === "moveFolder") await ops.deleteFolder(src, { recursive: true, missingOk: true });
}
