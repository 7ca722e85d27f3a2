import { rm } from "node:fs/promises";
import * as nodePath from "node:path";
import { InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { context, escapes } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import { existingFolder, folderExists } from "./folder-create.js";
import { placeFolder, type PlaceOptions } from "./folder-place.js";
import type { LocalRoot } from "./local-root.js";
import { ignore } from "./fs-step.js";
import { prepareParent } from "./parents.js";
import type { TransferRequest } from "./transfer.js";
import { copyTree } from "./tree-copy.js";

/**
 * Moves or copies a folder with everything below it (spec LOC-111..LOC-115), checking in the
 * contract's order: source missing → `NotFound`; source a file → `InvalidPath`; a file at the
 * destination or in place of a parent → `InvalidPath`; an existing destination folder without
 * `overwrite` → `AlreadyExists`. A move is one `rename(2)` of the directory (its sidecars
 * travel inside it); a copy is built under a reserved temp name in the destination's parent
 * and renamed into place. Either way a replaced destination is swapped out as a whole
 * ({@link placeFolder}), and a failure leaves everything as it was.
 */
export async function transferFolder(root: LocalRoot, request: TransferRequest): Promise<void> {
  const src = request.src.join("/");
  const dst = request.dst.join("/");
  const source = await root.resolve(request.src, src);
  if (source.escapes) throw escapes(src);
  if (source.kind === "missing" || source.real === undefined) throw folderNotFound(src);
  if (source.kind !== "folder") throw new InvalidPath(`Not a folder: ${quotePath(src)}`, context(src));
  const srcParent = await root.parentOf(source, request.src, src);
  if (srcParent === undefined) throw folderNotFound(src);
  const target = await root.resolve(request.dst, dst);
  const replace = existingFolder(target, dst);
  if (replace && !request.overwrite) throw folderExists(dst);
  if (target.real !== undefined && (within(target.real, source.real) || within(source.real, target.real))) throw overlapping(dst);
  const parent = await prepareParent(root, request.dst, target);
  try {
    if (within(parent.folder, source.real)) throw overlapping(dst);
    const dstEntry = nodePath.join(parent.folder, request.dst[request.dst.length - 1] ?? "");
    const place: PlaceOptions = { replace, src, dst, temps: root, operation: parent.operation };
    if (request.kind === "copy") await copyFolderTo(source.real, dstEntry, place, new Date());
    else await moveFolderTo(source.real, nodePath.join(srcParent, request.src[request.src.length - 1] ?? ""), dstEntry, place);
  } catch (error) {
    await parent.rollback();
    throw error;
  }
  await parent.done();
}

/** Renames the folder entry; across devices, copies it with its times and removes the source. */
async function moveFolderTo(srcReal: string, srcEntry: string, dstEntry: string, place: PlaceOptions): Promise<void> {
  try {
    await placeFolder(srcEntry, dstEntry, place);
    return;
  } catch (error) {
    if (!hasErrno(error, "EXDEV")) throw error;
  }
  await copyFolderTo(srcReal, dstEntry, place, "keep");
  try {
    await rm(srcEntry, { recursive: true, force: true });
  } catch (error) {
    throw mapFsError(error, place.src);
  }
}

/** Copies the folder into a reserved temp folder beside the destination, then renames it into place. */
async function copyFolderTo(srcReal: string, dstEntry: string, place: PlaceOptions, time: Date | "keep"): Promise<void> {
  const temp = await place.temps.temp(nodePath.dirname(dstEntry));
  try {
    await copyTree(srcReal, temp, { src: place.src, dst: place.dst, time });
    await placeFolder(temp, dstEntry, place);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(ignore);
    throw hasErrno(error, "EXDEV") ? mapFsError(error, place.dst) : error;
  }
}

/** True when real path `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(nodePath.sep) ? outer : outer + nodePath.sep);
}

function folderNotFound(path: string): NotFound {
  return new NotFound(`Folder not found: ${quotePath(path)}`, context(path));
}

/** The destination is the source, inside it, or an ancestor of it once symbolic links are resolved. */
function overlapping(path: string): InvalidPath {
  return new InvalidPath(`The destination overlaps the source folder: ${quotePath(path)}`, context(path));
}
