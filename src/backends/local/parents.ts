import { mkdir, rmdir } from "node:fs/promises";
import { InvalidPath } from "../../errors/classes.js";
import { LOCAL_BACKEND_NAME, hasErrno, mapFsError } from "./errno.js";
import { ignore } from "./fs-step.js";
import type { JournalOperation } from "./journal.js";
import type { LocalRoot, Resolved } from "./local-root.js";
import type { PendingSidecar } from "./sidecar.js";

/** The real folder a new entry goes into, and the folders created to get it. */
export interface PreparedParent {
  /** Real local path of the parent folder, verified to be inside the root. */
  readonly folder: string;
  /** The journal records of the operation (spec LOC-132): the folders it created, and any folder it moves aside. */
  readonly operation: JournalOperation;
  /**
   * The operation failed: discards the entry's prepared sidecar, if any, and removes the folders
   * this preparation created (deepest first) while empty. Never throws.
   */
  rollback(sidecar?: PendingSidecar): Promise<void>;
  /** The operation succeeded: commits the entry's prepared sidecar, if any; the created folders stay. */
  done(sidecar?: PendingSidecar): Promise<void>;
}

/**
 * Makes sure the parent folder of `segments` exists, creating missing folders one level at a
 * time, and checks with realpath that it lies inside the root (spec LOC-014, LOC-042). Every
 * folder it creates is recorded in the journal, so that a crash before {@link PreparedParent.done}
 * or {@link PreparedParent.rollback} is undone by the next backend's sweep (LOC-133). The caller
 * must call one of the two.
 *
 * @param target the resolution of the entry itself, used to skip work when it already exists.
 * @throws `InvalidPath` when an ancestor is a file or the parent resolves outside the root.
 */
export async function prepareParent(root: LocalRoot, segments: readonly string[], target: Resolved): Promise<PreparedParent> {
  const path = target.path;
  const operation = root.journal.operation();
  const created: string[] = [];
  const done = async (sidecar?: PendingSidecar): Promise<void> => {
    try {
      await sidecar?.commit();
    } finally {
      await operation.end();
    }
  };
  const rollback = async (sidecar?: PendingSidecar): Promise<void> => {
    await sidecar?.discard();
    for (const folder of created.reverse()) await rmdir(folder).catch(ignore);
    await operation.end();
  };
  if (target.kind !== "missing") {
    const folder = await root.parentOf(target, segments, path);
    if (folder !== undefined) return { folder, operation, rollback, done };
  }
  const parentSegments = segments.slice(0, -1);
  try {
    const existing = await root.resolve(parentSegments, path);
    if (existing.kind !== "folder") {
      if (existing.escapes || existing.kind !== "missing" || existing.belowFile) throw blocked(path);
      for (let depth = 1; depth <= parentSegments.length; depth++) {
        const folder = root.lexical(parentSegments.slice(0, depth));
        try {
          await mkdir(folder);
        } catch (error) {
          if (hasErrno(error, "EEXIST")) continue;
          if (hasErrno(error, "ENOTDIR")) throw blocked(path);
          throw mapFsError(error, path);
        }
        created.push(folder);
        await operation.created(folder);
      }
    }
    const parent = await root.resolve(parentSegments, path);
    if (parent.kind !== "folder" || parent.real === undefined) throw blocked(path);
    return { folder: parent.real, operation, rollback, done };
  } catch (error) {
    await rollback();
    throw mapFsError(error, path);
  }
}

function blocked(path: string): InvalidPath {
  return new InvalidPath("Cannot create the parent folders of {path}: a file (or a link leaving the root) is in the way", {
    path,
    backend: LOCAL_BACKEND_NAME,
  });
}
