import { constants as fsConstants } from "node:fs";
import { copyFile, link, lstat, open, rename, unlink, utimes, type FileHandle } from "node:fs/promises";
import type { BackendContent } from "../../contract/backend.js";
import { AlreadyExists, InvalidArgument, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { LOCAL_BACKEND_NAME, hasErrno, mapFsError } from "./errno.js";
import { fsStep, ignore } from "./fs-step.js";

/** A fully written temp file, not yet visible under its final name. */
export interface TempFile {
  /** Local path of the temp file. */
  readonly local: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/** Options of {@link writeTemp}. */
export interface WriteTempOptions {
  /** The backend path being written, for errors. */
  readonly path: string;
  /** Flush the bytes to stable storage before returning (`writeAtomic`). */
  readonly sync: boolean;
  /** A modification time to give the file instead of "now" (spec LOC-046). */
  readonly modifiedAt?: Date | undefined;
}

/**
 * Writes `content` to the new temp file `local` (a reserved name from the journal, spec LOC-040,
 * LOC-130). A failing content source propagates its own error unchanged; file-system errors are
 * mapped. Either way the temp file is gone when this rejects.
 */
export async function writeTemp(local: string, content: BackendContent, options: WriteTempOptions): Promise<TempFile> {
  const handle = await fsStep(options.path, () => open(local, "wx"));
  try {
    if (content instanceof Uint8Array) {
      await fsStep(options.path, () => writeAll(handle, content));
    } else {
      for await (const chunk of content) await fsStep(options.path, () => writeAll(handle, chunk));
    }
    const wanted = options.modifiedAt;
    if (wanted !== undefined) await fsStep(options.path, () => handle.utimes(new Date(), wanted));
    if (options.sync) await fsStep(options.path, () => handle.sync());
    const stats = await fsStep(options.path, () => handle.stat());
    if (wanted !== undefined) checkStoredTime(wanted, stats.mtime, options.path);
    await fsStep(options.path, () => handle.close());
    return { local, size: stats.size, modifiedAt: new Date(stats.mtime.getTime()) };
  } catch (error) {
    await handle.close().catch(ignore);
    await unlink(local).catch(ignore);
    throw error;
  }
}

/** Options of {@link commitTemp}. */
export interface CommitOptions {
  /** Replace an existing file; otherwise creation is exclusive. */
  readonly overwrite: boolean;
  /** The backend path being written, for errors. */
  readonly path: string;
}

/**
 * Gives a temp file its final name (spec LOC-041): `rename` when overwriting (atomic
 * replacement), `link` + `unlink` otherwise, so that of concurrent exclusive creators exactly
 * one succeeds. Where the file system has no hard links, an exclusive copy (given the temp
 * file's modification time) is used instead.
 * The temp file is gone afterwards, whether this succeeds or not.
 * @returns the modification time of the committed file.
 */
export async function commitTemp(temp: TempFile, target: string, options: CommitOptions): Promise<Date> {
  try {
    if (options.overwrite) {
      await rename(temp.local, target);
      return temp.modifiedAt;
    }
    try {
      await link(temp.local, target);
      return temp.modifiedAt;
    } catch (error) {
      if (!hasErrno(error, "EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK")) throw error;
    }
    await copyFile(temp.local, target, fsConstants.COPYFILE_EXCL);
    await utimes(target, temp.modifiedAt, temp.modifiedAt);
    return temp.modifiedAt;
  } catch (error) {
    throw await destinationError(error, target, options.path);
  } finally {
    await unlink(temp.local).catch(ignore);
  }
}

/**
 * Turns a failed rename or link onto `target` into the error the contract asks for: a folder
 * there → `InvalidPath`, an entry there → `AlreadyExists`, anything else mapped.
 */
export async function destinationError(error: unknown, target: string, path: string): Promise<unknown> {
  const options = { path, backend: LOCAL_BACKEND_NAME, cause: error };
  if (hasErrno(error, "EEXIST", "EISDIR", "ENOTEMPTY")) {
    const existing = await lstat(target).catch(() => undefined);
    if (existing?.isDirectory() === true || !hasErrno(error, "EEXIST")) return new InvalidPath(`Is a folder: ${quotePath(path)}`, options);
    return new AlreadyExists(`File already exists: ${quotePath(path)}`, options);
  }
  return mapFsError(error, path);
}

/** How far a stored modification time may lie from the one asked for: the coarsest common resolution (FAT). */
const TIME_RESOLUTION_MS = 2000;

/**
 * Refuses a modification time the file system could not store (spec LOC-046): ext4, for
 * one, keeps 1901-12-13 to 2446-05-10 and silently clamps anything else.
 */
function checkStoredTime(wanted: Date, stored: Date, path: string): void {
  if (Math.abs(stored.getTime() - wanted.getTime()) < TIME_RESOLUTION_MS) return;
  throw new InvalidArgument(`The file system cannot store the modification time ${wanted.toISOString()}: ${quotePath(path)}`, {
    path,
    backend: LOCAL_BACKEND_NAME,
  });
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}
