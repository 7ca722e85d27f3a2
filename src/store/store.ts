import type { Backend, BackendContent } from "../backend.js";
import type { Capability } from "../capabilities.js";
import { BackendUnavailable, CapabilityNotSupported } from "../errors/index.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../models.js";
import { normalizeFilePath, normalizePath } from "../paths/normalize.js";
import { RootScope } from "../paths/root-scope.js";
import { prepareContent, type WriteContent } from "./content.js";
import { resolveContentType } from "./content-type.js";
import { checkGlobPattern, planGlob } from "./glob-plan.js";
import { Listing } from "./listing.js";
import { validateMetadata } from "./metadata.js";
import { booleanOption, countOption, optionsObject, rangeOption, stringOption } from "./options.js";
import { collectStream, sliceStream } from "./range-stream.js";
import { checkBackend, freezeEntry, freezeFileInfo, freezeFolderInfo, freezeWriteResult } from "./results.js";
import type {
  DeleteFolderOptions,
  DeleteOptions,
  ListOptions,
  ReadOptions,
  ReadTextOptions,
  StoreOptions,
  TransferOptions,
  WriteOptions,
} from "./store-options.js";

const CHILD = Symbol("remote-store.child");
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/**
 * The user's façade over a backend (spec ST-*). It validates and normalises every path,
 * keeps every path inside `rootPath`, checks capabilities before any I/O, converts content,
 * and reports store-relative paths in results and errors.
 */
export class Store implements AsyncDisposable {
  /** The backend this store reads and writes. */
  readonly backend: Backend;
  /** The normalised root inside the backend (`""` = the backend root). */
  readonly rootPath: string;
  private readonly scope: RootScope;
  private readonly ownsBackend: boolean;
  private closed = false;

  constructor(options: StoreOptions) {
    const o = optionsObject(options);
    this.backend = checkBackend(o.backend);
    this.rootPath = normalizePath(o.rootPath ?? "", "rootPath");
    this.scope = new RootScope(this.rootPath);
    this.ownsBackend = (options as { [CHILD]?: boolean })[CHILD] !== true;
  }

  /** True when the backend declares `capability` (`glob` is provided for every backend that can list). */
  supports(capability: Capability): boolean {
    const declared = this.backend.capabilities;
    return declared.has(capability) || (capability === "glob" && declared.has("list"));
  }

  /** True when a file or folder exists; the root always exists. Never `NotFound`. */
  async exists(path: string): Promise<boolean> {
    const full = this.queryPath(path);
    return this.call(() => this.backend.exists(full));
  }

  /** True when `path` is a file. */
  async isFile(path: string): Promise<boolean> {
    const full = this.queryPath(path);
    return this.call(() => this.backend.isFile(full));
  }

  /** True when `path` is a folder; the root is one. */
  async isFolder(path: string): Promise<boolean> {
    const full = this.queryPath(path);
    return this.call(() => this.backend.isFolder(full));
  }

  /** A stream of the file's bytes, or of the range asked for. */
  async read(path: string, options?: ReadOptions): Promise<ReadableStream<Uint8Array>> {
    this.gate("read");
    const range = rangeOption(options);
    const full = this.filePath(path);
    if (this.backend.capabilities.has("rangeRead")) return this.call(() => this.backend.read(full, range));
    const stream = await this.call(() => this.backend.read(full, { offset: 0, length: undefined }));
    return sliceStream(stream, range);
  }

  /** The file's bytes (or a range of them) in a new array. */
  async readBytes(path: string, options?: ReadOptions): Promise<Uint8Array> {
    this.gate("read");
    const range = rangeOption(options);
    const full = this.filePath(path);
    if (this.backend.capabilities.has("rangeRead")) return this.call(() => this.backend.readBytes(full, range));
    const stream = await this.call(() => this.backend.read(full, { offset: 0, length: undefined }));
    return collectStream(sliceStream(stream, range));
  }

  /** The file decoded as text (UTF-8 by default; invalid bytes become U+FFFD). */
  async readText(path: string, options?: ReadTextOptions): Promise<string> {
    const o = optionsObject(options);
    const decoder = new TextDecoder(stringOption(o.encoding, "encoding") ?? "utf-8", { fatal: false });
    const bytes = await this.readBytes(path, { ...(o.offset === undefined ? {} : { offset: o.offset }), ...(o.length === undefined ? {} : { length: o.length }) });
    return decoder.decode(bytes);
  }

