import type { Backend } from "../contract/backend.js";
import type { SyncBackend } from "../contract/sync-backend.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../contract/models.js";
import { normalizeFilePath, normalizePath } from "../paths/normalize.js";
import { RootScope } from "../paths/root-scope.js";
import { library as mimeLibrary } from "../shared/deps/mime.js";
import { installMimeLookup, resolveContentType } from "./content-type.js";
import { decodeText } from "./text.js";
import { booleanOption, listDepth, optionsObject, rangeOption, stringOption } from "./options.js";
import { emptyFolderInfo, freezeEntry, freezeFileInfo, freezeFolderInfo, freezeWriteResult } from "./results.js";
import { backendWriteOptions, checkWriteOptions } from "./write-options.js";
import type { Store } from "./store.js";
import type {
  CreateFolderOptions,
  DeleteFolderOptions,
  DeleteOptions,
  ListOptions,
  ReadOptions,
  ReadTextOptions,
  TransferOptions,
  WriteOptions,
} from "./store-options.js";
import { isObject } from "../shared/checks/objects.js";

/** What `SyncStore` writes: whole content only (no streams). */
export type SyncWriteContent = Uint8Array | ArrayBuffer | ArrayBufferView | string;

const encoder = new TextEncoder();

/** A backend with a synchronous face (`sync`), such as `MemoryBackend`. */
export type SyncCapableBackend = Backend & { readonly sync: SyncBackend };

/**
 * A synchronous Store over a backend with a synchronous face, such as `MemoryBackend` (spec
 * SYNC-*), for test setup code and the REPL. Same paths, root scoping, validation, errors and
 * results as `Store`; listings return arrays; content is whole (bytes or text). It shares the
 * backend with any async `Store` on it.
 */
export class SyncStore {
  /** The backend (a `MemoryBackend`, or any backend with a `sync` face). */
  readonly backend: SyncCapableBackend;
  /** The normalised root inside the backend. */
  readonly rootPath: string;
  private readonly scope: RootScope;
  private readonly face: SyncBackend;

  constructor(options: { readonly backend: SyncCapableBackend; readonly rootPath?: string }) {
    const o = optionsObject(options, ["backend", "rootPath"]);
    if (!hasSyncFace(o.backend)) throw new TypeError("SyncStore needs a backend with a synchronous face (a MemoryBackend)");
    this.backend = o.backend;
    this.face = o.backend.sync;
    this.rootPath = normalizePath(o.rootPath ?? "", "rootPath");
    this.scope = new RootScope(this.rootPath);
  }

  /** A synchronous view of an async `Store` on a `MemoryBackend`, with the same root. */
  static of(store: Store): SyncStore {
    if (!hasSyncFace(store.backend)) throw new TypeError("SyncStore.of needs a Store on a MemoryBackend (a backend with a synchronous face)");
    return new SyncStore({ backend: store.backend, rootPath: store.rootPath });
  }

  /** As `Store.exists`. */
  exists(path = ""): boolean {
    const full = this.queryPath(path);
    return this.run(() => this.face.exists(full)) || full === this.rootPath;
  }

  /** As `Store.isFile`. */
  isFile(path = ""): boolean {
    const full = this.queryPath(path);
    return this.run(() => this.face.isFile(full)) && full !== this.rootPath;
  }

  /** As `Store.isFolder`. */
  isFolder(path = ""): boolean {
    const full = this.queryPath(path);
    return this.run(() => this.face.isFolder(full)) || full === this.rootPath;
  }

  /** As `Store.readBytes`. */
  readBytes(path: string, options?: ReadOptions): Uint8Array {
    const range = rangeOption(options);
    const full = this.filePath(path);
    return this.run(() => this.face.readBytes(full, range));
  }

  /** As `Store.readText`. */
  readText(path: string, options?: ReadTextOptions): string {
    const o = optionsObject(options, ["encoding", "fatal", "offset", "length"]);
    const decoder = new TextDecoder(stringOption(o.encoding, "encoding") ?? "utf-8", { fatal: booleanOption(o.fatal, "fatal") });
    const bytes = this.readBytes(path, { ...(o.offset === undefined ? {} : { offset: o.offset }), ...(o.length === undefined ? {} : { length: o.length }) });
    return decodeText(decoder, bytes, normalizeFilePath(path));
  }

  /** As `Store.write`, for whole content. */
  write(path: string, content: SyncWriteContent, options?: WriteOptions): WriteResult {
    const checked = checkWriteOptions(options);
    const relative = normalizeFilePath(path);
    const bytes = wholeBytes(content);
    const contentType = resolveContentType(relative, checked.contentType, undefined) ?? guessWithTable(relative);
    const full = this.scope.toBackend(relative);
    const writeOptions = backendWriteOptions(checked, contentType);
    return freezeWriteResult(this.run(() => this.face.write(full, bytes, writeOptions)), this.scope);
  }

