import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange } from "../../backend.js";
import { capabilitySet, type CapabilitySet } from "../../capabilities.js";
import {
  AlreadyExists,
  BackendUnavailable,
  DirectoryNotEmpty,
  InvalidPath,
  NotFound,
  QuotaExceeded,
  type RemoteStoreError,
  type RemoteStoreErrorOptions,
} from "../../errors/index.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../models.js";
import { compareCodePoints } from "../../paths/compare.js";
import { snapshotIterable } from "../../store/listing.js";
import { clipRange, copyRange, drainContent, streamRange } from "./file-content.js";
import { checkMemoryOptions, type MemoryBackendOptions } from "./memory-options.js";
import { newFile, type FileContent, type FileNode, type FolderNode, type TreeNode } from "./nodes.js";
import { MemoryTree } from "./tree.js";

const MEMORY_CAPABILITIES = capabilitySet([
  "read", "write", "delete", "list", "move", "copy", "atomicWrite", "atomicMove",
  "metadata", "userMetadata", "glob", "rangeRead", "url",
]);

type ErrorClass = new (message: string, options: RemoteStoreErrorOptions) => RemoteStoreError;

/**
 * A real in-memory file tree (spec MEM-*): folders are nodes, empty folders persist, listings
 * come in code point order, and every mutation is applied in one synchronous step, so it is
 * atomic with respect to every other operation. Costs are listed in spec/memory-backend.md.
 */
export class MemoryBackend implements Backend {
  /** The backend's name, used in URLs (`memory://<name>/…`) and messages. */
  readonly name: string;
  /** Everything this backend declares. */
  readonly capabilities: CapabilitySet = MEMORY_CAPABILITIES;
  /** The size limit in bytes (`Infinity` when unlimited). */
  readonly maxSize: number;
  private readonly clock: () => Date;
  private tree = new MemoryTree();
  private closed = false;

  constructor(options: MemoryBackendOptions = {}) {
    const checked = checkMemoryOptions(options);
    this.name = checked.name;
    this.maxSize = checked.maxSize;
    this.clock = checked.clock;
  }

  /** Bytes stored in all files. O(1). */
  get usedBytes(): number {
    return this.tree.root.totalSize;
  }

  async exists(path: string): Promise<boolean> {
    this.assertOpen();
    return this.tree.find(split(path)) !== undefined;
  }

  async isFile(path: string): Promise<boolean> {
    this.assertOpen();
    return this.tree.find(split(path))?.kind === "file";
  }

  async isFolder(path: string): Promise<boolean> {
    this.assertOpen();
    return this.tree.find(split(path))?.kind === "folder";
  }

