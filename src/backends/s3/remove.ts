import { DirectoryNotEmpty, InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { parentPath } from "../../paths/path-parts.js";
import type { S3Context } from "./context.js";
import { S3_BACKEND_NAME } from "./names.js";
import { isFolderPath } from "./probes.js";

/** Passes in which a recursive delete re-lists for keys written while it ran. */
const DELETE_PASSES = 3;

/**
 * Writes the marker of `path`'s parent folder (spec S3-011), so that it stays when `path` goes.
 * Nothing for a top-level path: the root always exists.
 */
export async function keepParent(ctx: S3Context, path: string, errorPath: string): Promise<void> {
  const parent = parentPath(path);
  if (parent !== "") await ctx.api.putMarker(ctx.keys.markerKey(parent), errorPath);
}

/**
 * Deletes a file (spec S3-060): a folder is `InvalidPath` (even with `missingOk`); missing is
 * `NotFound` unless `missingOk`. The parent's marker is written first, so the folder stays.
 */
export async function deleteFile(ctx: S3Context, path: string, missingOk: boolean): Promise<void> {
  const key = ctx.keys.fileKey(path);
  const head = await ctx.api.head(key, path);
  if (head === undefined) {
    if (await isFolderPath(ctx, path)) throw new InvalidPath(`Is a folder, not a file: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
    if (missingOk) return;
    throw new NotFound(`File not found: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  }
  await keepParent(ctx, path, path);
  await ctx.api.delete(key, path);
}

/**
 * Deletes a folder (spec S3-061): a file is `InvalidPath`; missing is `NotFound` unless
 * `missingOk`; any key below it other than its own marker makes it not empty
 * (`DirectoryNotEmpty` unless `recursive`). A recursive delete pages through every key below
 * the folder and deletes them 1,000 per request, then lists again for keys written meanwhile.
 * The parent's marker is written first.
 */
export async function deleteFolder(ctx: S3Context, path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
  if (path === "") throw new InvalidPath("The root folder cannot be deleted", { path, backend: S3_BACKEND_NAME });
  const prefix = ctx.keys.folderPrefix(path);
  const [head, some] = await Promise.all([ctx.api.head(ctx.keys.fileKey(path), path), ctx.api.someKeys(prefix, 2, path)]);
  if (head !== undefined) throw new InvalidPath(`Is a file, not a folder: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  if (some.length === 0) {
    if (options.missingOk) return;
    throw new NotFound(`Folder not found: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  }
  if (!options.recursive && some.some((key) => key !== prefix)) throw new DirectoryNotEmpty(`Folder not empty: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  await keepParent(ctx, path, path);
  if (!options.recursive) {
    await ctx.api.delete(prefix, path);
    return;
  }
  await deleteAllBelow(ctx, prefix, path);
}

/** Deletes every key that starts with `prefix`, listing again until none is left (at most a few passes). */
export async function deleteAllBelow(ctx: S3Context, prefix: string, path: string): Promise<void> {
  for (let pass = 0; pass < DELETE_PASSES; pass++) {
    const { keys } = await ctx.api.listAll(prefix, { delimiter: false }, path);
    if (keys.length === 0) return;
    await ctx.api.deleteMany(keys.map((listed) => listed.key), path);
  }
}
