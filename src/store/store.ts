import type { Backend } from "../contract/backend.js";
import type { FolderOperations, MultipartOperations, MultipartUploadInfo } from "../contract/backend-extensions.js";
import type { Capability } from "../contract/capabilities.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../contract/models.js";
import { BackendUnavailable, CapabilityNotSupported } from "../errors/classes.js";
import { isRemoteStoreError } from "../errors/remote-store-error.js";
import { isNormalPath } from "../paths/is-normal-path.js";
import { normalizeFilePath, normalizePath } from "../paths/normalize.js";
import { RootScope } from "../paths/root-scope.js";
import { collectStream, sliceStream } from "../shared/streams/range-stream.js";
import { backendOps, type BackendOps } from "./backend-ops/backend-ops.js";
import { checkBackend } from "./backend-ops/check-backend.js";
import { prepareContent, type WriteContent } from "./content.js";
import { loadMimeLookup, resolveContentType } from "./content-type.js";
import { runFolderOperation, type FolderOperationContext } from "./folder-operation.js";
import { checkGlobPattern, globMatches } from "./glob-plan.js";
import { convertedListing, Listing } from "./listing.js";
import { startUpload, uploadsInScope } from "./multipart-start.js";
import type { MultipartContext, MultipartUpload } from "./multipart-upload.js";
import { booleanOption, listDepth, optionsObject, positiveIntegerOption, rangeOption, stringOption, WHOLE_FILE } from "./options.js";
import { rejection } from "./rejection.js";
import { emptyFolderInfo, resultCopier, type ResultCopier } from "./results.js";
import type {
  CreateFolderOptions, DeleteFolderOptions, DeleteOptions, ListOptions, MultipartOptions, ReadOptions,
  ReadTextOptions, StoreOptions, TransferOptions, UrlOptions, WriteOptions,
} from "./store-options.js";
import { decodeText } from "./text.js";
import { backendWriteOptions, checkWriteOptions } from "./write-options.js";
import { openWatcher, type WatchHost } from "./watch/open-watch.js";
import type { Watcher, WatchOptions } from "./watch/watch-types.js";
import { describeType } from "../shared/checks/objects.js";

const CHILD = Symbol("remote-store.child");
const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/**
 * The user's façade over a backend (spec ST-*). It validates and normalises every path,
 * keeps every path inside `rootPath`, checks capabilities before any I/O, converts content,
 * provides what the backend leaves out (BE-020), and reports store-relative paths in results
 * and errors.
 */
export class Store implements AsyncDisposable {
  /** The normalised root inside the backend (`""` = the backend root). */
  readonly rootPath: string;
  private readonly scope: RootScope;
  private readonly ownsBackend: boolean;
  /** The backend the store was given. */
  private readonly given: Backend;
  /** The backend the calls go to: the one given, or what its `ready()` resolved to (BE-021). */
  private target: Backend;
  /** The target's operations with fallbacks; `undefined` until a pending backend has arrived. */
  private ops: BackendOps | undefined;
  private results: ResultCopier;
  /** Settles when a pending backend has arrived (or failed to); `undefined` once it has. */
  private arrival: Promise<void> | undefined;
  private closed = false;
  /** Open watchers, ended by `close()` (spec WATCH-021). */
  private watchers: Set<Watcher> | undefined;

  constructor(options: StoreOptions) {
    if (looksLikeBackend(options)) throw new TypeError(`new Store() takes an options object: new Store({ backend }); got a backend (${(options as { constructor?: { name?: string } }).constructor?.name ?? "object"})`);
    const o = optionsObject(options, ["backend", "rootPath"]);
    this.given = checkBackend(o.backend);
    this.rootPath = normalizePath(o.rootPath ?? "", "rootPath");
    this.scope = new RootScope(this.rootPath);
    this.ownsBackend = (options as { [CHILD]?: boolean })[CHILD] !== true;
    this.target = this.given;
    this.results = resultCopier(this.given, this.scope);
    if (typeof this.given.ready === "function") this.arrival = this.awaitArrival(this.given.ready());
    else this.ops = backendOps(this.given);
  }

