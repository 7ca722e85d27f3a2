import type { BackendListOptions, BackendWriteOptions, ByteRange } from "./backend.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "./models.js";

/**
 * The synchronous face of a backend whose operations complete at once (the memory backend's
 * `sync`), used by `SyncStore` (spec SYNC-001). Same paths, errors and results as the
 * {@link Backend} method of the same name; content is whole, and listings are arrays.
 */
export interface SyncBackend {
  /** The backend's name (as `Backend.name`). */
  readonly name: string;
  exists(path: string): boolean;
  isFile(path: string): boolean;
  isFolder(path: string): boolean;
  readBytes(path: string, range: ByteRange): Uint8Array;
  /** Writes whole content; the backend copies `content` (it must not keep the caller's array). */
  write(path: string, content: Uint8Array, options: BackendWriteOptions): WriteResult;
  delete(path: string, options: { readonly missingOk: boolean }): void;
  deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): void;
  listFiles(path: string, options: BackendListOptions): FileInfo[];
  listFolders(path: string, options: BackendListOptions): FolderEntry[];
  iterChildren(path: string): Entry[];
  getFileInfo(path: string): FileInfo;
  getFolderInfo(path: string): FolderInfo;
  move(src: string, dst: string, options: { readonly overwrite: boolean }): void;
  copy(src: string, dst: string, options: { readonly overwrite: boolean }): void;
  createFolder(path: string, options: { readonly existOk: boolean }): void;
}
