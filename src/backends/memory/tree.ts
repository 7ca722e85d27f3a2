import { compareCodePoints } from "../../paths/compare.js";
import { lastSlash } from "../../paths/path-parts.js";
import { newFile, newFolder, type FileFields, type FileNode, type FolderNode, type TreeNode } from "./nodes.js";

/** Where a path leads in the tree (spec MEM-010). */
export type Resolution =
  | { readonly found: TreeNode }
  | { readonly found: undefined; readonly blockedBy: FileNode; readonly blockedAt: number }
  | { readonly found: undefined; readonly blockedBy: undefined; readonly deepest: FolderNode; readonly missingAt: number };

/**
 * The memory backend's data structure: a tree of folder and file nodes addressed by path
 * segments, with subtree aggregates kept up to date on every change. It knows nothing of
 * errors, capabilities or the Backend contract. Costs are in spec/memory-backend.md.
 */
export class MemoryTree {
  /** The root folder; it always exists. */
  root: FolderNode = newFolder("");
  /** The folder {@link MemoryTree.findPath} found last and its path; forgotten whenever a folder is detached (moves detach too). */
  private lastFolder: FolderNode | undefined = undefined;
  private lastFolderPath = "";

  /** Follows `segments` from the root: O(depth). */
  resolve(segments: readonly string[]): Resolution {
    let folder = this.root;
    for (let i = 0; i < segments.length; i++) {
      const child = folder.children.get(segments[i] as string);
      if (child === undefined) return { found: undefined, blockedBy: undefined, deepest: folder, missingAt: i };
      if (i === segments.length - 1) return { found: child };
      if (child.kind === "file") return { found: undefined, blockedBy: child, blockedAt: i };
      folder = child;
    }
    return { found: folder };
  }

  /**
   * The node at a normalised path (`""` is the root), or `undefined` (also when a file lies on
   * the way). O(depth), without splitting the path into an array. The parent folder of the last
   * lookup is remembered, so a run of lookups in one folder costs one map lookup each.
   */
  findPath(path: string): TreeNode | undefined {
    if (path === "") return this.root;
    const slash = lastSlash(path);
    return this.folderOf(path, slash)?.children.get(slash < 0 ? path : path.slice(slash + 1));
  }

  /**
   * The folder at `path.slice(0, end)` (the root when `end` is negative: pass the index of the
   * last `/` for the folder that holds `path`), or `undefined` when it does not exist or a file
   * lies on the way. O(depth), and O(1) for the folder found last, which is remembered until a
   * folder is detached.
   */
  folderOf(path: string, end: number): FolderNode | undefined {
    if (end < 0) return this.root;
    const last = this.lastFolder;
    if (last !== undefined && this.lastFolderPath.length === end && path.startsWith(this.lastFolderPath)) return last;
    let folder = this.root;
    let start = 0;
    while (start <= end) {
      const slash = path.indexOf("/", start);
      const stop = slash < 0 || slash > end ? end : slash;
      const child = folder.children.get(path.slice(start, stop));
      if (child === undefined || child.kind === "file") return undefined;
      folder = child;
      start = stop + 1;
    }
    this.lastFolderPath = path.slice(0, end);
    this.lastFolder = folder;
    return folder;
  }

  /**
   * Creates the missing folders of `segments` below `from` (which lies at depth `start`) and
   * returns the last one. The caller has checked that no file is in the way.
   */
  makeFolders(from: FolderNode, segments: readonly string[], start: number): FolderNode {
    let folder = from;
    for (let i = start; i < segments.length; i++) {
      const name = segments[i] as string;
      const existing = folder.children.get(name);
      if (existing !== undefined && existing.kind === "folder") {
        folder = existing;
        continue;
      }
      const created = newFolder(name);
      this.attach(folder, created);
      folder = created;
    }
    return folder;
  }

  /** Links a detached node under `parent` (replacing nothing) and updates aggregates. O(depth). */
  attach(parent: FolderNode, node: TreeNode): void {
    node.parent = parent;
    parent.children.set(node.name, node);
    keepOrders(parent, node);
    const { count, size, newest, stale } = contribution(node);
    for (let folder: FolderNode | undefined = parent; folder !== undefined; folder = folder.parent) {
      folder.fileCount += count;
      folder.totalSize += size;
      if (newest > folder.newest) folder.newest = newest;
      if (stale) folder.newestStale = true;
    }
  }

  /** Unlinks a node from its parent and updates aggregates. O(depth); the subtree is left to the GC. */
  detach(node: TreeNode): void {
    const parent = node.parent;
    if (parent === undefined) return;
    if (node.kind === "folder") this.lastFolder = undefined;
    parent.children.delete(node.name);
    invalidateOrder(parent);
    node.parent = undefined;
    const { count, size, newest } = contribution(node);
    for (let folder: FolderNode | undefined = parent; folder !== undefined; folder = folder.parent) {
      folder.fileCount -= count;
      folder.totalSize -= size;
      if (newest >= folder.newest) folder.newestStale = true;
    }
  }

  /** Replaces a file's content and fields in place, updating aggregates. O(depth). */
  replaceFile(file: FileNode, fields: FileFields): void {
    const sizeDelta = fields.size - file.size;
    const oldTime = file.modifiedAt;
    Object.assign(file, fields);
    for (let folder = file.parent; folder !== undefined; folder = folder.parent) {
      folder.totalSize += sizeDelta;
      if (fields.modifiedAt >= folder.newest) folder.newest = fields.modifiedAt;
      else if (oldTime >= folder.newest) folder.newestStale = true;
    }
  }