  async read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    const file = this.fileAt(path);
    const { start, end } = clipRange(file.size, range);
    return streamRange(file.content, start, end);
  }

  async readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    const file = this.fileAt(path);
    const { start, end } = clipRange(file.size, range);
    return copyRange(file.content, start, end);
  }

  async write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.put(path, content, options);
  }

  /** Every memory write is atomic: nothing is visible until the whole content has arrived. */
  async writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.put(path, content, options);
  }

  async delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    this.assertOpen();
    const node = this.tree.find(split(path));
    if (node?.kind === "folder") throw this.error(InvalidPath, "Not a file", path);
    if (node === undefined) {
      if (options.missingOk) return;
      throw this.error(NotFound, "File not found", path);
    }
    this.tree.detach(node);
  }

  async deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    this.assertOpen();
    const node = this.tree.find(split(path));
    if (node?.kind === "file") throw this.error(InvalidPath, "Not a folder", path);
    if (node === undefined) {
      if (options.missingOk) return;
      throw this.error(NotFound, "Folder not found", path);
    }
    if (!options.recursive && node.children.size > 0) throw this.error(DirectoryNotEmpty, "Folder not empty", path);
    this.tree.detach(node);
  }

  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    return snapshotIterable(() => {
      const folder = this.folderOrNothing(path);
      const files: FileInfo[] = [];
      if (folder !== undefined) this.tree.walkFiles(folder, path, options.maxDepth, (file, filePath) => files.push(fileInfo(file, filePath)));
      return files;
    });
  }

  listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    return snapshotIterable(() => {
      const folder = this.folderOrNothing(path);
      const folders: FolderEntry[] = [];
      if (folder !== undefined) this.tree.walkFolders(folder, path, options.maxDepth, (node, folderPath) => folders.push(folderEntry(node, folderPath)));
      if (options.maxDepth > 0) folders.sort((a, b) => compareCodePoints(a.path, b.path));
      return folders;
    });
  }

  iterChildren(path: string): AsyncIterable<Entry> {
    return snapshotIterable(() => {
      const folder = this.folderOrNothing(path);
      if (folder === undefined) return [];
      return this.tree.childrenByName(folder).map((child) => {
        const childPath = path === "" ? child.name : `${path}/${child.name}`;
        return child.kind === "file" ? fileInfo(child, childPath) : folderEntry(child, childPath);
      });
    });
  }

  async getFileInfo(path: string): Promise<FileInfo> {
    return fileInfo(this.fileAt(path), path);
  }

  async getFolderInfo(path: string): Promise<FolderInfo> {
    this.assertOpen();
    const node = this.tree.find(split(path));
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
  async move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    const source = this.fileAt(src, "Source not found");
    if (src === dst) return;
    const target = this.prepareTarget(dst, options.overwrite, 0);
    if (target.existing !== undefined) this.tree.detach(target.existing);
    this.tree.detach(source);
    source.name = target.name;
    this.tree.attach(this.tree.makeFolders(target.deepest, target.parents, target.missingAt), source);
  }

  /** Shares the immutable content with the source: O(depth), no data copied. */
  async copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    const source = this.fileAt(src, "Source not found");
    if (src === dst) return;
    const target = this.prepareTarget(dst, options.overwrite, source.size);
    const fields = {
      content: source.content,
      size: source.size,
      modifiedAt: this.now(),
      contentType: source.contentType,
      metadata: source.metadata,
    };
    this.commit(target, fields);
  }

  async url(path: string): Promise<string> {
    this.assertOpen();
    return `memory://${encodeURIComponent(this.name)}/${path.split("/").map(encodeURIComponent).join("/")}`;
  }

  /** Frees the tree; every later call rejects with `BackendUnavailable`. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    this.tree = new MemoryTree();
  }

  /** `MemoryBackend(name, files=N, bytes=M)`. */
  toString(): string {
    return `MemoryBackend(${this.name}, files=${this.tree.root.fileCount}, bytes=${this.tree.root.totalSize})`;
  }

  private async put(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    this.prepareTarget(path, options.overwrite, 0);
    let stored: { content: FileContent; size: number };
    if (content instanceof Uint8Array) {
      stored = { content: content.slice(), size: content.length };
    } else {
      stored = await drainContent(content, (received) => this.checkQuota(path, received, options.overwrite));
    }
    const target = this.prepareTarget(path, options.overwrite, stored.size);
    const modifiedAt = this.now();
    this.commit(target, { ...stored, modifiedAt, contentType: options.contentType, metadata: options.metadata });
    return Object.freeze({
      path,
      size: stored.size,
      modifiedAt: new Date(modifiedAt),
      contentType: options.contentType,
      ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
    });
  }

  /**
   * Checks that a file may be placed at `path` holding `size` bytes, without changing anything:
   * no file in the way (`InvalidPath`), not a folder (`InvalidPath`), not an existing file unless
   * `overwrite` (`AlreadyExists`), within the quota (`QuotaExceeded`).
   */
  private prepareTarget(path: string, overwrite: boolean, size: number): Target {
    this.assertOpen();
    const segments = split(path);
    const resolution = this.tree.resolve(segments);
    if (resolution.found === undefined && resolution.blockedBy !== undefined) {
      const blocker = segments.slice(0, resolution.blockedAt + 1).join("/");
      throw this.error(InvalidPath, `Cannot create a folder where a file exists (${quotePath(blocker)})`, path);
    }
    const existing = resolution.found;
    if (existing?.kind === "folder") throw this.error(InvalidPath, "A folder exists at", path);
    if (existing !== undefined && !overwrite) throw this.error(AlreadyExists, "File already exists", path);
    const freed = existing?.size ?? 0;
    if (this.tree.root.totalSize - freed + size > this.maxSize) {
      throw this.error(QuotaExceeded, `Writing ${size} bytes would exceed the ${this.maxSize}-byte limit`, path);
    }
    const name = segments[segments.length - 1] as string;
    const parents = segments.slice(0, -1);
    if (existing !== undefined) return { parents, name, existing, deepest: existing.parent as FolderNode, missingAt: parents.length };
    const notFound = resolution as { deepest: FolderNode; missingAt: number };
    return { parents, name, existing: undefined, deepest: notFound.deepest, missingAt: notFound.missingAt };
  }

  private commit(target: Target, fields: Omit<FileNode, "kind" | "name" | "parent">): void {
    if (target.existing !== undefined) {
      this.tree.replaceFile(target.existing, fields);
      return;
    }
    const parent = this.tree.makeFolders(target.deepest, target.parents, target.missingAt);
    this.tree.attach(parent, newFile(target.name, fields));
  }

  private checkQuota(path: string, received: number, overwrite: boolean): void {
    if (this.tree.root.totalSize + received <= this.maxSize) return;
    const existing = overwrite ? this.tree.find(split(path)) : undefined;
    const freed = existing?.kind === "file" ? existing.size : 0;
    if (this.tree.root.totalSize - freed + received > this.maxSize) {
      throw this.error(QuotaExceeded, `Writing more than ${received - 1} bytes would exceed the ${this.maxSize}-byte limit`, path);
    }
  }

  private fileAt(path: string, missing = "File not found"): FileNode {
    this.assertOpen();
    const node = this.tree.find(split(path));
    if (node === undefined) throw this.error(NotFound, missing, path);
    if (node.kind === "folder") throw this.error(InvalidPath, "Not a file", path);
    return node;
  }

  private folderOrNothing(path: string): FolderNode | undefined {
    this.assertOpen();
    const node = this.tree.find(split(path));
    return node?.kind === "folder" ? node : undefined;
  }

  private now(): number {
    return this.clock().getTime();
  }

  private error(kind: ErrorClass, what: string, path: string): RemoteStoreError {
    return new kind(`${what}: ${quotePath(path)} (backend ${this.name})`, { path, backend: this.name });
  }

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable(`Backend ${this.name} is closed`, { backend: this.name });
  }
}

/** Where a write lands: an existing file to replace, or the folders to create and the new name. */
interface Target {
  /** The parent folder's segments; those from `missingAt` on do not exist yet. */
  readonly parents: readonly string[];
  readonly name: string;
  readonly existing: FileNode | undefined;
  readonly deepest: FolderNode;
  readonly missingAt: number;
}

function split(path: string): string[] {
  return path === "" ? [] : path.split("/");
}

function fileInfo(file: FileNode, path: string): FileInfo {
  return Object.freeze({
    kind: "file",
    path,
    name: file.name,
    size: file.size,
    modifiedAt: new Date(file.modifiedAt),
    contentType: file.contentType,
    ...(file.metadata === undefined ? {} : { metadata: file.metadata }),
  });
}

function folderEntry(node: TreeNode, path: string): FolderEntry {
  return Object.freeze({ kind: "folder", path, name: node.name });
}
