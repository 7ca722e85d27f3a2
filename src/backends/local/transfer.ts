import { constants as fsConstants } from "node:fs";
import { copyFile, link, rename, stat, unlink, utimes } from "node:fs/promises";
import * as nodePath from "node:path";
import { checkDestination, checkFileSubject, fileNotFound } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import { ignore } from "./fs-step.js";
import type { TempNames } from "./journal.js";
import type { LocalRoot } from "./local-root.js";
import { prepareParent } from "./parents.js";
import { prepareSidecar, readAttributes, removeSidecar, type PendingSidecar } from "./sidecar.js";
import { commitTemp, destinationError, type TempFile } from "./temp-file.js";

/** Whether a transfer keeps the source. */
export type TransferKind = "move" | "copy";

/** Arguments of {@link transfer} (a file) and of `transferFolder` (a folder). */
export interface TransferRequest {
  readonly kind: TransferKind;
  readonly src: readonly string[];
  readonly dst: readonly string[];
  readonly overwrite: boolean;
}

/**
 * Moves or copies a file with its sidecar (spec LOC-080, LOC-081), checking in the contract's
 * order: source missing → `NotFound`; source a folder → `InvalidPath`; same path → no-op;
 * destination checks. A move renames the entry (same inode, so the modification time stays);
 * a copy goes through a temp file and gets a new modification time.
 */
export async function transfer(root: LocalRoot, request: TransferRequest): Promise<void> {
  const src = request.src.join("/");
  const dst = request.dst.join("/");
  const source = await root.resolve(request.src, src);
  checkFileSubject(source, src);
  if (source.kind === "missing" || source.real === undefined) throw fileNotFound(src);
  if (src === dst) return;
  const target = await root.resolve(request.dst, dst);
  checkDestination(target, request.overwrite, dst);
  const srcFolder = await root.parentOf(source, request.src, src);
  if (srcFolder === undefined) throw fileNotFound(src);
  const srcName = request.src[request.src.length - 1] ?? "";
  const dstName = request.dst[request.dst.length - 1] ?? "";
  const attrs = await readAttributes(srcFolder, srcName, src);
  const parent = await prepareParent(root, request.dst, target);
  const dstLocal = nodePath.join(parent.folder, dstName);
  let sidecar: PendingSidecar | undefined;
  try {
    sidecar = await prepareSidecar(parent.folder, dstName, attrs, { path: dst, temps: root });
    if (request.kind === "copy") {
      const temp = await copyToTemp(source.real, await root.temp(parent.folder), { src, dst, keepTime: false });
      await commitTemp(temp, dstLocal, { overwrite: request.overwrite, path: dst });
    } else {
      await moveEntry(source.real, nodePath.join(srcFolder, srcName), dstLocal, { src, dst, overwrite: request.overwrite, temps: root });
    }
  } catch (error) {
    await parent.rollback(sidecar);
    throw error;
  }
  await parent.done(sidecar);
  if (request.kind === "move") await removeSidecar(srcFolder, srcName, src);
}

interface MoveOptions {
  readonly src: string;
  readonly dst: string;
  readonly overwrite: boolean;
  /** Names the temp file of a copy across devices. */
  readonly temps: TempNames;
}

/**
 * Renames the entry `srcLocal` to `dstLocal`: `rename` when overwriting, `link` + `unlink`
 * otherwise (exclusive). Across devices (a mount point inside the root) the file is copied
 * with its modification time and the source removed afterwards, so a copy always survives.
 */
async function moveEntry(srcReal: string, srcLocal: string, dstLocal: string, options: MoveOptions): Promise<void> {
  try {
    if (options.overwrite) {
      await rename(srcLocal, dstLocal);
      return;
    }
    await link(srcLocal, dstLocal);
  } catch (error) {
    const noHardLinks = !options.overwrite && hasErrno(error, "EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK");
    if (!hasErrno(error, "EXDEV") && !noHardLinks) throw await moveError(error, dstLocal, options);
    const temp = await copyToTemp(srcReal, await options.temps.temp(nodePath.dirname(dstLocal)), { ...options, keepTime: true });
    await commitTemp(temp, dstLocal, { overwrite: options.overwrite, path: options.dst });
  }
  try {
    await unlink(srcLocal);
  } catch (error) {
    if (!hasErrno(error, "ENOENT")) throw mapFsError(error, options.src);
  }
}

interface CopyOptions {
  readonly src: string;
  readonly dst: string;
  /** Give the copy the source's modification time (a move across devices). */
  readonly keepTime: boolean;
}

/** Copies a real file to the new temp file `local`. */
async function copyToTemp(srcReal: string, local: string, options: CopyOptions): Promise<TempFile> {
  try {
    await copyFile(srcReal, local, fsConstants.COPYFILE_EXCL);
    if (options.keepTime) {
      const source = await stat(srcReal);
      await utimes(local, source.atime, source.mtime);
    } else {
      const now = new Date();
      await utimes(local, now, now);
    }
    const stats = await stat(local);
    return { local, size: stats.size, modifiedAt: new Date(stats.mtime.getTime()) };
  } catch (error) {
    await unlink(local).catch(ignore);
    if (hasErrno(error, "ENOENT")) throw fileNotFound(options.src, error);
    throw mapFsError(error, options.dst);
  }
}

async function moveError(error: unknown, dstLocal: string, options: MoveOptions): Promise<unknown> {
  if (hasErrno(error, "ENOENT")) return fileNotFound(options.src, error);
  return destinationError(error, dstLocal, options.dst);
}
