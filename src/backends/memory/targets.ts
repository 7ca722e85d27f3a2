import { AlreadyExists, InvalidPath, QuotaExceeded } from "../../errors/classes.js";
import { type RemoteStoreError, type RemoteStoreErrorOptions } from "../../errors/remote-store-error.js";
import type { FileNode, FolderNode, TreeNode } from "./nodes.js";
import type { MemoryTree } from "./tree.js";

/** Builds a library error of the given class for a path. */
export type ErrorFactory = (
  kind: new (message: string, options: RemoteStoreErrorOptions) => RemoteStoreError,
  what: string,
  path: string,
  paths?: Readonly<Record<string, string>>,
) => RemoteStoreError;

/** Where a new node lands: an existing node to replace, or the parent folders to create and the new name. */
export interface Target<T extends TreeNode> {
  /** The parent folder's segments; those from `missingAt` on do not exist yet. */
  readonly parents: readonly string[];
  readonly name: string;
  readonly existing: T | undefined;
  readonly deepest: FolderNode;
  readonly missingAt: number;
}

/** What a placement check needs. */
export interface PlacementContext {
  readonly tree: MemoryTree;
  readonly maxSize: number;
  readonly error: ErrorFactory;
}

/**
 * Checks that a file of `size` bytes may be placed at `path`, changing nothing (spec MEM-020):
 * a file in place of a parent or a folder at `path` → `InvalidPath`; an existing file without
 * `overwrite` → `AlreadyExists`; over `maxSize` (counting only the new size of an overwrite) → `QuotaExceeded`.
 */
export function fileTarget(context: PlacementContext, path: string, overwrite: boolean, size: number): Target<FileNode> {
  const target = locate(context, path);
  const existing = target.existing;
  if (existing?.kind === "folder") throw context.error(InvalidPath, "A folder exists at", path);
  if (existing !== undefined && !overwrite) throw context.error(AlreadyExists, "File already exists", path);
  checkQuota(context, path, size - (existing?.size ?? 0));
  return target as Target<FileNode>;
}

/**
 * Checks that a folder adding `size` bytes may be placed at `path`: a file there or in place of a
 * parent → `InvalidPath`; an existing folder without `overwrite` → `AlreadyExists`; quota.
 */
export function folderTarget(context: PlacementContext, path: string, overwrite: boolean, size: number): Target<FolderNode> {
  const target = locate(context, path);
  const existing = target.existing;
  if (existing?.kind === "file") throw context.error(InvalidPath, "A file exists at", path);
  if (existing !== undefined && !overwrite) throw context.error(AlreadyExists, "Folder already exists", path);
  checkQuota(context, path, size - (existing?.totalSize ?? 0));
  return target as Target<FolderNode>;
}

/** The error for a path whose parent chain is blocked by a file. */
export function blockedError(context: PlacementContext, path: string, segments: readonly string[], blockedAt: number): RemoteStoreError {
  const blocker = segments.slice(0, blockedAt + 1).join("/");
  return context.error(InvalidPath, "A file is in the way ({blocking})", path, { blocking: blocker });
}

function checkQuota(context: PlacementContext, path: string, added: number): void {
  if (context.tree.root.totalSize + added > context.maxSize) {
    throw context.error(QuotaExceeded, `Adding ${added} bytes would exceed the ${context.maxSize}-byte limit`, path);
  }
}

/** The parent segments of a target whose parent folder exists: nothing to create. */
const NO_SEGMENTS: readonly string[] = Object.freeze([]);

function locate(context: PlacementContext, path: string): Target<TreeNode> {
  // Fast path: the parent folder exists (often the one looked up last), so nothing is split.
  const slash = path.lastIndexOf("/");
  const parent = context.tree.folderOf(path, slash);
  if (parent !== undefined) {
    const name = path.slice(slash + 1);
    return { parents: NO_SEGMENTS, name, existing: parent.children.get(name), deepest: parent, missingAt: 0 };
  }
  const segments = path.split("/");
  const resolution = context.tree.resolve(segments);
  if (resolution.found === undefined && resolution.blockedBy !== undefined) throw blockedError(context, path, segments, resolution.blockedAt);
  const name = segments.pop() as string;
  const parents = segments;
  if (resolution.found !== undefined) {
    return { parents, name, existing: resolution.found, deepest: resolution.found.parent as FolderNode, missingAt: parents.length };
  }
  const missing = resolution as { deepest: FolderNode; missingAt: number };
  return { parents, name, existing: undefined, deepest: missing.deepest, missingAt: missing.missingAt };
}
