/**
 * A third-party backend in under 200 lines: a flat key-value store over a `Map`, like many
 * object stores. It implements only the required core of the Backend contract (spec BE-020) —
 * `kindOf`, `close`, and one method per capability it declares — and lets the Store provide the
 * rest: `exists`/`isFile`/`isFolder`, `readBytes`, `writeAtomic`, `listFolders`, `iterChildren`,
 * `getFolderInfo` and `deleteFolder`. Folders are implied by keys, as on S3, so an empty folder
 * does not exist. It passes the conformance suite (tests/examples/custom-backend.test.ts).
 */
import {
  AlreadyExists,
  BackendUnavailable,
  InvalidPath,
  NotFound,
  QuotaExceeded,
  capabilitySet,
  compareCodePoints,
  snapshotIterable,
  type Backend,
  type BackendContent,
  type BackendListOptions,
  type BackendWriteOptions,
  type ByteRange,
  type EntryKind,
  type FileInfo,
  type WriteResult,
} from "remote-store";

/** One stored object: immutable bytes and their attributes. */
type Item = Readonly<{ bytes: Uint8Array; modifiedAt: number; contentType: string; metadata: Readonly<Record<string, string>> | undefined }>;

/** Options of {@link MapBackend}. */
export interface MapBackendOptions {
  /** Largest total of stored bytes; default unlimited. */
  readonly maxSize?: number;
  /** Returns "now" for modification times; default `() => new Date()`. */
  readonly clock?: () => Date;
}

/** A flat key-value backend over a `Map`. Writes are atomic (an object appears whole), so it declares `atomicWrite`. */
export class MapBackend implements Backend {
  readonly name = "map";
  readonly capabilities = capabilitySet(["read", "write", "atomicWrite", "delete", "list", "metadata", "userMetadata", "move", "copy", "atomicMove", "rangeRead"]);
  private readonly items = new Map<string, Item>();
  private readonly maxSize: number;
  private readonly clock: () => Date;
  private used = 0;
  private closed = false;

  constructor(options: MapBackendOptions = {}) {
    this.maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    this.clock = options.clock ?? (() => new Date());
  }

  async kindOf(path: string): Promise<EntryKind | undefined> {
    return this.kind(path);
  }

