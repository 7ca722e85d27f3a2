import { AlreadyExists, InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import type { S3Context } from "./context.js";
import { MARKER_CONTENT_TYPE, S3_BACKEND_NAME } from "./names.js";
import { ancestorsOf, isFolderPath } from "./probes.js";
import { deleteAllBelow, keepParent } from "./remove.js";
import { copyObject, type TransferKind } from "./transfer.js";

/**
 * Creates a folder (spec S3-075): its marker object. A file at `path` or in place of a parent
 * is `InvalidPath`; an existing folder (with a marker or implied by keys below it) is
 * `AlreadyExists` unless `existOk`, which then changes nothing. Concurrent creators in one
 * backend instance are serialised; across instances `If-None-Match` decides where supported.
 */
export async function createFolder(ctx: S3Context, path: string, existOk: boolean): Promise<void> {
  const marker = ctx.keys.markerKey(path);
  const section = async (): Promise<void> => {
    const exists = await checkFolderTarget(ctx, path, path);
    if (exists) {
      if (existOk) return;
      throw new AlreadyExists(`Folder already exists: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
    }
    const exclusive = !existOk && ctx.settings.conditionalWrites;
    await ctx.api.put(marker, new Uint8Array(0), { contentType: MARKER_CONTENT_TYPE, metadata: {}, exclusive }, path);
  };
  if (existOk) return section();
  return ctx.lock.run(marker, section);
}

/**
 * Moves or copies a folder with everything below it (spec S3-075): every key below `src` is
 * copied server-side to the same place below `dst` (`concurrency` at a time; files with their
 * content type and metadata, moves keeping modification times), then — for a move — the marker
 * of `src`'s parent is written and every source key is deleted. Not atomic: a failure part-way
 * leaves some keys copied (and, for a move, the source intact until the copies are done).
 * With `overwrite` an existing `dst` folder is deleted first, so it is replaced, never merged.
 */
export async function transferFolder(ctx: S3Context, kind: TransferKind, src: string, dst: string, overwrite: boolean): Promise<void> {
  const srcPrefix = ctx.keys.folderPrefix(src);
  const dstPrefix = ctx.keys.folderPrefix(dst);
  const [srcHead, srcIsFolder] = await Promise.all([ctx.api.head(ctx.keys.fileKey(src), src), isFolderPath(ctx, src)]);
  if (srcHead !== undefined) throw new InvalidPath(`Not a folder: ${quotePath(src)}`, { path: src, backend: S3_BACKEND_NAME });
  if (!srcIsFolder) throw new NotFound(`Folder not found: ${quotePath(src)}`, { path: src, backend: S3_BACKEND_NAME });
  if (await checkFolderTarget(ctx, dst, dst)) {
    if (!overwrite) throw new AlreadyExists(`Folder already exists: ${quotePath(dst)}`, { path: dst, backend: S3_BACKEND_NAME });
    await deleteAllBelow(ctx, dstPrefix, dst);
  }
  const { keys } = await ctx.api.listAll(srcPrefix, { delimiter: false }, src);
  await mapLimit(keys, ctx.settings.concurrency, async ({ key }) => {
    const dstKey = dstPrefix + key.slice(srcPrefix.length);
    if (key.endsWith("/")) return ctx.api.putMarker(dstKey, dst);
    const head = await ctx.api.head(key, src);
    if (head === undefined) return;
    await copyObject(ctx, { srcKey: key, dstKey, head, kind, exclusive: false, path: dst });
  });
  if (kind === "copy") return;
  await keepParent(ctx, src, src);
  await ctx.api.deleteMany(keys.map((listed) => listed.key), src);
}

/**
 * Checks a place for a folder: a file there or in place of a parent is `InvalidPath` (naming
 * `errorPath`). Resolves to whether a folder is already there.
 */
async function checkFolderTarget(ctx: S3Context, path: string, errorPath: string): Promise<boolean> {
  const [head, folder, ...parents] = await Promise.all([
    ctx.api.head(ctx.keys.fileKey(path), path),
    isFolderPath(ctx, path),
    ...ancestorsOf(path).map((ancestor) => ctx.api.head(ctx.keys.fileKey(ancestor), path)),
  ]);
  if (head !== undefined) throw new InvalidPath(`A file exists at: ${quotePath(errorPath)}`, { path: errorPath, backend: S3_BACKEND_NAME });
  if (parents.some((parent) => parent !== undefined)) throw new InvalidPath(`A parent is a file: ${quotePath(errorPath)}`, { path: errorPath, backend: S3_BACKEND_NAME });
  return folder;
}
