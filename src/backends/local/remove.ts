import { lstat, readdir, rm, rmdir, unlink } from "node:fs/promises";
import * as nodePath from "node:path";
import { DirectoryNotEmpty, InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { checkFileSubject, context, escapes, fileNotFound } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import type { LocalRoot } from "./local-root.js";
import { isReservedName } from "./reserved.js";
import { removeSidecar } from "./sidecar.js";

/**
 * Deletes a file and its sidecar (spec LOC-060). The entry itself is removed: a symbolic link
 * goes, its target stays.
 */
export async function deleteFile(root: LocalRoot, segments: readonly string[], missingOk: boolean): Promise<void> {
  const path = segments.join("/");
  const subject = await root.resolve(segments, path);
  checkFileSubject(subject, path);
  const folder = subject.kind === "missing" ? undefined : await root.parentOf(subject, segments, path);
  if (folder === undefined) {
    if (missingOk) return;
    throw fileNotFound(path);
  }
  const name = segments[segments.length - 1] ?? "";
  try {
    await unlink(nodePath.join(folder, name));
  } catch (error) {
    if (!hasErrno(error, "ENOENT")) throw mapFsError(error, path);
    if (missingOk) return;
    throw fileNotFound(path, error);
  }
  await removeSidecar(folder, name, path);
}

/** Options of {@link deleteFolder}. */
export interface DeleteFolderOptions {
  readonly recursive: boolean;
  readonly missingOk: boolean;
}

/**
 * Deletes a folder (spec LOC-061). Recursive: everything below goes (`rm -r`, which never
 * follows links). Otherwise the folder must have no entries besides the backend's own reserved
 * ones (sidecars, stale temp files), which go with it; any other entry → `DirectoryNotEmpty`.
 */
export async function deleteFolder(root: LocalRoot, segments: readonly string[], options: DeleteFolderOptions): Promise<void> {
  const path = segments.join("/");
  const subject = await root.resolve(segments, path);
  if (subject.escapes) throw escapes(path);
  if (subject.kind === "file" || subject.kind === "other") {
    throw new InvalidPath(`Is a file, not a folder: ${quotePath(path)}`, context(path));
  }
  const folder = subject.kind === "missing" ? undefined : await root.parentOf(subject, segments, path);
  const entry = folder === undefined ? undefined : nodePath.join(folder, segments[segments.length - 1] ?? "");
  try {
    if (entry === undefined || subject.real === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
    if ((await lstat(entry)).isSymbolicLink()) {
      if (!options.recursive) await requireNoUserEntries(subject.real, path);
      await unlink(entry);
    } else if (options.recursive) {
      await rm(entry, { recursive: true });
    } else {
      const reserved = await requireNoUserEntries(entry, path);
      for (const name of reserved) await rm(nodePath.join(entry, name), { recursive: true, force: true });
      await rmdir(entry);
    }
  } catch (error) {
    if (hasErrno(error, "ENOENT")) {
      if (options.missingOk) return;
      throw new NotFound(`Folder not found: ${quotePath(path)}`, { ...context(path), cause: error });
    }
    if (hasErrno(error, "ENOTEMPTY", "EEXIST")) throw notEmpty(path, error);
    throw mapFsError(error, path);
  }
}

/** Throws `DirectoryNotEmpty` when `folder` has an entry that is not reserved; returns the reserved ones. */
async function requireNoUserEntries(folder: string, path: string): Promise<string[]> {
  const names = await readdir(folder);
  if (names.some((name) => !isReservedName(name))) throw notEmpty(path, undefined);
  return names;
}

function notEmpty(path: string, cause: unknown): DirectoryNotEmpty {
  return new DirectoryNotEmpty(`Folder not empty: ${quotePath(path)}`, { ...context(path), cause });
}