  /** Writes a file, creating parent folders. `AlreadyExists` unless `overwrite`. */
  async write(path: string, content: WriteContent, options?: WriteOptions): Promise<WriteResult> {
    return this.writeWith("write", path, content, options);
  }

  /** Writes text as UTF-8; as {@link Store.write}. */
  async writeText(path: string, text: string, options?: WriteOptions): Promise<WriteResult> {
    if (typeof text !== "string") throw new TypeError(`text must be a string, got ${typeof text}`);
    return this.writeWith("write", path, text, options);
  }

  /** As {@link Store.write}, and readers never see a partial file; a failed source leaves the old content. */
  async writeAtomic(path: string, content: WriteContent, options?: WriteOptions): Promise<WriteResult> {
    return this.writeWith("atomicWrite", path, content, options);
  }

  /** Deletes a file. A folder is `InvalidPath` even with `missingOk`. */
  async delete(path: string, options?: DeleteOptions): Promise<void> {
    this.gate("delete");
    const missingOk = booleanOption(optionsObject(options).missingOk, "missingOk");
    const full = this.filePath(path);
    await this.call(() => this.backend.delete(full, { missingOk }));
  }

  /** Deletes a folder; never the root. Non-empty and not `recursive` → `DirectoryNotEmpty`. */
  async deleteFolder(path: string, options?: DeleteFolderOptions): Promise<void> {
    this.gate("delete");
    const o = optionsObject(options);
    const recursive = booleanOption(o.recursive, "recursive");
    const missingOk = booleanOption(o.missingOk, "missingOk");
    const full = this.filePath(path, "Cannot delete the store root");
    await this.call(() => this.backend.deleteFolder(full, { recursive, missingOk }));
  }

  /** Files in a folder (or its subtree), in code point order of their paths. Missing folder → nothing. */
  listFiles(path = "", options?: ListOptions): Listing<FileInfo> {
    this.gate("list");
    const maxDepth = listDepth(options);
    const full = this.queryPath(path);
    return this.listing(() => this.backend.listFiles(full, { maxDepth }), freezeFileInfo);
  }

  /** Folders in a folder (or its subtree), in code point order of their paths. */
  listFolders(path = "", options?: ListOptions): Listing<FolderEntry> {
    this.gate("list");
    const maxDepth = listDepth(options);
    const full = this.queryPath(path);
    return this.listing(() => this.backend.listFolders(full, { maxDepth }), freezeEntry<FolderEntry>);
  }

  /** The immediate files and folders of a folder, mixed, in name order. */
  iterChildren(path = ""): Listing<Entry> {
    this.gate("list");
    const full = this.queryPath(path);
    return this.listing(() => this.backend.iterChildren(full), freezeEntry<Entry>);
  }

  /** Files whose store-relative path matches a minimatch pattern, listing only below its literal prefix. */
  glob(pattern: string): Listing<FileInfo> {
    this.gate("list");
    const checked = checkGlobPattern(pattern);
    return new Listing(() => this.globPass(checked));
  }

  /** Size, content type, metadata and modification time of a file. */
  async getFileInfo(path: string): Promise<FileInfo> {
    this.gate("metadata");
    const full = this.filePath(path);
    return freezeFileInfo(await this.call(() => this.backend.getFileInfo(full)), this.scope);
  }

  /** File count, total size and newest modification time of a folder's whole subtree. */
  async getFolderInfo(path = ""): Promise<FolderInfo> {
    this.gate("metadata");
    const full = this.queryPath(path);
    return freezeFolderInfo(await this.call(() => this.backend.getFolderInfo(full)), this.scope);
  }

