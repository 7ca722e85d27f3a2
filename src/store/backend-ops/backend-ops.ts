import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange, EntryKind } from "../../contract/backend.js";
import type { Capability } from "../../contract/capabilities.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import { CapabilityNotSupported } from "../../errors/classes.js";
import { collectStream } from "../../shared/streams/range-stream.js";
import { deleteFolderByFiles } from "./delete-folder-fallback.js";
import { folderInfoFromFiles } from "./folder-info-fallback.js";
import { childrenFromListings, foldersFromFiles } from "./listing-fallbacks.js";

/**
 * Every operation the Store runs on a backend, always present (spec BE-020): the backend's own
 * method where it has one, else the Store's fallback, built once per backend. A gated method the
 * backend does not declare rejects with `CapabilityNotSupported` (the Store's gate refuses such
 * calls first).
 */
export interface BackendOps {
  readonly kindOf: (path: string) => Promise<EntryKind | undefined>;
  readonly exists: (path: string) => Promise<boolean>;
  readonly isFile: (path: string) => Promise<boolean>;
  readonly isFolder: (path: string) => Promise<boolean>;
  readonly read: (path: string, range: ByteRange) => Promise<ReadableStream<Uint8Array>>;
  readonly readBytes: (path: string, range: ByteRange) => Promise<Uint8Array>;
  readonly write: (path: string, content: BackendContent, options: BackendWriteOptions) => Promise<WriteResult>;
  readonly writeAtomic: (path: string, content: BackendContent, options: BackendWriteOptions) => Promise<WriteResult>;
  readonly delete: (path: string, options: { readonly missingOk: boolean }) => Promise<void>;
  readonly deleteFolder: (path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }) => Promise<void>;
  readonly listFiles: (path: string, options: BackendListOptions) => AsyncIterable<FileInfo>;
  readonly listFolders: (path: string, options: BackendListOptions) => AsyncIterable<FolderEntry>;
  readonly iterChildren: (path: string) => AsyncIterable<Entry>;
  readonly getFileInfo: (path: string) => Promise<FileInfo>;
  readonly getFolderInfo: (path: string) => Promise<FolderInfo>;
  readonly move: (src: string, dst: string, options: { readonly overwrite: boolean }) => Promise<void>;
  readonly copy: (src: string, dst: string, options: { readonly overwrite: boolean }) => Promise<void>;
}

const built = new WeakMap<Backend, BackendOps>();

/** The operations of `backend` with the Store's fallbacks filled in; built once per backend. */
export function backendOps(backend: Backend): BackendOps {
  let ops = built.get(backend);
  if (ops === undefined) {
    ops = buildOps(backend);
    built.set(backend, ops);
  }
  return ops;
}

type Method = (...args: never[]) => unknown;

/** The backend's own `method`, bound, or `undefined`. */
function own<K extends keyof Backend>(backend: Backend, method: K): NonNullable<Backend[K]> | undefined {
  const fn = backend[method] as unknown;
  return typeof fn === "function" ? ((fn as Method).bind(backend) as NonNullable<Backend[K]>) : undefined;
}

function buildOps(backend: Backend): BackendOps {
  const kindOf = own(backend, "kindOf") ?? kindFromProbes(backend);
  const read = own(backend, "read") ?? unsupported(backend, "read", "read");
  const listFiles = own(backend, "listFiles") ?? unsupportedListing(backend);
  const del = own(backend, "delete") ?? unsupported(backend, "delete", "delete");
  const listFolders = own(backend, "listFolders") ?? ((path: string, options: BackendListOptions) => foldersFromFiles(listFiles, path, options));
  const write = own(backend, "write") ?? unsupported(backend, "write", "write");
  return {
    kindOf,
    exists: own(backend, "exists") ?? (async (path) => (await kindOf(path)) !== undefined),
    isFile: own(backend, "isFile") ?? (async (path) => (await kindOf(path)) === "file"),
    isFolder: own(backend, "isFolder") ?? (async (path) => (await kindOf(path)) === "folder"),
    read,
    readBytes: own(backend, "readBytes") ?? (async (path, range) => collectStream(await read(path, range))),
    write,
    writeAtomic: own(backend, "writeAtomic") ?? write,
    delete: del,
    deleteFolder: own(backend, "deleteFolder") ?? ((path, options) => deleteFolderByFiles({ backend, kindOf, listFiles, delete: del }, path, options)),
    listFiles,
    listFolders,
    iterChildren: own(backend, "iterChildren") ?? ((path) => childrenFromListings(listFiles, listFolders, path)),
    getFileInfo: own(backend, "getFileInfo") ?? unsupported(backend, "getFileInfo", "metadata"),
    getFolderInfo: own(backend, "getFolderInfo") ?? ((path) => folderInfoFromFiles({ backend, kindOf, listFiles }, path)),
    move: own(backend, "move") ?? unsupported(backend, "move", "move"),
    copy: own(backend, "copy") ?? unsupported(backend, "copy", "copy"),
  };
}

/** `kindOf` from the two probes, for a backend written before `kindOf` (or that prefers them). */
function kindFromProbes(backend: Backend): BackendOps["kindOf"] {
  const isFile = own(backend, "isFile");
  const isFolder = own(backend, "isFolder");
  return async (path) => {
    if (isFile !== undefined && (await isFile(path))) return "file";
    if (isFolder !== undefined && (await isFolder(path))) return "folder";
    return undefined;
  };
}

function refusal(backend: Backend, method: string, capability: Capability): CapabilityNotSupported {
  return new CapabilityNotSupported(`Backend ${backend.name} does not implement ${method}`, { capability, backend: backend.name });
}

function unsupported(backend: Backend, method: string, capability: Capability): (...args: unknown[]) => Promise<never> {
  return () => Promise.reject(refusal(backend, method, capability));
}

function unsupportedListing(backend: Backend): BackendOps["listFiles"] {
  return () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refusal(backend, "listFiles", "list")) }),
  });
}