  /** As `Store.writeText`. */
  writeText(path: string, text: string, options?: WriteOptions): WriteResult {
    if (typeof text !== "string") throw new TypeError(`text must be a string, got ${typeof text}`);
    return this.write(path, text, options);
  }

  /** As `Store.delete`. */
  delete(path: string, options?: DeleteOptions): void {
    const missingOk = booleanOption(optionsObject(options, ["missingOk"]).missingOk, "missingOk");
    const full = this.filePath(path);
    this.run(() => this.face.delete(full, { missingOk }));
  }

  /** As `Store.deleteFolder`. */
  deleteFolder(path: string, options?: DeleteFolderOptions): void {
    const o = optionsObject(options, ["recursive", "missingOk"]);
    const flags = { recursive: booleanOption(o.recursive, "recursive"), missingOk: booleanOption(o.missingOk, "missingOk") };
    const full = this.filePath(path, "Cannot delete the store root");
    this.run(() => this.face.deleteFolder(full, flags));
  }

  /** As `Store.listFiles`, collected. */
  listFiles(path = "", options?: ListOptions): FileInfo[] {
    const depth = listDepth(options);
    const full = this.queryPath(path);
    return this.run(() => this.face.listFiles(full, { maxDepth: depth })).map((info) => freezeFileInfo(info, this.scope));
  }

  /** As `Store.listFolders`, collected. */
  listFolders(path = "", options?: ListOptions): FolderEntry[] {
    const depth = listDepth(options);
    const full = this.queryPath(path);
    return this.run(() => this.face.listFolders(full, { maxDepth: depth })).map((entry) => freezeEntry(entry, this.scope));
  }

  /** As `Store.iterChildren`, collected. */
  iterChildren(path = ""): Entry[] {
    const full = this.queryPath(path);
    return this.run(() => this.face.iterChildren(full)).map((entry) => freezeEntry(entry, this.scope));
  }

  /** As `Store.getFileInfo`. */
  getFileInfo(path: string): FileInfo {
    const full = this.filePath(path);
    return freezeFileInfo(this.run(() => this.face.getFileInfo(full)), this.scope);
  }

  /** As `Store.getFolderInfo`. */
  getFolderInfo(path = ""): FolderInfo {
    const full = this.queryPath(path);
    if (full === this.rootPath && !this.run(() => this.face.exists(full))) return freezeFolderInfo(emptyFolderInfo(full), this.scope);
    return freezeFolderInfo(this.run(() => this.face.getFolderInfo(full)), this.scope);
  }

  /** As `Store.move`. */
  move(src: string, dst: string, options?: TransferOptions): void {
    const overwrite = booleanOption(optionsObject(options, ["overwrite"]).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    this.run(() => this.face.move(from, to, { overwrite }));
  }

  /** As `Store.copy`. */
  copy(src: string, dst: string, options?: TransferOptions): void {
    const overwrite = booleanOption(optionsObject(options, ["overwrite"]).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    this.run(() => this.face.copy(from, to, { overwrite }));
  }

  /** As `Store.createFolder`. */
  createFolder(path: string, options?: CreateFolderOptions): void {
    const existOk = booleanOption(optionsObject(options, ["existOk"]).existOk, "existOk");
    const full = this.filePath(path, "Cannot create the store root");
    this.run(() => this.face.createFolder(full, { existOk }));
  }

  /** A sync store rooted at `sub` below this one. */
  child(sub: string): SyncStore {
    return new SyncStore({ backend: this.backend, rootPath: this.scope.toBackend(normalizeFilePath(sub, "sub")) });
  }

  private queryPath(path: unknown): string {
    return this.scope.toBackend(normalizePath(path));
  }

  private filePath(path: unknown, rootMessage?: string, argName = "path"): string {
    return this.scope.toBackend(normalizeFilePath(path, argName, rootMessage));
  }

  private run<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      throw this.scope.relocateError(error);
    }
  }
}

function hasSyncFace(backend: unknown): backend is SyncCapableBackend {
  return isObject(backend) && typeof (backend as { sync?: unknown }).sync === "object" && (backend as { sync?: unknown }).sync !== null;
}

/** The content's bytes; the backend copies them (SyncBackend.write), so a view of the caller's memory is fine. */
function wholeBytes(content: unknown): Uint8Array {
  if (typeof content === "string") return encoder.encode(content);
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  throw new TypeError("content must be a Uint8Array, ArrayBuffer, ArrayBufferView or string for SyncStore.write");
}

/** A content-type guess that needs the MIME table: SyncStore installs it synchronously (ST-035, PKG-006). */
function guessWithTable(path: string): string {
  installMimeLookup(mimeLibrary().lookup);
  return resolveContentType(path, undefined, undefined)!;
}
