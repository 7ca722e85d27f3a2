import type { BackendListOptions, BackendWriteOptions, ByteRange } from "../../contract/backend.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import type { SyncBackend } from "../../contract/sync-backend.js";
import type { MemoryCore } from "./memory-core.js";
import type { SlabCopier } from "./slab.js";

/** The memory backend's synchronous face (spec SYNC-001): the same tree, no promises. */
export class MemorySyncBackend implements SyncBackend {
  constructor(
    private readonly core: MemoryCore,
    private readonly slabs: SlabCopier,
  ) {}

  get name(): string {
    return this.core.name;
  }

  exists(path: string): boolean {
    return this.core.exists(path);
  }

  isFile(path: string): boolean {
    return this.core.isFile(path);
  }

  isFolder(path: string): boolean {
    return this.core.isFolder(path);
  }

  readBytes(path: string, range: ByteRange): Uint8Array {
    return this.core.readBytes(path, range);
  }

  write(path: string, content: Uint8Array, options: BackendWriteOptions): WriteResult {
    return this.core.put(path, this.slabs.copy(content), options);
  }

  delete(path: string, options: { readonly missingOk: boolean }): void {
    this.core.delete(path, options);
  }

  deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): void {
    this.core.deleteFolder(path, options);
  }

  listFiles(path: string, options: BackendListOptions): FileInfo[] {
    return this.core.listFiles(path, options.maxDepth);
  }

  listFolders(path: string, options: BackendListOptions): FolderEntry[] {
    return this.core.listFolders(path, options.maxDepth);
  }

  iterChildren(path: string): Entry[] {
    return this.core.iterChildren(path);
  }

  getFileInfo(path: string): FileInfo {
    return this.core.getFileInfo(path);
  }

  getFolderInfo(path: string): FolderInfo {
    return this.core.getFolderInfo(path);
  }

  move(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    this.core.move(src, dst, options);
  }

  copy(src: string, dst: string, options: { readonly overwrite: boolean }): void {
    this.core.copy(src, dst, options);
  }

  createFolder(path: string, options: { readonly existOk: boolean }): void {
    this.core.createFolder(path, options);
  }
}