  async read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    const item = await this.file(path);
    const end = range.length === undefined ? item.bytes.length : Math.min(item.bytes.length, range.offset + range.length);
    const part = item.bytes.slice(Math.min(range.offset, end), end);
    return new ReadableStream({ start: (controller) => (part.length > 0 && controller.enqueue(part), controller.close()) });
  }

  async write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    this.checkTarget(path, options.overwrite);
    const bytes = await collect(content);
    // Checked again after the content has arrived, in the same step as the change: a concurrent writer may have created the file.
    this.checkTarget(path, options.overwrite);
    const replaced = this.items.get(path)?.bytes.length ?? 0;
    if (this.used - replaced + bytes.length > this.maxSize) throw new QuotaExceeded(`Writing ${bytes.length} bytes would exceed ${this.maxSize}`, { path, backend: this.name });
    const modifiedAt = (options.modifiedAt ?? this.clock()).getTime();
    this.items.set(path, { bytes, modifiedAt, contentType: options.contentType, metadata: options.metadata === undefined ? undefined : { ...options.metadata } });
    this.used += bytes.length - replaced;
    return this.info(path);
  }

  async delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    const kind = this.kind(path);
    if (kind === "folder") throw new InvalidPath("Is a folder", { path, backend: this.name });
    if (kind === undefined) {
      if (options.missingOk) return;
      throw new NotFound("File not found", { path, backend: this.name });
    }
    this.used -= this.items.get(path)?.bytes.length ?? 0;
    this.items.delete(path);
  }

  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    return snapshotIterable(() => {
      this.assertOpen(path);
      const prefix = path === "" ? "" : `${path}/`;
      const keys = [...this.items.keys()].filter((key) => key.startsWith(prefix) && key.slice(prefix.length).split("/").length - 1 <= options.maxDepth);
      return keys.sort(compareCodePoints).map((key) => this.info(key));
    });
  }

  async getFileInfo(path: string): Promise<FileInfo> {
    await this.file(path);
    return this.info(path);
  }

  async move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    const item = await this.transfer(src, dst, options);
    if (item === undefined) return;
    this.used -= this.items.get(dst)?.bytes.length ?? 0;
    this.items.delete(src);
    this.items.set(dst, item);
  }

  async copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    const item = await this.transfer(src, dst, options);
    if (item === undefined) return;
    const replaced = this.items.get(dst)?.bytes.length ?? 0;
    if (this.used - replaced + item.bytes.length > this.maxSize) throw new QuotaExceeded("Copy would exceed the size limit", { path: dst, backend: this.name });
    this.items.set(dst, { ...item, modifiedAt: this.clock().getTime() });
    this.used += item.bytes.length - replaced;
  }

  async close(): Promise<void> {
    [this.closed, this.used] = [true, 0];
    this.items.clear();
  }

  /** What is at `path`, synchronously, so that a check and the change it allows happen in one step. */
  private kind(path: string): EntryKind | undefined {
    this.assertOpen(path);
    if (path === "") return "folder";
    if (this.items.has(path)) return "file";
    if (this.blockingFile(path) !== undefined) return undefined;
    const prefix = `${path}/`;
    for (const key of this.items.keys()) if (key.startsWith(prefix)) return "folder";
    return undefined;
  }

  /** The stored item at `path`, or the contract's error. */
  private async file(path: string): Promise<Item> {
    const kind = this.kind(path);
    if (kind === "folder") throw new InvalidPath("Is a folder", { path, backend: this.name });
    const item = this.items.get(path);
    if (item === undefined) throw new NotFound("File not found", { path, backend: this.name });
    return item;
  }

  /** The Backend.write precondition order: folder or file in the way → InvalidPath; exists → AlreadyExists. */
  private checkTarget(path: string, overwrite: boolean): void {
    const kind = this.kind(path);
    if (kind === "folder") throw new InvalidPath("A folder exists at", { path, backend: this.name });
    const blocking = this.blockingFile(path);
    if (blocking !== undefined) throw new InvalidPath("A file is in the way ({blocking})", { path, paths: { blocking }, backend: this.name });
    if (kind === "file" && !overwrite) throw new AlreadyExists("File already exists", { path, backend: this.name });
  }

  /** Move/copy checks in the contract's order; `undefined` when `src === dst` (a no-op). */
  private async transfer(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<Item | undefined> {
    const item = await this.file(src);
    if (src === dst) return undefined;
    this.checkTarget(dst, options.overwrite);
    return item;
  }

  /** The first ancestor of `path` that is a file, if any. */
  private blockingFile(path: string): string | undefined {
    for (let at = path.indexOf("/"); at > 0; at = path.indexOf("/", at + 1)) if (this.items.has(path.slice(0, at))) return path.slice(0, at);
    return undefined;
  }

  private info(path: string): FileInfo {
    const item = this.items.get(path) as Item;
    return Object.freeze({
      kind: "file",
      path,
      name: path.slice(path.lastIndexOf("/") + 1),
      size: item.bytes.length,
      modifiedAt: new Date(item.modifiedAt),
      contentType: item.contentType,
      ...(item.metadata === undefined ? {} : { metadata: Object.freeze({ ...item.metadata }) }),
    });
  }

  private assertOpen(path: string): void {
    if (this.closed) throw new BackendUnavailable("The map backend is closed", { path, backend: this.name });
  }
}

/** All chunks in one new array (the backend never keeps the caller's array). */
async function collect(content: BackendContent): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return new Uint8Array(content);
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(new Uint8Array(chunk));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.length) - chunk.length);
  return out;
}
