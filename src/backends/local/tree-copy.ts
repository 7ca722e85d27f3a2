import { constants as fsConstants, type Dirent } from "node:fs";
import { copyFile, lstat, mkdir, readdir, utimes } from "node:fs/promises";
import * as nodePath from "node:path";
import { NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { context } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import { fsStep, present } from "./fs-step.js";
import { isReservedName } from "./reserved.js";
import { SIDECAR_FOLDER, sidecarNames } from "./sidecar.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";

/** Options of {@link copyTree}. */
export interface CopyTreeOptions {
  /** Backend path of the source folder, for errors about it. */
  readonly src: string;
  /** Backend path of the destination folder, for every other error. */
  readonly dst: string;
  /** The modification time every copied file gets, or `"keep"` for each source file's own. */
  readonly time: Date | "keep";
}

/** Files copied at once within one folder. */
const PARALLEL_FILES = 8;

/**
 * Copies the real folder `from` to the new folder `to` (which must not exist), with every
 * regular file, every subfolder (empty ones too) and the sidecars of the copied files
 * (spec LOC-114). Symbolic links, other non-regular entries, stale sidecars and the backend's
 * temp entries are left out — exactly what listings would not show. Entries that vanish during
 * the walk are left out. On failure, what was copied so far stays for the caller to remove.
 */
export async function copyTree(from: string, to: string, options: CopyTreeOptions): Promise<void> {
  await copyLevel(from, to, options, true);
}

async function copyLevel(from: string, to: string, options: CopyTreeOptions, top: boolean): Promise<void> {
  const dirents = await sourceEntries(from, options, top);
  if (dirents === undefined) return;
  await fsStep(options.dst, () => mkdir(to));
  const files = dirents.filter((d) => d.isFile() && !isReservedName(d.name)).map((d) => d.name);
  const copied = await mapLimit(files, PARALLEL_FILES, (name) => copyOne(nodePath.join(from, name), nodePath.join(to, name), options));
  const kept = files.filter((_, i) => copied[i] === true);
  if (kept.length > 0 && dirents.some((d) => d.name === SIDECAR_FOLDER && d.isDirectory())) await copySidecars(from, to, kept, options);
  for (const dirent of dirents) {
    if (!dirent.isDirectory() || isReservedName(dirent.name)) continue;
    await copyLevel(nodePath.join(from, dirent.name), nodePath.join(to, dirent.name), options, false);
  }
}

/** The entries of a source folder; `undefined` for a vanished subfolder; a vanished top folder is `NotFound`. */
async function sourceEntries(from: string, options: CopyTreeOptions, top: boolean): Promise<Dirent[] | undefined> {
  try {
    return await readdir(from, { withFileTypes: true });
  } catch (error) {
    if (!hasErrno(error, "ENOENT", "ENOTDIR")) throw mapFsError(error, options.src);
    if (top) {
      throw new NotFound(`Folder not found: ${quotePath(options.src)}`, { ...context(options.src), cause: error });
    }
    return undefined;
  }
}

/** Copies one regular file; false when the source vanished meanwhile. */
async function copyOne(from: string, to: string, options: CopyTreeOptions): Promise<boolean> {
  try {
    await copyFile(from, to, fsConstants.COPYFILE_EXCL);
  } catch (error) {
    if (hasErrno(error, "ENOENT") && !(await present(from))) return false;
    throw mapFsError(error, options.dst);
  }
  const time = options.time;
  if (time === "keep") {
    const source = await fsStep(options.dst, () => lstat(from));
    await fsStep(options.dst, () => utimes(to, source.atime, source.mtime));
  } else {
    await fsStep(options.dst, () => utimes(to, time, time));
  }
  return true;
}

async function copySidecars(from: string, to: string, names: readonly string[], options: CopyTreeOptions): Promise<void> {
  const present = await fsStep(options.src, () => sidecarNames(from));
  const wanted = names.filter((name) => present.has(name));
  if (wanted.length === 0) return;
  await fsStep(options.dst, () => mkdir(nodePath.join(to, SIDECAR_FOLDER)));
  await mapLimit(wanted, PARALLEL_FILES, async (name) => {
    try {
      await copyFile(nodePath.join(from, SIDECAR_FOLDER, name), nodePath.join(to, SIDECAR_FOLDER, name), fsConstants.COPYFILE_EXCL);
    } catch (error) {
      if (!hasErrno(error, "ENOENT")) throw mapFsError(error, options.dst);
    }
  });
}