  /** Newest file time below `folder` (`-Infinity` when none); recomputes only stale parts. */
  newestBelow(folder: FolderNode): number {
    if (!folder.newestStale) return folder.newest;
    let newest = Number.NEGATIVE_INFINITY;
    for (const child of folder.children.values()) {
      const time = child.kind === "file" ? child.modifiedAt : this.newestBelow(child);
      if (time > newest) newest = time;
    }
    folder.newest = newest;
    folder.newestStale = false;
    return newest;
  }

  /** Children in name order (cached until the folder changes). */
  childrenByName(folder: FolderNode): readonly TreeNode[] {
    folder.byName ??= sameOrders(folder) ? folder.byWalk : undefined;
    folder.byName ??= [...folder.children.values()].sort((a, b) => compareCodePoints(a.name, b.name));
    return folder.byName;
  }

  /** Children in walk order — folders compare as `name/` — so a depth-first walk yields full paths in code point order. */
  childrenForWalk(folder: FolderNode): readonly TreeNode[] {
    folder.byWalk ??= sameOrders(folder) ? folder.byName : undefined;
    folder.byWalk ??= [...folder.children.values()].sort((a, b) => compareCodePoints(walkKey(a), walkKey(b)));
    return folder.byWalk;
  }

  /**
   * Visits the files below `folder` down to `maxDepth` levels, depth first, in code point order of
   * their full paths. O(entries visited).
   */
  walkFiles(folder: FolderNode, prefix: string, maxDepth: number, visit: (file: FileNode, path: string) => void): void {
    // One concatenation per entry: the folder's `prefix/` is built once, not once per child.
    const base = prefix === "" ? "" : `${prefix}/`;
    for (const child of this.childrenForWalk(folder)) {
      if (child.kind === "file") visit(child, base + child.name);
      else if (maxDepth > 0) this.walkFiles(child, base + child.name, maxDepth - 1, visit);
    }
  }

  /** Visits the folders below `folder` down to `maxDepth` levels (pre-order, walk order). */
  walkFolders(folder: FolderNode, prefix: string, maxDepth: number, visit: (folder: FolderNode, path: string) => void): void {
    const base = prefix === "" ? "" : `${prefix}/`;
    for (const child of this.childrenForWalk(folder)) {
      if (child.kind !== "folder") continue;
      const path = base + child.name;
      visit(child, path);
      if (maxDepth > 0) this.walkFolders(child, path, maxDepth - 1, visit);
    }
  }
}

/** A deep copy of a folder's subtree; files share their immutable content and get `modifiedAt`. O(n) nodes, no data copied. */
export function cloneFolder(folder: FolderNode, name: string, modifiedAt: number): FolderNode {
  const copy = newFolder(name);
  for (const child of folder.children.values()) {
    const cloned: TreeNode =
      child.kind === "file"
        ? newFile(child.name, { content: child.content, offset: child.offset, size: child.size, modifiedAt, contentType: child.contentType, metadata: child.metadata })
        : cloneFolder(child, child.name, modifiedAt);
    cloned.parent = copy;
    copy.children.set(cloned.name, cloned);
  }
  invalidateOrder(copy);
  copy.fileCount = folder.fileCount;
  copy.totalSize = folder.totalSize;
  copy.newest = folder.fileCount > 0 ? modifiedAt : Number.NEGATIVE_INFINITY;
  return copy;
}

/**
 * True when one of the folder's orders is cached and the other would be the same: name and
 * walk order differ only when a subfolder is among the children. O(k), cheaper than a sort.
 */
function sameOrders(folder: FolderNode): boolean {
  const cached = folder.byName ?? folder.byWalk;
  return cached !== undefined && cached.every((child) => child.kind === "file");
}

function walkKey(node: TreeNode): string {
  return node.kind === "folder" ? `${node.name}/` : node.name;
}

/**
 * Updates the folder's cached orders for a child just added: a child that sorts after the last
 * one is appended (names arriving in order, as in most bulk writes, keep the listing order without
 * a sort); otherwise the order is dropped, to be rebuilt when asked for. O(1) amortised.
 */
function keepOrders(folder: FolderNode, added: TreeNode): void {
  const { byName, byWalk } = folder;
  const nameKept = byName !== undefined && sortsLast(byName, added, nameOf);
  const walkKept = byWalk !== undefined && sortsLast(byWalk, added, walkKey);
  if (nameKept) byName.push(added);
  else folder.byName = undefined;
  // One array may serve both orders: push only once.
  if (!walkKept) folder.byWalk = undefined;
  else if (byWalk !== byName || !nameKept) byWalk.push(added);
}

/** True when `node` sorts after the last entry of `order` by `key`. */
function sortsLast(order: readonly TreeNode[], node: TreeNode, key: (node: TreeNode) => string): boolean {
  const last = order[order.length - 1];
  return last === undefined || compareCodePoints(key(last), key(node)) < 0;
}

function nameOf(node: TreeNode): string {
  return node.name;
}

function invalidateOrder(folder: FolderNode): void {
  folder.byName = undefined;
  folder.byWalk = undefined;
}

/** What a node adds to its ancestors' aggregates. A stale `newest` is an upper bound, so ancestors become stale too. */
function contribution(node: TreeNode): { count: number; size: number; newest: number; stale: boolean } {
  if (node.kind === "file") return { count: 1, size: node.size, newest: node.modifiedAt, stale: false };
  return { count: node.fileCount, size: node.totalSize, newest: node.newest, stale: node.newestStale };
}
