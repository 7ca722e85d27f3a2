import { InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/compare.js";
import { joinPath } from "../../paths/path-parts.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import type { S3Context } from "./context.js";
import { fileInfo } from "./file-info.js";
import { S3_BACKEND_NAME } from "./names.js";
import type { ListedKey } from "./object-api.js";

/** What a listing gathers. */
export interface ListRequest {
  /** Levels below the folder: `0` = its own entries, `Infinity` = everything. */
  readonly maxDepth: number;
  readonly files: boolean;
  readonly folders: boolean;
}

/**
 * The entries below `path`, complete and sorted in code point order of their paths (spec
 * S3-050, S3-051). `maxDepth: 0` is one delimiter listing; deeper listings page through every
 * key below the folder once and derive the folders from the keys. Files are completed with one
 * HEAD each (content type, metadata, carried-over modification time), `concurrency` at a time;
 * a file deleted meanwhile is left out. The whole result is gathered before the first entry is
 * returned, so a listing is a snapshot of the moment it started.
 */
export async function listEntries(ctx: S3Context, path: string, request: ListRequest): Promise<Entry[]> {
  const base = ctx.keys.folderPrefix(path);
  const files: string[] = [];
  const folders = new Set<string>();
  if (request.maxDepth === 0) {
    const listing = await ctx.api.listAll(base, { delimiter: true }, path);
    for (const { key } of listing.keys) {
      const rel = ctx.keys.relativeSegments(key, base);
      if (rel !== undefined && !rel.marker && rel.segments.length === 1) files.push(joinPath(path, rel.segments[0] as string));
    }
    for (const prefix of listing.prefixes) {
      const rel = ctx.keys.relativeSegments(prefix, base);
      if (rel?.marker === true && rel.segments.length === 1) folders.add(joinPath(path, rel.segments[0] as string));
    }
  } else {
    const listing = await ctx.api.listAll(base, { delimiter: false }, path);
    for (const { key } of listing.keys) {
      const rel = ctx.keys.relativeSegments(key, base);
      if (rel === undefined) continue;
      const folderDepth = rel.marker ? rel.segments.length : rel.segments.length - 1;
      for (let depth = 1; depth <= Math.min(folderDepth, request.maxDepth + 1); depth++) folders.add(joinPath(path, rel.segments.slice(0, depth).join("/")));
      if (!rel.marker && rel.segments.length - 1 <= request.maxDepth) files.push(joinPath(path, rel.segments.join("/")));
    }
  }
  const entries: Entry[] = [];
  if (request.folders) for (const folder of folders) entries.push(folderEntry(folder));
  if (request.files) entries.push(...(await describeFiles(ctx, files)));
  return entries.sort((a, b) => compareCodePoints(a.path, b.path));
}

/** `FileInfo` of each path (one HEAD each, `concurrency` at a time); paths that vanished are left out. */
export async function describeFiles(ctx: S3Context, paths: readonly string[]): Promise<FileInfo[]> {
  const infos = await mapLimit(paths, ctx.settings.concurrency, async (path) => {
    const head = await ctx.api.head(ctx.keys.fileKey(path), path);
    return head === undefined ? undefined : fileInfo(path, head);
  });
  return infos.filter((info): info is FileInfo => info !== undefined);
}

/**
 * Aggregates the whole subtree of `path` (spec S3-055): pages through every key below it once
 * for the counts and sizes. The newest modification time needs the HEAD of a file only where
 * a file carries a modification time from a move (spec S3-037): such a time is never later
 * than the object's `LastModified`, so the files are visited newest `LastModified` first and
 * the walk stops as soon as no remaining file can be newer — usually after one HEAD.
 */
export async function folderInfo(ctx: S3Context, path: string): Promise<FolderInfo> {
  const base = ctx.keys.folderPrefix(path);
  const listing = await ctx.api.listAll(base, { delimiter: false }, path);
  if (listing.keys.length === 0 && path !== "") {
    const head = await ctx.api.head(ctx.keys.fileKey(path), path);
    if (head !== undefined) throw new InvalidPath(`Is a file, not a folder: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
    throw new NotFound(`Folder not found: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  }
  const files: { path: string; listed: ListedKey }[] = [];
  let totalSize = 0;
  for (const listed of listing.keys) {
    const rel = ctx.keys.relativeSegments(listed.key, base);
    if (rel === undefined || rel.marker) continue;
    files.push({ path: joinPath(path, rel.segments.join("/")), listed });
    totalSize += listed.size;
  }
  const newest = await newestModification(ctx, files);
  return Object.freeze({ path, fileCount: files.length, totalSize, ...(newest === undefined ? {} : { modifiedAt: new Date(newest) }) });
}

async function newestModification(ctx: S3Context, files: readonly { path: string; listed: ListedKey }[]): Promise<number | undefined> {
  const order = [...files].sort((a, b) => b.listed.lastModified.getTime() - a.listed.lastModified.getTime());
  let best: number | undefined;
  for (let i = 0; i < order.length; ) {
    const bound = (order[i] as { listed: ListedKey }).listed.lastModified.getTime();
    if (best !== undefined && best >= bound) break;
    const take = i === 0 ? 1 : ctx.settings.concurrency;
    const batch = order.slice(i, i + take).filter((file) => best === undefined || file.listed.lastModified.getTime() > best);
    i += take;
    const times = await mapLimit(batch, ctx.settings.concurrency, async (file) => {
      const head = await ctx.api.head(ctx.keys.fileKey(file.path), file.path);
      return head === undefined ? file.listed.lastModified.getTime() : (head.mtime ?? head.lastModified.getTime());
    });
    for (const time of times) best = best === undefined ? time : Math.max(best, time);
  }
  return best;
}

function folderEntry(path: string): FolderEntry {
  return Object.freeze({ kind: "folder", path, name: path.slice(path.lastIndexOf("/") + 1) });
}
