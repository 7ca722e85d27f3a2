import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange, EntryKind } from "../../contract/backend.js";
import type {
  BackendMultipartOptions,
  FolderOperations,
  MultipartOperations,
  MultipartUploadInfo,
  PartInfo,
} from "../../contract/backend-extensions.js";
import { CAPABILITIES, capabilitySet, type CapabilitySet } from "../../contract/capabilities.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import { freshSnapshotIterable } from "../../shared/listing/snapshot-iterable.js";
import { copyOf, streamRange } from "./file-content.js";
import { drainContent } from "./stream-receiver.js";
import { MemoryCore } from "./memory-core.js";
import { storedWhole, type StoredContent } from "./nodes.js";
import type { MemoryBackendOptions } from "./memory-options.js";
import { SlabCopier } from "./slab.js";
import { MemorySyncBackend } from "./memory-sync.js";
import type { SyncBackend } from "../../contract/sync-backend.js";
import type { BackendWatch, BackendWatchOptions } from "../../contract/watch.js";

const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/** The memory backend implements every capability there is. */
const MEMORY_CAPABILITIES = capabilitySet(CAPABILITIES);

/**
 * A real in-memory file tree (spec MEM-*): folders are nodes, empty folders persist, listings
 * come in code point order, and every mutation is applied in one synchronous step, so it is
 * atomic with respect to every other operation. Costs are listed in spec/memory-backend.md.
 *
 * This class adapts the synchronous {@link MemoryCore} to the async Backend contract; the
 * same core is reachable synchronously through `SyncStore`.
 */
export class MemoryBackend implements Backend, FolderOperations, MultipartOperations {
  /** Everything this backend declares: all capabilities. */
  readonly capabilities: CapabilitySet = MEMORY_CAPABILITIES;
  /** @internal The synchronous implementation, shared with `SyncStore`. */
  readonly core: MemoryCore;
  /** Every result is a new frozen object with a new `Date`, kept by nobody else (see `Backend.freshResults`). */
  readonly freshResults = true;
  /** The same tree without promises, for `SyncStore` (spec SYNC-001). */
  readonly sync: SyncBackend;
  private readonly slabs = new SlabCopier();

  constructor(options: MemoryBackendOptions = {}) {
    this.core = new MemoryCore(options);
    this.sync = new MemorySyncBackend(this.core, this.slabs);
  }

  /** The backend's name, used in URLs (`memory://<name>/…`) and messages. */
  get name(): string {
    return this.core.name;
  }

  /** The size limit in bytes (`Infinity` when unlimited). */
  get maxSize(): number {
    return this.core.maxSize;
  }

  /** Bytes stored in all files. O(1). */
  get usedBytes(): number {
    return this.core.usedBytes;
  }

  async kindOf(path: string): Promise<EntryKind | undefined> {
    return this.core.kindOf(path);
  }

  async exists(path: string): Promise<boolean> {
    return this.core.exists(path);
  }

  async isFile(path: string): Promise<boolean> {
    return this.core.isFile(path);
  }

  async isFolder(path: string): Promise<boolean> {
    return this.core.isFolder(path);
  }

  /** A lazy stream over a snapshot of the content: a later overwrite does not affect it. */
  async read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    const { content, start, end } = this.core.readRange(path, range);
    return streamRange(content, start, end);
  }

  async readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    return this.core.readBytes(path, range);
  }

  async write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    // Whole bytes need no early check: `put` makes every check, in the same order, before storing.
    if (content instanceof Uint8Array) return this.core.put(path, this.slabs.copy(content), options);
    return this.core.put(path, await this.receive(path, content, options.overwrite), options);
  }

  /** Every memory write is atomic: nothing is visible until the whole content has arrived. */
  async writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.write(path, content, options);
  }

  async delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    this.core.delete(path, options);
  }

  async deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    this.core.deleteFolder(path, options);
  }

  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    return freshSnapshotIterable(() => this.core.listFiles(path, options.maxDepth));
  }

  listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    return freshSnapshotIterable(() => this.core.listFolders(path, options.maxDepth));
  }

  iterChildren(path: string): AsyncIterable<Entry> {
    return freshSnapshotIterable(() => this.core.iterChildren(path));
  }

  async getFileInfo(path: string): Promise<FileInfo> {
    return this.core.getFileInfo(path);
  }

  async getFolderInfo(path: string): Promise<FolderInfo> {
    return this.core.getFolderInfo(path);
  }

  /** Re-links the same node: O(depth), no data copied. */
  async move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.core.move(src, dst, options);
  }

  /** Shares the immutable content with the source: O(depth), no data copied. */
  async copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.core.copy(src, dst, options);
  }

  async createFolder(path: string, options: { readonly existOk: boolean }): Promise<void> {
    this.core.createFolder(path, options);
  }

  /** Re-links one node: O(depth), whatever the size of the subtree. */
  async moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.core.moveFolder(src, dst, options);
  }

  /** Clones the subtree's nodes, sharing immutable content: O(nodes), no data copied. */
  async copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.core.copyFolder(src, dst, options);
  }

  async startMultipartUpload(path: string, options: BackendMultipartOptions): Promise<string> {
    return this.core.startMultipartUpload(path, options);
  }

  async uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    this.core.listParts(uploadId);
    const stored = content instanceof Uint8Array ? storedWhole(copyOf(content), content.length) : await drainContent(content, () => undefined);
    return this.core.uploadPart(uploadId, partNumber, stored);
  }

  async listParts(uploadId: string): Promise<PartInfo[]> {
    return this.core.listParts(uploadId);
  }

  /** Assembles the parts by reference: no data copied. */
  async completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    return this.core.completeMultipartUpload(uploadId, parts);
  }

  async abortMultipartUpload(uploadId: string): Promise<void> {
    this.core.abortMultipartUpload(uploadId);
  }

  async listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    return this.core.listMultipartUploads();
  }

  async url(path: string): Promise<string> {
    return this.core.url(path);
  }

  /** Reports every change of the tree (spec WATCH-040); the watch code loads with the first watch. */
  async watch(path: string, options: BackendWatchOptions): Promise<BackendWatch> {
    return (await import("./core-watch.js")).watchCore(this.core, path, options);
  }

  /** Frees the tree; every later call rejects with `BackendUnavailable`. Idempotent. */
  async close(): Promise<void> {
    this.core.close();
  }

  /** `MemoryBackend(name, files=N, bytes=M)`. */
  toString(): string {
    return `MemoryBackend(${this.name}, files=${this.core.fileCount}, bytes=${this.core.usedBytes})`;
  }

  /** `util.inspect` (console.log, the Node REPL) shows {@link MemoryBackend.toString}. */
  [INSPECT](): string {
    return this.toString();
  }

  /** Copies content into immutable stored form: one copy, chunk by chunk for streams, failing early over quota. */
  private async receive(path: string, content: BackendContent, overwrite: boolean): Promise<StoredContent> {
    this.core.checkWritable(path, overwrite);
    if (content instanceof Uint8Array) return this.slabs.copy(content);
    return drainContent(content, (received) => this.core.checkReceived(path, received, overwrite));
  }
}
