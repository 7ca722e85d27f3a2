import type { Backend } from "../contract/backend.js";
import type { FileInfo, FolderInfo, Metadata, WriteResult } from "../contract/models.js";
import type { RootScope } from "../paths/root-scope.js";

function copyMetadata(metadata: Metadata | undefined): Metadata | undefined {
  return metadata === undefined ? undefined : Object.freeze({ ...metadata });
}

/** A frozen store-relative copy of a backend `FileInfo`. */
export function freezeFileInfo(info: FileInfo, scope: RootScope): FileInfo {
  const metadata = copyMetadata(info.metadata);
  return Object.freeze({
    kind: "file",
    path: scope.toStore(info.path),
    name: info.name,
    size: info.size,
    modifiedAt: new Date(info.modifiedAt.getTime()),
    ...(info.contentType === undefined ? {} : { contentType: info.contentType }),
    ...(metadata === undefined ? {} : { metadata }),
  });
}

/** A frozen store-relative copy of a listing entry. */
export function freezeEntry<T extends { readonly kind: "file" | "folder"; readonly path: string; readonly name: string }>(entry: T, scope: RootScope): T {
  if (entry.kind === "file") return freezeFileInfo(entry as unknown as FileInfo, scope) as unknown as T;
  return Object.freeze({ kind: "folder", path: scope.toStore(entry.path), name: entry.name }) as unknown as T;
}

/** A frozen store-relative copy of a backend `FolderInfo`. */
export function freezeFolderInfo(info: FolderInfo, scope: RootScope): FolderInfo {
  return Object.freeze({
    path: scope.toStore(info.path),
    fileCount: info.fileCount,
    totalSize: info.totalSize,
    ...(info.modifiedAt === undefined ? {} : { modifiedAt: new Date(info.modifiedAt.getTime()) }),
  });
}

/** A frozen store-relative copy of a backend `WriteResult`. */
export function freezeWriteResult(result: WriteResult, scope: RootScope): WriteResult {
  const metadata = copyMetadata(result.metadata);
  return Object.freeze({
    path: scope.toStore(result.path),
    size: result.size,
    ...(result.modifiedAt === undefined ? {} : { modifiedAt: new Date(result.modifiedAt.getTime()) }),
    ...(result.contentType === undefined ? {} : { contentType: result.contentType }),
    ...(metadata === undefined ? {} : { metadata }),
  });
}

/** How one Store turns backend results into its own: store-relative, frozen, owned by the caller. */
export interface ResultCopier {
  /** True when every conversion returns its argument itself (fresh results at the backend root). */
  readonly identity: boolean;
  readonly fileInfo: (info: FileInfo) => FileInfo;
  readonly entry: <T extends { readonly kind: "file" | "folder"; readonly path: string; readonly name: string }>(entry: T) => T;
  readonly folderInfo: (info: FolderInfo) => FolderInfo;
  readonly writeResult: (result: WriteResult) => WriteResult;
}

/** The conversions of a Store on `backend` under `scope`: copies, or pass-through for fresh results at the backend root. */
export function resultCopier(backend: Backend, scope: RootScope): ResultCopier {
  const fresh = scope.root === "" && backend.freshResults === true;
  if (!fresh) {
    return {
      identity: false,
      fileInfo: (info) => freezeFileInfo(info, scope),
      entry: (entry) => freezeEntry(entry, scope),
      folderInfo: (info) => freezeFolderInfo(info, scope),
      writeResult: (result) => freezeWriteResult(result, scope),
    };
  }
  return { identity: true, fileInfo: same, entry: same, folderInfo: same, writeResult: same };
}

function same<T>(value: T): T {
  return value;
}

/** The store root's info when its folder does not exist yet in the backend (spec ST-011, ST-081). */
export function emptyFolderInfo(path: string): FolderInfo {
  return Object.freeze({ path, fileCount: 0, totalSize: 0 });
}
