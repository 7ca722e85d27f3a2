import type { BackendWriteOptions, ByteRange, EntryKind } from "../../contract/backend.js";
import type { BackendMultipartOptions, MultipartUploadInfo, PartInfo } from "../../contract/backend-extensions.js";
import { AlreadyExists, BackendUnavailable, DirectoryNotEmpty, InvalidArgument, InvalidPath, NotFound, QuotaExceeded } from "../../errors/classes.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, Metadata, WriteResult } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/compare.js";
import { clipRange, copyRange } from "./file-content.js";
import { checkMemoryOptions, type MemoryBackendOptions } from "./memory-options.js";
import { newFile, storedWhole, type FileContent, type FileNode, type FolderNode, type StoredContent, type TreeNode, type WholeContent } from "./nodes.js";
import { MultipartUploads } from "./multipart-uploads.js";
import { blockedError, fileTarget, folderTarget, type ErrorFactory, type Target } from "./targets.js";
import { cloneFolder, MemoryTree } from "./tree.js";

/**
 * The memory backend's semantics, synchronously (spec MEM-001): the Backend contract's rules
 * on top of the tree — errors, quota, clock, multipart state. `MemoryBackend` adapts it to the
 * async contract and `SyncStore` exposes it directly. Paths are normalised backend paths.
 */
export class MemoryCore {
  /** The backend's name, used in URLs (`memory://<name>/…`) and messages. */
  readonly name: string;
  /** The size limit in bytes (`Infinity` when unlimited). */
  readonly maxSize: number;
  private readonly clock: () => Date;
  /** No `clock` option: read the time without allocating a `Date`. */
  private readonly defaultClock: boolean;
  /** @internal The data structure. */
  tree = new MemoryTree();
  private readonly uploads = new MultipartUploads();
  private closed = false;

  constructor(options: MemoryBackendOptions = {}) {
    const checked = checkMemoryOptions(options);
    this.name = checked.name;
    this.maxSize = checked.maxSize;
    this.clock = checked.clock;
    this.defaultClock = options.clock === undefined;
  }

  /** Bytes stored in all files. O(1). */
  get usedBytes(): number {
    return this.tree.root.totalSize;
  }

  kindOf(path: string): EntryKind | undefined {
    this.assertOpen();
    return this.tree.findPath(path)?.kind;
  }

  exists(path: string): boolean {
    this.assertOpen();
    return this.tree.findPath(path) !== undefined;
  }

  isFile(path: string): boolean {
    this.assertOpen();
    return this.tree.findPath(path)?.kind === "file";
  }

  isFolder(path: string): boolean {
    this.assertOpen();
    return this.tree.findPath(path)?.kind === "folder";
  }

  /** The file's immutable content and the clipped range, for streaming reads. */
  readRange(path: string, range: ByteRange): { content: FileContent; start: number; end: number } {
    const file = this.fileAt(path);
    const { start, end } = clipRange(file.size, range);
    return { content: file.content, start: file.offset + start, end: file.offset + end };
  }

  readBytes(path: string, range: ByteRange): Uint8Array {
    const file = this.fileAt(path);
    const { start, end } = clipRange(file.size, range);
    return copyRange(file.content, file.offset + start, file.offset + end);
  }

  delete(path: string, options: { readonly missingOk: boolean }): void {
    this.assertOpen();
    const node = this.tree.findPath(path);
    if (node?.kind === "folder") throw this.error(InvalidPath, "Not a file", path);
    if (node === undefined) {
      if (options.missingOk) return;
      throw this.error(NotFound, "File not found", path);
    }
    this.tree.detach(node);
  }

  deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): void {
    this.assertOpen();
    const node = this.tree.findPath(path);
    if (node?.kind === "file") throw this.error(InvalidPath, "Not a folder", path);
    if (node === undefined) {
      if (options.missingOk) return;
      throw this.error(NotFound, "Folder not found", path);
    }
    if (!options.recursive && node.children.size > 0) throw this.error(DirectoryNotEmpty, "Folder not empty", path);
    this.tree.detach(node);
  }

  listFiles(path: string, maxDepth: number): FileInfo[] {
    const folder = this.folderOrNothing(path);
    if (folder === undefined) return [];
    // A whole subtree's file count is known (MEM-003): fill an array of that length instead of growing one.
    const files: FileInfo[] = maxDepth === Number.POSITIVE_INFINITY ? new Array<FileInfo>(folder.fileCount) : [];
    let count = 0;
    this.tree.walkFiles(folder, path, maxDepth, (file, filePath) => {
      files[count++] = fileInfo(file, filePath);
    });
    files.length = count;
    return files;
  }

  listFolders(path: string, maxDepth: number): FolderEntry[] {
    const folder = this.folderOrNothing(path);
    const folders: FolderEntry[] = [];
    if (folder !== undefined) this.tree.walkFolders(folder, path, maxDepth, (node, folderPath) => folders.push(folderEntry(node, folderPath)));
    folders.sort((a, b) => compareCodePoints(a.path, b.path));
    return folders;
  }

  iterChildren(path: string): Entry[] {
    const folder = this.folderOrNothing(path);
    if (folder === undefined) return [];
    const base = path === "" ? "" : `${path}/`;
    return this.tree.childrenByName(folder).map((child) => {
      const childPath = base + child.name;
      return child.kind === "file" ? fileInfo(child, childPath) : folderEntry(child, childPath);
    });
  }

  getFileInfo(path: string): FileInfo {
    return fileInfo(this.fileAt(path), path);
  }

  getFolderInfo(path: string): FolderInfo {
    this.assertOpen();
    const node = this.tree.findPath(path);
    if (node === undefined) throw this.error(NotFound, "Folder not found", path);
    if (node.kind === "file") throw this.error(InvalidPath, "Not a folder", path);
    const newest = this.tree.newestBelow(node);
    return Object.freeze({
      path,
      fileCount: node.fileCount,
      totalSize: node.totalSize,
      ...(newest === Number.NEGATIVE_INFINITY ? {} : { modifiedAt: new Date(newest) }),
    });
  }

  /** Re-links the same node: O(depth), no data copied. */
  move(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    const source = this.fileAt(src, "Source not found");
    if (src === dst) return;
    const target = this.fileTarget(dst, options.overwrite, 0);
    if (target.existing !== undefined) this.tree.detach(target.existing);
    this.tree.detach(source);
    source.name = target.name;
    this.tree.attach(this.tree.makeFolders(target.deepest, target.parents, target.missingAt), source);
  }

  /** Shares the immutable content with the source: O(depth), no data copied. */
  copy(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    const source = this.fileAt(src, "Source not found");
    if (src === dst) return;
    const target = this.fileTarget(dst, options.overwrite, source.size);
    const fields = {
      content: source.content,
      offset: source.offset,
      size: source.size,
      modifiedAt: this.now(),
      contentType: source.contentType,
      metadata: source.metadata,
    };
    this.commit(target, fields);
  }

  createFolder(path: string, options: { readonly existOk: boolean }): void {
    this.assertOpen();
    const segments = split(path);
    const resolution = this.tree.resolve(segments);
    if (resolution.found?.kind === "file") throw this.error(InvalidPath, "A file exists at", path);
    if (resolution.found !== undefined) {
      if (options.existOk) return;
      throw this.error(AlreadyExists, "Folder already exists", path);
    }
    if (resolution.blockedBy !== undefined) throw blockedError(this, path, segments, resolution.blockedAt);
    this.tree.makeFolders(resolution.deepest, segments, resolution.missingAt);
  }

  /** Re-links one node: O(depth), whatever the size of the subtree. */
  moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    const source = this.folderAt(src);
    const target = this.folderTarget(dst, options.overwrite, 0);
    if (target.existing !== undefined) this.tree.detach(target.existing);
    this.tree.detach(source);
    source.name = target.name;
    this.tree.attach(this.tree.makeFolders(target.deepest, target.parents, target.missingAt), source);
  }

  /** Clones the subtree's nodes, sharing immutable content: O(nodes), no data copied. */
  copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    const source = this.folderAt(src);
    const target = this.folderTarget(dst, options.overwrite, source.totalSize);
    const copy = cloneFolder(source, target.name, this.now());
    if (target.existing !== undefined) this.tree.detach(target.existing);
    this.tree.attach(this.tree.makeFolders(target.deepest, target.parents, target.missingAt), copy);
  }

  startMultipartUpload(path: string, options: BackendMultipartOptions): string {
    this.fileTarget(path, options.overwrite, 0);
    return this.uploads.start(path, options, this.now());
  }

  /** Stores a part whose content the caller has already copied. */
  uploadPart(uploadId: string, partNumber: number, stored: WholeContent): PartInfo {
    const path = this.activeUpload(uploadId);
    const part = this.uploads.putPart(uploadId, partNumber, stored.content, stored.size);
    if (part === undefined) throw this.error(NotFound, `Upload ${uploadId} is no longer active`, path);
    return part;
  }

  listParts(uploadId: string): PartInfo[] {
    this.activeUpload(uploadId);
    return this.uploads.parts(uploadId) ?? [];
  }

  /** Assembles the parts by reference: no data copied. */
  completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): WriteResult {
    const path = this.activeUpload(uploadId);
    const assembled = this.uploads.assemble(uploadId, parts);
    if (assembled === undefined) throw this.error(NotFound, `Upload ${uploadId} is no longer active`, path);
    if ("reason" in assembled) {
      throw this.error(InvalidArgument, `Part ${assembled.partNumber} is ${assembled.reason === "stale" ? "not the latest upload of that part (stale etag)" : "not uploaded"} in upload ${uploadId}`, path);
    }
    const result = this.put(path, storedWhole(assembled.content, assembled.size), assembled.options);
    this.uploads.end(uploadId);
    return result;
  }

  abortMultipartUpload(uploadId: string): void {
    const path = this.activeUpload(uploadId);
    if (!this.uploads.end(uploadId)) throw this.error(NotFound, `Upload ${uploadId} is no longer active`, path);
  }

  listMultipartUploads(): MultipartUploadInfo[] {
    this.assertOpen();
    return this.uploads.list();
  }

  url(path: string): string {
    this.assertOpen();
    return `memory://${encodeURIComponent(this.name)}/${path.split("/").map(encodeURIComponent).join("/")}`;
  }

  /** Frees the tree; every later call throws `BackendUnavailable`. Idempotent. */
  close(): void {
    this.closed = true;
    this.tree = new MemoryTree();
    this.uploads.clear();
  }

  /** Number of files stored. O(1). */
  get fileCount(): number {
    return this.tree.root.fileCount;
  }

  /**
   * Places content the tree may own (already copied) at `path`, checking everything again at
   * commit time so that concurrent writers are serialised (spec MEM-005).
   */
  put(path: string, stored: StoredContent, options: BackendWriteOptions): WriteResult {
    const target = this.fileTarget(path, options.overwrite, stored.size);
    const modifiedAt = options.modifiedAt?.getTime() ?? this.now();
    const metadata = frozenMetadata(options.metadata);
    this.commit(target, { content: stored.content, offset: stored.offset, size: stored.size, modifiedAt, contentType: options.contentType, metadata });
    const { size } = stored;
    const { contentType } = options;
    if (metadata === undefined) return Object.freeze({ path, size, modifiedAt: new Date(modifiedAt), contentType });
    return Object.freeze({ path, size, modifiedAt: new Date(modifiedAt), contentType, metadata: metadataCopy(metadata) });
  }

  /** Fails fast, before any content is drained, when a write to `path` cannot succeed now. */
  checkWritable(path: string, overwrite: boolean): void {
    this.fileTarget(path, overwrite, 0);
  }

  private folderAt(path: string): FolderNode {
    this.assertOpen();
    const node = this.tree.findPath(path);
    if (node === undefined) throw this.error(NotFound, "Folder not found", path);
    if (node.kind === "file") throw this.error(InvalidPath, "Not a folder", path);
    return node;
  }

  private activeUpload(uploadId: string): string {
    this.assertOpen();
    const path = this.uploads.pathOf(uploadId);
    if (path === undefined) throw this.error(NotFound, `Upload ${uploadId} is not active`, "");
    return path;
  }

  private fileTarget(path: string, overwrite: boolean, size: number): Target<FileNode> {
    this.assertOpen();
    return fileTarget(this, path, overwrite, size);
  }

  private folderTarget(path: string, overwrite: boolean, size: number): Target<FolderNode> {
    this.assertOpen();
    return folderTarget(this, path, overwrite, size);
  }

  private commit(target: Target<FileNode>, fields: Omit<FileNode, "kind" | "name" | "parent">): void {
    if (target.existing !== undefined) {
      this.tree.replaceFile(target.existing, fields);
      return;
    }
    const parent = this.tree.makeFolders(target.deepest, target.parents, target.missingAt);
    this.tree.attach(parent, newFile(target.name, fields));
  }

  /** Throws `QuotaExceeded` once a streamed write has received more than the store could hold now. */
  checkReceived(path: string, received: number, overwrite: boolean): void {
    if (this.tree.root.totalSize + received <= this.maxSize) return;
    const existing = overwrite ? this.tree.findPath(path) : undefined;
    const freed = existing?.kind === "file" ? existing.size : 0;
    if (this.tree.root.totalSize - freed + received > this.maxSize) {
      throw this.error(QuotaExceeded, `Writing more than ${received - 1} bytes would exceed the ${this.maxSize}-byte limit`, path);
    }
  }

  private fileAt(path: string, missing = "File not found"): FileNode {
    this.assertOpen();
    const node = this.tree.findPath(path);
    if (node === undefined) throw this.error(NotFound, missing, path);
    if (node.kind === "folder") throw this.error(InvalidPath, "Not a file", path);
    return node;
  }

  private folderOrNothing(path: string): FolderNode | undefined {
    this.assertOpen();
    const node = this.tree.findPath(path);
    return node?.kind === "folder" ? node : undefined;
  }

  private now(): number {
    return this.defaultClock ? Date.now() : this.clock().getTime();
  }

  /** Builds this backend's errors (used by the placement checks too). */
  readonly error: ErrorFactory = (kind, what, path, paths) => new kind(`${what}: {path} (backend ${this.name})`, { path, ...(paths === undefined ? {} : { paths }), backend: this.name });

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable(`Backend ${this.name} is closed`, { backend: this.name });
  }
}

function split(path: string): string[] {
  return path === "" ? [] : path.split("/");
}

/**
 * Metadata as the tree keeps it: a frozen object nobody else can change (a Store passes frozen
 * copies already; a caller of the backend itself may change its object after the call).
 */
function frozenMetadata(metadata: Metadata | undefined): Metadata | undefined {
  return metadata === undefined || Object.isFrozen(metadata) ? metadata : Object.freeze({ ...metadata });
}

/** A new frozen copy for one result, so that results share nothing (see `Backend.freshResults`). */
function metadataCopy(metadata: Metadata): Metadata {
  return Object.freeze({ ...metadata });
}

function fileInfo(file: FileNode, path: string): FileInfo {
  // Two literals rather than a spread: no temporary objects, one fixed shape each.
  const { name, size, contentType, metadata } = file;
  const modifiedAt = new Date(file.modifiedAt);
  if (metadata === undefined) return Object.freeze({ kind: "file", path, name, size, modifiedAt, contentType });
  return Object.freeze({ kind: "file", path, name, size, modifiedAt, contentType, metadata: metadataCopy(metadata) });
}

function folderEntry(node: TreeNode, path: string): FolderEntry {
  return Object.freeze({ kind: "folder", path, name: node.name });
}