  /**
   * The backend this store reads and writes: the one it was given, or — for a backend that was
   * still being created (BE-021) — the one that arrived, once it has.
   */
  get backend(): Backend {
    return this.target;
  }

  /** True when the backend declares `capability` (`glob` is provided for every backend that can list). */
  supports(capability: Capability): boolean {
    const declared = this.target.capabilities;
    return declared.has(capability) || (capability === "glob" && declared.has("list"));
  }

  /** True when a file or folder exists; the root always exists. Never `NotFound`. */
  exists(path = ""): Promise<boolean> {
    if (this.ops === undefined) return this.afterArrival(() => this.exists(path));
    return this.probe(path, this.ops.exists, { atRoot: true });
  }

  /** True when `path` is a file. */
  isFile(path = ""): Promise<boolean> {
    if (this.ops === undefined) return this.afterArrival(() => this.isFile(path));
    return this.probe(path, this.ops.isFile, { atRoot: false });
  }

  /** True when `path` is a folder; the root is one. */
  isFolder(path = ""): Promise<boolean> {
    if (this.ops === undefined) return this.afterArrival(() => this.isFolder(path));
    return this.probe(path, this.ops.isFolder, { atRoot: true });
  }

  /** A stream of the file's bytes, or of the range asked for. */
  async read(path: string, options?: ReadOptions): Promise<ReadableStream<Uint8Array>> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("read");
    const range = rangeOption(options);
    const full = this.filePath(path);
    if (this.target.capabilities.has("rangeRead")) return this.settle(ops.read(full, range));
    return sliceStream(await this.settle(ops.read(full, WHOLE_FILE)), range);
  }

  /** The file's bytes (or a range of them) in a new array. */
  readBytes(path: string, options?: ReadOptions): Promise<Uint8Array> {
    const ops = this.ops;
    if (ops === undefined) return this.afterArrival(() => this.readBytes(path, options));
    try {
      this.gate("read");
      const range = rangeOption(options);
      const full = this.filePath(path);
      if (this.target.capabilities.has("rangeRead")) return this.settle(ops.readBytes(full, range));
      return this.settle(ops.read(full, WHOLE_FILE)).then((stream) => collectStream(sliceStream(stream, range)));
    } catch (error) {
      return rejection(error);
    }
  }

  /** The file decoded as text (UTF-8 by default; invalid bytes become U+FFFD unless `fatal`). */
  async readText(path: string, options?: ReadTextOptions): Promise<string> {
    if (this.ops === undefined) await this.arrived();
    this.gate("read");
    const o = optionsObject(options, ["encoding", "fatal", "offset", "length"]);
    const encoding = stringOption(o.encoding, "encoding") ?? "utf-8";
    const fatal = booleanOption(o.fatal, "fatal");
    const decoder = new TextDecoder(encoding, { fatal });
    const bytes = await this.readBytes(path, { ...(o.offset === undefined ? {} : { offset: o.offset }), ...(o.length === undefined ? {} : { length: o.length }) });
    return decodeText(decoder, bytes, normalizeFilePath(path));
  }

  /** Writes a file, creating parent folders. `AlreadyExists` unless `overwrite`. */
  write(path: string, content: WriteContent, options?: WriteOptions): Promise<WriteResult> {
    return this.writeWith("write", path, content, options);
  }

  /** Writes text as UTF-8; as {@link Store.write}. */
  async writeText(path: string, text: string, options?: WriteOptions): Promise<WriteResult> {
    return this.writeWith("write", path, text, options, { textOnly: true });
  }

  /** As {@link Store.write}, and readers never see a partial file; a failed source leaves the old content. */
  async writeAtomic(path: string, content: WriteContent, options?: WriteOptions): Promise<WriteResult> {
    return this.writeWith("atomicWrite", path, content, options);
  }

  /** Deletes a file. A folder is `InvalidPath` even with `missingOk`. */
  async delete(path: string, options?: DeleteOptions): Promise<void> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("delete");
    const missingOk = booleanOption(optionsObject(options, ["missingOk"]).missingOk, "missingOk");
    const full = this.filePath(path);
    await this.settle(ops.delete(full, { missingOk }));
  }

  /** Deletes a folder; never the root. Non-empty and not `recursive` → `DirectoryNotEmpty`. */
  async deleteFolder(path: string, options?: DeleteFolderOptions): Promise<void> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("delete");
    const o = optionsObject(options, ["recursive", "missingOk"]);
    const recursive = booleanOption(o.recursive, "recursive");
    const missingOk = booleanOption(o.missingOk, "missingOk");
    const full = this.filePath(path, "Cannot delete the store root");
    await this.settle(ops.deleteFolder(full, { recursive, missingOk }));
  }

  /** Files in a folder (or its subtree), in code point order of their paths. Missing folder → nothing. */
  listFiles(path = "", options?: ListOptions): Listing<FileInfo> {
    return this.listingOf(() => {
      const maxDepth = listDepth(options);
      const full = this.queryPath(path);
      return (ops) => ops.listFiles(full, { maxDepth });
    }, (results) => results.fileInfo);
  }

  /** Folders in a folder (or its subtree), in code point order of their paths. */
  listFolders(path = "", options?: ListOptions): Listing<FolderEntry> {
    return this.listingOf(() => {
      const maxDepth = listDepth(options);
      const full = this.queryPath(path);
      return (ops) => ops.listFolders(full, { maxDepth });
    }, (results) => results.entry<FolderEntry>);
  }

  /** The immediate files and folders of a folder, mixed, in name order. */
  iterChildren(path = ""): Listing<Entry> {
    return this.listingOf(() => {
      const full = this.queryPath(path);
      return (ops) => ops.iterChildren(full);
    }, (results) => results.entry<Entry>);
  }

  /** Files whose store-relative path matches a minimatch pattern, listing only below its literal prefix. */
  glob(pattern: string): Listing<FileInfo> {
    if (this.ops === undefined) {
      this.assertOpen();
      checkGlobPattern(pattern);
      return new Listing(() => this.listingAfterArrival(() => this.glob(pattern)));
    }
    this.gate("list");
    const checked = checkGlobPattern(pattern);
    return new Listing(() => globMatches(checked, (base, maxDepth) => this.listFiles(base, { maxDepth })));
  }

  /** Size, content type, metadata and modification time of a file. */
  getFileInfo(path: string): Promise<FileInfo> {
    const ops = this.ops;
    if (ops === undefined) return this.afterArrival(() => this.getFileInfo(path));
    try {
      this.gate("metadata");
      return this.converted(ops.getFileInfo(this.filePath(path)), this.results.fileInfo);
    } catch (error) {
      return rejection(error);
    }
  }

  /** File count, total size and newest modification time of a folder's whole subtree. */
  async getFolderInfo(path = ""): Promise<FolderInfo> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("metadata");
    const full = this.queryPath(path);
    const info = await this.settle(ops.getFolderInfo(full)).catch((error: unknown) => {
      if (full === this.rootPath && isRemoteStoreError(error, "NOT_FOUND")) return emptyFolderInfo(full);
      throw error;
    });
    return this.results.folderInfo(info);
  }

  /** Moves a file, keeping content type, metadata and modification time. Same path: no-op. */
  async move(src: string, dst: string, options?: TransferOptions): Promise<void> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("move");
    const overwrite = booleanOption(optionsObject(options, ["overwrite"]).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    await this.settle(ops.move(from, to, { overwrite }));
  }

  /** Copies a file with its content type and metadata. Same path: no-op. */
  async copy(src: string, dst: string, options?: TransferOptions): Promise<void> {
    const ops = this.ops ?? (await this.arrived());
    this.gate("copy");
    const overwrite = booleanOption(optionsObject(options, ["overwrite"]).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    await this.settle(ops.copy(from, to, { overwrite }));
  }

  /** Creates a folder and its missing parents (needs `createFolder`). Exists and not `existOk` → `AlreadyExists`. */
  async createFolder(path: string, options?: CreateFolderOptions): Promise<void> {
    if (this.ops === undefined) await this.arrived();
    this.gate("createFolder");
    const existOk = booleanOption(optionsObject(options, ["existOk"]).existOk, "existOk");
    const full = this.filePath(path, "Cannot create the store root");
    const folders = this.target as Backend & Partial<FolderOperations>;
    if (typeof folders.createFolder !== "function") throw this.missing("createFolder");
    const create = folders.createFolder.bind(folders);
    await this.call(() => create(full, { existOk }));
  }

  /**
   * Moves a folder with everything below it. Native and atomic where the backend declares
   * `moveFolder`/`atomicMoveFolder`; otherwise file by file (spec FOLD-030).
   */
  async moveFolder(src: string, dst: string, options?: TransferOptions): Promise<void> {
    if (this.ops === undefined) await this.arrived();
    return runFolderOperation(this.folderContext(), "moveFolder", src, dst, options);
  }

  /** Copies a folder with everything below it; native where the backend declares `copyFolder`, else file by file. */
  async copyFolder(src: string, dst: string, options?: TransferOptions): Promise<void> {
    if (this.ops === undefined) await this.arrived();
    return runFolderOperation(this.folderContext(), "copyFolder", src, dst, options);
  }

  /** Starts a multipart upload to `path` (needs `multipart`). Nothing is visible there until `complete`. */
  async startMultipartUpload(path: string, options?: MultipartOptions): Promise<MultipartUpload> {
    if (this.ops === undefined) await this.arrived();
    this.gate("multipart");
    return startUpload(this.multipartContext(), path, options);
  }

  /** The multipart uploads in progress below this store's root. */
  async listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    if (this.ops === undefined) await this.arrived();
    this.gate("multipart");
    return uploadsInScope(this.multipartContext());
  }

  /** A store rooted at `sub` below this one, sharing (not owning) the backend. */
  child(sub: string): Store {
    this.assertOpen();
    const relative = normalizeFilePath(sub, "sub");
    return new Store({ backend: this.target, rootPath: this.scope.toBackend(relative), [CHILD]: true } as StoreOptions);
  }

  /**
   * A URL for the object (`memory://name/path`, `file:///...`, a presigned HTTPS GET on S3);
   * the object need not exist. `expiresIn` (seconds) bounds a URL that expires (spec ST-101).
   */
  async url(path: string, options?: UrlOptions): Promise<string> {
    if (this.ops === undefined) await this.arrived();
    this.gate("url");
    const expiresIn = positiveIntegerOption(optionsObject(options, ["expiresIn"]).expiresIn, "expiresIn");
    const full = this.filePath(path);
    const backend = this.target;
    if (backend.url === undefined) throw this.missing("url");
    const urlOf = (backend as Required<Pick<Backend, "url">>).url.bind(backend);
    return this.call(() => (expiresIn === undefined ? urlOf(full) : urlOf(full, { expiresIn })));
  }

  /**
   * Watches the folder `path` for changes (spec/watch.md): iterate the watcher (`for await`), or
   * pass `onChange`. Needs the `watch` capability; paths in events are store-relative.
   */
  watch(path = "", options?: WatchOptions): Watcher {
    return openWatcher(this.watchHost(), path, options);
  }

  /** Closes the store (and the backend, when this store owns it) and its watchers. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.watchers !== undefined) await Promise.all([...this.watchers].map((watcher) => watcher.close()));
    if (this.ownsBackend) await this.given.close();
  }

  /** `await using store = new Store(...)` closes it at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /** For `console.log` and the REPL. */
  toString(): string {
    return `Store(backend=${this.target.name}, rootPath=${JSON.stringify(this.rootPath)})`;
  }

  /** `util.inspect` (console.log, the Node REPL) shows {@link Store.toString}. */
  [INSPECT](): string {
    return this.toString();
  }

  private writeWith(kind: "write" | "atomicWrite", path: string, content: WriteContent, options: WriteOptions | undefined, { textOnly = false } = {}): Promise<WriteResult> {
    const ops = this.ops;
    if (ops === undefined) return this.afterArrival(() => this.writeWith(kind, path, content, options, { textOnly }));
    try {
      this.gate(kind);
      const checked = checkWriteOptions(options);
      const relative = isNormalPath(path) && path !== "" ? path : normalizeFilePath(path);
      if (textOnly && typeof content !== "string") throw new TypeError(`text must be a string, got ${describeType(content)}`);
      const { content: body, blobType } = prepareContent(content);
      if (checked.metadata !== undefined) this.gate("userMetadata");
      if (checked.modifiedAt !== undefined) this.gate("setModifiedAt");
      const full = this.scope.toBackend(relative);
      const send = kind === "write" ? ops.write : ops.writeAtomic;
      const contentType = resolveContentType(relative, checked.contentType, blobType);
      if (contentType !== undefined) return this.converted(send(full, body, backendWriteOptions(checked, contentType)), this.results.writeResult);
      // The first guess from an extension loads the MIME table (ST-035); then the write goes on as it would have.
      return loadMimeLookup().then(() => {
        const guessed = resolveContentType(relative, checked.contentType, blobType) as string;
        return this.converted(send(full, body, backendWriteOptions(checked, guessed)), this.results.writeResult);
      });
    } catch (error) {
      return rejection(error);
    }
  }

  private folderContext(): FolderOperationContext {
    return { backend: this.target, ops: this.ops as BackendOps, scope: this.scope, call: (operation) => this.call(operation), gate: (capability) => this.gate(capability), assertOpen: () => this.assertOpen() };
  }

  private watchHost(): WatchHost {
    const watchMethod = (): NonNullable<Backend["watch"]> => {
      this.gate("watch");
      const backend = this.target;
      if (typeof backend.watch !== "function") throw this.missing("watch");
      return backend.watch.bind(backend);
    };
    return {
      closed: this.closed,
      scope: this.scope,
      watchers: (this.watchers ??= new Set()),
      check: () => {
        this.assertOpen();
        if (this.ops !== undefined) watchMethod();
      },
      toBackend: (path) => this.queryPath(path),
      start: async (folder, options) => {
        await this.arrived();
        const watch = watchMethod();
        return this.call(() => watch(folder, options));
      },
    };
  }

  private multipartContext(): MultipartContext {
    const backend = this.target as Backend & Partial<MultipartOperations>;
    if (typeof backend.startMultipartUpload !== "function") throw this.missing("multipart");
    const call = async <T>(operation: () => Promise<T>): Promise<T> => {
      this.assertOpen();
      return this.call(operation);
    };
    return { backend: backend as Backend & MultipartOperations, scope: this.scope, call, gate: (capability) => this.gate(capability) };
  }

  private missing(capability: Capability): CapabilityNotSupported {
    return new CapabilityNotSupported(`Backend ${this.target.name} does not implement ${capability}`, { capability, backend: this.target.name });
  }

  /**
   * A listing method's result (spec ST-006): gated and validated now, the backend asked when
   * iteration starts. While a pending backend has not arrived, options and paths are still
   * checked now, and the capability when iteration starts.
   */
  private listingOf<T, R>(plan: () => (ops: BackendOps) => AsyncIterable<T>, converter: (results: ResultCopier) => (item: T) => R): Listing<R> {
    const ops = this.ops;
    if (ops === undefined) {
      plan();
      return new Listing(() => this.listingAfterArrival(() => this.listingOf(plan, converter)));
    }
    this.gate("list");
    const start = plan();
    const scope = this.scope;
    return convertedListing(() => start(ops), converter(this.results), (error) => scope.relocateError(error));
  }

  /** One pass of `again()` (the same listing) once a pending backend has arrived. */
  private async *listingAfterArrival<R>(again: () => Listing<R>): AsyncGenerator<R> {
    await this.arrived();
    yield* again();
  }

  private queryPath(path: unknown): string {
    this.assertOpen();
    return this.scope.toBackend(isNormalPath(path) ? path : normalizePath(path));
  }

  private filePath(path: unknown, rootMessage?: string, argName = "path"): string {
    return this.scope.toBackend(isNormalPath(path) && path !== "" ? path : normalizeFilePath(path, argName, rootMessage));
  }

  private gate(capability: Capability): void {
    this.assertOpen();
    if (!this.target.capabilities.has(capability)) {
      throw new CapabilityNotSupported(`Backend ${this.target.name} does not support ${capability}`, {
        capability,
        backend: this.target.name,
      });
    }
  }

  /** The backend's yes/no answer about `path`, its promise as it is; at the root `atRoot`, once the backend has answered. */
  private probe(path: string, ask: (full: string) => Promise<boolean>, { atRoot }: { readonly atRoot: boolean }): Promise<boolean> {
    let full: string;
    try {
      full = this.queryPath(path);
    } catch (error) {
      return rejection(error);
    }
    const answer = this.settle(ask(full));
    return full === this.rootPath ? answer.then(() => atRoot) : answer;
  }

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable(`Store on ${this.target.name} is closed`, { backend: this.target.name });
  }

  /** Takes over the backend a pending one resolved to (BE-021); a failure rejects every call. */
  private awaitArrival(ready: Promise<Backend>): Promise<void> {
    const arrival = Promise.resolve(ready).then((actual) => {
      this.target = checkBackend(actual);
      this.results = resultCopier(actual, this.scope);
      this.ops = backendOps(actual);
      this.arrival = undefined;
    });
    arrival.catch(() => undefined);
    return arrival;
  }

  /** Waits for a pending backend, then returns its operations (the store's closed state is checked by the caller). */
  private async arrived(): Promise<BackendOps> {
    if (this.arrival !== undefined) await this.arrival;
    return this.ops as BackendOps;
  }

  /** Runs `again` (the same call) once a pending backend has arrived. */
  private afterArrival<T>(again: () => Promise<T>): Promise<T> {
    return this.arrived().then(again);
  }

  /**
   * An operation's promise as the caller receives it (the operations never throw, BE-024): as it
   * is at the backend root; below a root, with its errors made store-relative (PATH-013, ERR-008).
   */
  private settle<T>(answer: Promise<T>): Promise<T> {
    return this.rootPath === "" ? answer : answer.catch(this.relocate);
  }

  /** As {@link Store.settle}, and the value passed through `convert` unless results are handed out as they are (BE-011). */
  private converted<T>(answer: Promise<T>, convert: (value: T) => T): Promise<T> {
    if (this.results.identity) return answer;
    return this.rootPath === "" ? answer.then(convert) : answer.then(convert, this.relocate);
  }

  /** Rethrows a backend error with store-relative paths. */
  private readonly relocate = (error: unknown): never => {
    throw this.scope.relocateError(error);
  };

  /** Runs a call of the backend's own method (which may throw, BE-024) as {@link Store.settle} does. */
  private call<T>(operation: () => Promise<T>): Promise<T> {
    let answer: Promise<T>;
    try {
      answer = Promise.resolve(operation());
    } catch (error) {
      answer = rejection(error);
    }
    return this.settle(answer);
  }
}

/** A backend given where the options belong: `new Store(backend)` instead of `new Store({ backend })`. */
function looksLikeBackend(options: unknown): boolean {
  return typeof options === "object" && options !== null && !("backend" in options) && "capabilities" in options && typeof (options as { close?: unknown }).close === "function";
}
