import { AlreadyExists, InvalidPath, NotFound } from "../../errors/classes.js";
import { type RemoteStoreError } from "../../errors/remote-store-error.js";
import { quotePath } from "../../errors/quote-path.js";
import type { S3Context } from "./context.js";
import { S3_BACKEND_NAME } from "./names.js";
import type { ObjectHead } from "./object-api.js";

/** What is at a path (spec S3-010, S3-015). */
export type PathKind = "file" | "folder" | "missing";

/**
 * What is at `path`: a file when its key exists, a folder when any key lies below `path/`,
 * else missing. The root is always a folder. One HEAD and one one-key listing, in parallel.
 */
export async function kindOf(ctx: S3Context, path: string): Promise<PathKind> {
  if (path === "") return "folder";
  const [head, below] = await Promise.all([ctx.api.head(ctx.keys.fileKey(path), path), isFolderPath(ctx, path)]);
  if (head !== undefined) return "file";
  return below ? "folder" : "missing";
}

/** True when any key lies below `path/` (a marker or content). The root is always a folder. */
export async function isFolderPath(ctx: S3Context, path: string): Promise<boolean> {
  if (path === "") return true;
  return ctx.api.hasKeysUnder(ctx.keys.folderPrefix(path), path);
}

/** The HEAD of the file at `path`; a folder there is `InvalidPath`, nothing there `NotFound` (spec S3-020). */
export async function requireFile(ctx: S3Context, path: string): Promise<ObjectHead> {
  const head = await ctx.api.head(ctx.keys.fileKey(path), path);
  if (head !== undefined) return head;
  throw await missingFileError(ctx, path);
}

/** The error for a file that is not there: `InvalidPath` when `path` is a folder, else `NotFound`. */
export async function missingFileError(ctx: S3Context, path: string): Promise<RemoteStoreError> {
  if (await isFolderPath(ctx, path)) return new InvalidPath(`Is a folder, not a file: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
  return new NotFound(`File not found: ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
}

/** The strict ancestors of a path, nearest last: `a/b/c` → `a`, `a/b`. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) out.push(path.slice(0, i));
  return out;
}

/**
 * Checks that a file may be created or replaced at `path` (spec S3-030), in the precondition
 * order of `Backend.write`: a folder at `path`, or a file in place of an ancestor → `InvalidPath`;
 * an existing file and not `overwrite` → `AlreadyExists`. The requests run in parallel: one
 * listing, one HEAD per ancestor and (without `overwrite`) one HEAD of the target.
 */
export async function checkTarget(ctx: S3Context, path: string, options: { readonly overwrite: boolean; readonly errorPath?: string }): Promise<void> {
  const errorPath = options.errorPath ?? path;
  const ancestors = ancestorsOf(path);
  const [folder, existing, ...parents] = await Promise.all([
    isFolderPath(ctx, path),
    options.overwrite ? undefined : ctx.api.head(ctx.keys.fileKey(path), path),
    ...ancestors.map((ancestor) => ctx.api.head(ctx.keys.fileKey(ancestor), path)),
  ]);
  if (folder) throw new InvalidPath(`Is a folder: ${quotePath(errorPath)}`, { path: errorPath, backend: S3_BACKEND_NAME });
  if (parents.some((parent) => parent !== undefined)) throw new InvalidPath(`A parent is a file: ${quotePath(errorPath)}`, { path: errorPath, backend: S3_BACKEND_NAME });
  if (existing !== undefined) throw new AlreadyExists(`Already exists: ${quotePath(errorPath)}`, { path: errorPath, backend: S3_BACKEND_NAME });
}

/**
 * Runs `section` (which checks the target and writes it) under the target key's lock when the
 * write must not overwrite and the server's conditional writes are not used (spec S3-033).
 */
export function exclusively<T>(ctx: S3Context, key: string, overwrite: boolean, section: () => Promise<T>): Promise<T> {
  if (overwrite) return section();
  return ctx.lock.run(key, section);
}