  /** Moves a file, keeping content type, metadata and modification time. Same path: no-op. */
  async move(src: string, dst: string, options?: TransferOptions): Promise<void> {
    this.gate("move");
    const overwrite = booleanOption(optionsObject(options).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    await this.call(() => this.backend.move(from, to, { overwrite }));
  }

  /** Copies a file with its content type and metadata. Same path: no-op. */
  async copy(src: string, dst: string, options?: TransferOptions): Promise<void> {
    this.gate("copy");
    const overwrite = booleanOption(optionsObject(options).overwrite, "overwrite");
    const [from, to] = [this.filePath(src, undefined, "src"), this.filePath(dst, undefined, "dst")];
    await this.call(() => this.backend.copy(from, to, { overwrite }));
  }

  /** A store rooted at `sub` below this one, sharing (not owning) the backend. */
  child(sub: string): Store {
    this.assertOpen();
    const relative = normalizeFilePath(sub, "sub");
    return new Store({ backend: this.backend, rootPath: this.scope.toBackend(relative), [CHILD]: true } as StoreOptions);
  }

  /** A URL for the object (`memory://name/path`, `file:///...`); the object need not exist. */
  async url(path: string): Promise<string> {
    this.gate("url");
    const full = this.filePath(path);
    const url = this.backend.url;
    if (url === undefined) throw new CapabilityNotSupported(`Backend ${this.backend.name} has no url()`, { capability: "url", backend: this.backend.name });
    return this.call(() => url.call(this.backend, full));
  }

  /** Closes the store (and the backend, when this store owns it). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsBackend) await this.backend.close();
  }

  /** `await using store = new Store(...)` closes it at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /** For `console.log` and the REPL. */
  toString(): string {
    return `Store(backend=${this.backend.name}, rootPath=${JSON.stringify(this.rootPath)})`;
  }

  private async writeWith(kind: "write" | "atomicWrite", path: string, content: WriteContent, options: WriteOptions | undefined): Promise<WriteResult> {
    this.gate(kind);
    const o = optionsObject(options);
    const overwrite = booleanOption(o.overwrite, "overwrite");
    const metadata = validateMetadata(o.metadata);
    const explicitType = stringOption(o.contentType, "contentType");
    const relative = normalizeFilePath(path);
    const prepared = prepareContent(content);
    if (metadata !== undefined) this.gate("userMetadata");
    const contentType = resolveContentType(relative, explicitType, prepared.blobType);
    const full = this.scope.toBackend(relative);
    const writeOptions = { overwrite, contentType, metadata };
    const body: BackendContent = prepared.content;
    const result = await this.call(() =>
      kind === "write" ? this.backend.write(full, body, writeOptions) : this.backend.writeAtomic(full, body, writeOptions),
    );
    return freezeWriteResult(result, this.scope);
  }

  private async *globPass(pattern: string): AsyncGenerator<FileInfo> {
    const plan = await planGlob(pattern);
    let base: string;
    try {
      base = normalizePath(plan.base);
    } catch {
      return;
    }
    for await (const file of this.listFiles(base, { maxDepth: plan.maxDepth })) {
      if (plan.matcher.match(file.path)) yield file;
    }
  }

  private listing<T, R>(start: () => AsyncIterable<T>, convert: (item: T, scope: RootScope) => R): Listing<R> {
    const scope = this.scope;
    return new Listing(async function* () {
      try {
        for await (const item of start()) yield convert(item, scope);
      } catch (error) {
        throw scope.relocateError(error);
      }
    });
  }

  private queryPath(path: unknown): string {
    this.assertOpen();
    return this.scope.toBackend(normalizePath(path));
  }

  private filePath(path: unknown, rootMessage?: string, argName = "path"): string {
    return this.scope.toBackend(normalizeFilePath(path, argName, rootMessage));
  }

  private gate(capability: Capability): void {
    this.assertOpen();
    if (!this.backend.capabilities.has(capability)) {
      throw new CapabilityNotSupported(`Backend ${this.backend.name} does not support ${capability}`, {
        capability,
        backend: this.backend.name,
      });
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new BackendUnavailable(`Store on ${this.backend.name} is closed`, { backend: this.backend.name });
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.scope.relocateError(error);
    }
  }
}

function listDepth(options: ListOptions | undefined): number {
  const o = optionsObject(options);
  const recursive = booleanOption(o.recursive, "recursive");
  const maxDepth = countOption(o.maxDepth, "maxDepth", { allowInfinity: true });
  return maxDepth ?? (recursive ? Number.POSITIVE_INFINITY : 0);
}
