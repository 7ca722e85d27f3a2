import type { Metadata } from "../../contract/models.js";

/** File content: one immutable array, or immutable chunks in order (never mutated once stored). */
export type FileContent = Uint8Array | readonly Uint8Array[];

/**
 * Stored content, owned by the tree (never mutated): the bytes are `[offset, offset + size)` of
 * `content`. `offset` is non-zero only for a single array (a shared slab, spec MEM-004).
 */
export interface StoredContent {
  readonly content: FileContent;
  readonly offset: number;
  readonly size: number;
}

/** Stored content that is all of its arrays: a copy of its own, or chunks in order. */
export interface WholeContent extends StoredContent {
  readonly offset: 0;
}

/** Content the tree may own outright, as stored content. */
export function storedWhole(content: FileContent, size: number): WholeContent {
  return { content, offset: 0, size };
}

/** A file in the memory tree. Its content, content type and metadata are immutable values. */
export interface FileNode {
  readonly kind: "file";
  name: string;
  parent: FolderNode | undefined;
  /** Holds the file's bytes at `[offset, offset + size)`; `offset` is non-zero only in a shared slab (MEM-004). */
  content: FileContent;
  offset: number;
  size: number;
  /** Milliseconds since the epoch. */
  modifiedAt: number;
  contentType: string;
  metadata: Metadata | undefined;
}

/**
 * A folder in the memory tree, with running aggregates over its whole subtree
 * (file count, total bytes, newest modification time).
 */
export interface FolderNode {
  readonly kind: "folder";
  name: string;
  parent: FolderNode | undefined;
  readonly children: Map<string, TreeNode>;
  /**
   * Children in name order, or `undefined` after a change that did not keep it (it is kept while
   * children are added in that order); rebuilt when asked for. May be the same array as `byWalk`.
   */
  byName: TreeNode[] | undefined;
  /** Children in walk order (folders compare as `name + "/"`), kept and rebuilt as `byName`. */
  byWalk: TreeNode[] | undefined;
  fileCount: number;
  totalSize: number;
  /** Newest file modification time below, `-Infinity` when none; valid unless `newestStale`. */
  newest: number;
  newestStale: boolean;
}

/** A node of the tree. */
export type TreeNode = FileNode | FolderNode;

/** A new empty folder node. */
export function newFolder(name: string): FolderNode {
  // No children: both orders are known, and the same.
  const order: TreeNode[] = [];
  return {
    kind: "folder",
    name,
    parent: undefined,
    children: new Map(),
    byName: order,
    byWalk: order,
    fileCount: 0,
    totalSize: 0,
    newest: Number.NEGATIVE_INFINITY,
    newestStale: false,
  };
}

/** What a new file node holds. */
export interface FileFields {
  readonly content: FileContent;
  readonly offset: number;
  readonly size: number;
  readonly modifiedAt: number;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
}

/** A new detached file node. */
export function newFile(name: string, fields: FileFields): FileNode {
  // Spelled out rather than spread: one fixed object shape, 32 bytes smaller per file.
  return {
    kind: "file",
    name,
    parent: undefined,
    content: fields.content,
    offset: fields.offset,
    size: fields.size,
    modifiedAt: fields.modifiedAt,
    contentType: fields.contentType,
    metadata: fields.metadata,
  };
}
