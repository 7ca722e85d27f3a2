import { mkdir, rmdir } from "node:fs/promises";
import { InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { LOCAL_BACKEND_NAME, hasErrno, mapFsError } from "./errno.js";
import type { LocalRoot, Resolved } from "./local-root.js";

/** The real folder a new entry goes into, and the folders created to get it. */
export interface PreparedParent {
  /** Real local path of the parent folder, verified to be inside the root. */
  readonly folder: string;
  /** Removes the folders this preparation created (deepest first), when still empty. Never throws. */
  rollback(): Promise<void>;
}

/**
 * Makes sure the parent folder of `segments` exists, creating missing folders one level at a
 * time, and checks with realpath that it lies inside the root (spec LOC-014, LOC-042).
 *
 * @param target the resolution of the entry itself, used to skip work when it already exists.
 * @throws `InvalidPath` when an ancestor is a file or the parent resolves outside the root.
 */
export async function prepareParent(root: LocalRoot, segments: readonly string[], target: Resolved): Promise<PreparedParent> {
  const path = target.path;
  if (target.kind !== "missing") {
    const folder = await root.parentOf(target, segments, path);
    if (folder !== undefined) return { folder, rollback: nothing };
  }
  const parentSegments = segments.slice(0, -1);
  const created: string[] = [];
  const rollback = async (): Promise<void> => {
    for (const folder of created.reverse()) await rmdir(folder).catch(nothing);
  };
  try {
    const existing = await root.resolve(parentSegments, path);
    if (existing.kind !== "folder") {
      if (existing.escapes || existing.kind !== "missing" || existing.belowFile) throw blocked(path);
      for (let depth = 1; depth <= parentSegments.length; depth++) {
        const folder = root.lexical(parentSegments.slice(0, depth));
        try {
          await mkdir(folder);
          created.push(folder);
        } catch (error) {
          if (hasErrno(error, "EEXIST")) continue;
          if (hasErrno(error, "ENOTDIR")) throw blocked(path);
          throw mapFsError(error, path);
        }
      }
    }
    const parent = await root.resolve(parentSegments, path);
    if (parent.kind !== "folder" || parent.real === undefined) throw blocked(path);
    return { folder: parent.real, rollback };
  } catch (error) {
    await rollback();
    throw mapFsError(error, path);
  }
}

function blocked(path: string): InvalidPath {
  return new InvalidPath(`Cannot create the parent folders of ${quotePath(path)}: a file (or a link leaving the root) is in the way`, {
    path,
    backend: LOCAL_BACKEND_NAME,
  });
}

function nothing(): Promise<void> {
  return Promise.resolve();
}
