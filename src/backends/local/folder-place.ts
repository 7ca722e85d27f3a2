import { rename, rm } from "node:fs/promises";
import * as nodePath from "node:path";
import { InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { context } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import { folderExists } from "./folder-create.js";
import { ignore, present } from "./fs-step.js";
import type { JournalOperation, TempNames } from "./journal.js";

/** Options of {@link placeFolder}. */
export interface PlaceOptions {
  /** An existing folder at the destination is to be replaced (the caller checked `overwrite`). */
  readonly replace: boolean;
  /** Backend path of the source, for `NotFound` when the entry vanished. */
  readonly src: string;
  /** Backend path of the destination, for every other error. */
  readonly dst: string;
  /** Names the folder moved aside (spec LOC-130). */
  readonly temps: TempNames;
  /** Records the move aside before it happens, so that a crash is undone (spec LOC-132, LOC-133). */
  readonly operation: JournalOperation;
}

/**
 * Gives the folder entry `from` the name `to` in one `rename(2)` (spec LOC-112). To replace an
 * existing folder, that folder is first renamed aside to a reserved temp name in the same
 * parent, `from` is renamed into place, and the old folder is removed; if the second rename
 * fails the old folder is renamed back. An `EXDEV` error is rethrown unmapped (the caller
 * falls back to a copy); every other error is a library error. The journal records the move
 * aside first: after a crash between the renames the next backend puts the old folder back.
 */
export async function placeFolder(from: string, to: string, options: PlaceOptions): Promise<void> {
  if (!options.replace) return renameFolder(from, to, options);
  const aside = await options.temps.temp(nodePath.dirname(to));
  await options.operation.aside(aside, to);
  try {
    await rename(to, aside);
  } catch (error) {
    if (hasErrno(error, "ENOENT")) return renameFolder(from, to, options);
    throw mapFsError(error, options.dst);
  }
  try {
    await renameFolder(from, to, options);
  } catch (error) {
    await rename(aside, to).catch(ignore);
    throw error;
  }
  await rm(aside, { recursive: true, force: true }).catch(ignore);
}

async function renameFolder(from: string, to: string, options: PlaceOptions): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (hasErrno(error, "EXDEV")) throw error;
    if (hasErrno(error, "ENOENT") && !(await present(from))) {
      throw new NotFound(`Folder not found: ${quotePath(options.src)}`, { ...context(options.src), cause: error });
    }
    if (hasErrno(error, "ENOTEMPTY", "EEXIST")) throw folderExists(options.dst, error);
    if (hasErrno(error, "EINVAL")) {
      throw new InvalidPath(`Cannot put a folder inside itself: ${quotePath(options.dst)}`, { ...context(options.dst), cause: error });
    }
    throw mapFsError(error, options.dst);
  }
}
