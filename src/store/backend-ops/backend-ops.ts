import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange, EntryKind } from "../../contract/backend.js";
import type { Capability } from "../../contract/capabilities.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import { CapabilityNotSupported } from "../../errors/classes.js";
import { collectStream } from "../../shared/streams/range-stream.js";
import { deleteFolderByFiles } from "./delete-folder-fallback.js";
import { folderInfoFromFiles } from "./folder-info-fallback.js";
import { childrenFromListings, foldersFromFiles } from "./listing-fallbacks.js";
import { rejection } from "../rejection.js";

/**
 * Every operation the Store runs on a backend, always present (spec BE-020): the backend's own
 * method where it has one, else the Store's fallback, built once per backend. A gated method the
 * backend does not declare rejects with `CapabilityNotSupported` (the Store's gate refuses such
 * calls first). Every promise-returning operation returns a native promise and never throws
 * (spec BE-024), so the Store can hand its promise on as it is.
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

/** The constructor of `async` functions, which always return a native promise and never throw. */
const AsyncFunction = (async () => undefined).constructor;

/**
 * `call`, a call of the backend's own `method`, as an operation that returns a native promise and
 * never throws (spec BE-024), or `undefined` when the backend has no such method. An `async`
 * method is one already and `call` is used as it is; any other is guarded, so that a synchronous
 * throw becomes a rejection and a thenable a promise.
 *
 * `call` names the method on the backend at each call rather than binding it: the method, shared
 * by every instance of a backend class, is then the one call target the engine sees, however many
 * backends (and Stores) a program makes, where a bound function would be a new target per backend.
 */
function operation<A extends unknown[], R>(backend: Backend, method: keyof Backend, call: (...args: A) => Promise<R>): ((...args: A) => Promise<R>) | undefined {
  const fn: unknown = Reflect.get(backend, method);
  if (typeof fn !== "function") return undefined;
  if (fn instanceof AsyncFunction) return call;
  return (...args: A) => {
    try {
      return Promise.resolve(call(...args));
    } catch (error) {
      return rejection(error);
    }
  };
}

/** `call`, a call of the backend's own listing `method` (an `AsyncIterable`, BE-012), or `undefined` when it has none. */
function listing<A extends unknown[], T>(backend: Backend, method: keyof Backend, call: (...args: A) => AsyncIterable<T>): ((...args: A) => AsyncIterable<T>) | undefined {
  return typeof backend[method] === "function" ? call : undefined;
}

function buildOps(backend: Backend): BackendOps {
  // The methods are checked by `operation`/`listing` before any of these calls can run.
  const own = backend as Required<Backend>;
  const kindOf = operation(backend, "kindOf", (path: string) => own.kindOf(path)) ?? kindFromProbes(backend);
  const read = operation(backend, "read", (path: string, range: ByteRange) => own.read(path, range)) ?? unsupported(backend, "read", "read");
  const listFiles = listing(backend, "listFiles", (path: string, options: BackendListOptions) => own.listFiles(path, options)) ?? unsupportedListing(backend);
  const del = operation(backend, "delete", (path: string, options: { readonly missingOk: boolean }) => own.delete(path, options)) ?? unsupported(backend, "delete", "delete");
  const listFolders =
    listing(backend, "listFolders", (path: string, options: BackendListOptions) => own.listFolders(path, options)) ??
    ((path: string, options: BackendListOptions) => foldersFromFiles(listFiles, path, options));
  const write = operation(backend, "write", (path: string, content: BackendContent, options: BackendWriteOptions) => own.write(path, content, options)) ?? unsupported(backend, "write", "write");
  return {
    kindOf,
    exists: operation(backend, "exists", (path: string) => own.exists(path)) ?? (async (path) => (await kindOf(path)) !== undefined),
    isFile: operation(backend, "isFile", (path: string) => own.isFile(path)) ?? (async (path) => (await kindOf(path)) === "file"),
    isFolder: operation(backend, "isFolder", (path: string) => own.isFolder(path)) ?? (async (path) => (await kindOf(path)) === "folder"),
    read,
    readBytes: operation(backend, "readBytes", (path: string, range: ByteRange) => own.readBytes(path, range)) ?? (async (path, range) => collectStream(await read(path, range))),
    write,
    writeAtomic: operation(backend, "writeAtomic", (path: string, content: BackendContent, options: BackendWriteOptions) => own.writeAtomic(path, content, options)) ?? write,
    delete: del,
    deleteFolder:
      operation(backend, "deleteFolder", (path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }) => own.deleteFolder(path, options)) ??
      ((path, options) => deleteFolderByFiles({ backend, kindOf, listFiles, delete: del }, path, options)),
    listFiles,
    listFolders,
    iterChildren: listing(backend, "iterChildren", (path: string) => own.iterChildren(path)) ?? ((path) => childrenFromListings(listFiles, listFolders, path)),
    getFileInfo: operation(backend, "getFileInfo", (path: string) => own.getFileInfo(path)) ?? unsupported(backend, "getFileInfo", "metadata"),
    getFolderInfo: operation(backend, "getFolderInfo", (path: string) => own.getFolderInfo(path)) ?? ((path) => folderInfoFromFiles({ backend, kindOf, listFiles }, path)),
    move: operation(backend, "move", (src: string, dst: string, options: { readonly overwrite: boolean }) => own.move(src, dst, options)) ?? unsupported(backend, "move", "move"),
    copy: operation(backend, "copy", (src: string, dst: string, options: { readonly overwrite: boolean }) => own.copy(src, dst, options)) ?? unsupported(backend, "copy", "copy"),
  };
}

/** `kindOf` from the two probes, for a backend written before `kindOf` (or that prefers them). */
function kindFromProbes(backend: Backend): BackendOps["kindOf"] {
  const own = backend as Required<Backend>;
  const isFile = operation(backend, "isFile", (path: string) => own.isFile(path));
  const isFolder = operation(backend, "isFolder", (path: string) => own.isFolder(path));
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
