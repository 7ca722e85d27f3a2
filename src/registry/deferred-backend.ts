import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange } from "../contract/backend.js";
import type {
  BackendMultipartOptions,
  FolderOperations,
  MultipartOperations,
  MultipartUploadInfo,
  PartInfo,
} from "../contract/backend-extensions.js";
import type { Capability, CapabilitySet } from "../contract/capabilities.js";
import { CapabilityNotSupported } from "../errors/index.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../contract/models.js";

/** How a {@link DeferredBackend} checks and reports the backend it waits for. */
export interface DeferredBackendOptions {
  /** The name shown until the backend arrives (the type name). */
  readonly name: string;
  /** The capabilities declared at registration; the real backend must have at least these. */
  readonly capabilities: CapabilitySet;
  /** Checks the arrived value (throws when it is not a usable Backend). */
  readonly check: (value: unknown) => Backend;
  /** Maps a creation failure to the error every call rejects with. */
  readonly mapFailure: (error: unknown) => unknown;
  /** Told once when creation fails. */
  readonly onFailure: () => void;
}

/**
 * A stand-in for a backend whose factory returned a Promise (spec REG-070/071). Every call waits
 * for the backend, then delegates; `capabilities` are the declared ones, so the Store's checks
 * stay synchronous. The optional folder and multipart operations are forwarded too; one the
 * arrived backend lacks rejects with `CapabilityNotSupported`.
 */
export class DeferredBackend implements Backend, FolderOperations, MultipartOperations {
  readonly capabilities: CapabilitySet;
  private readonly ready: Promise<Backend>;
  private readonly fallbackName: string;
  private actual: Backend | undefined;

  constructor(pending: PromiseLike<unknown>, options: DeferredBackendOptions) {
    this.capabilities = options.capabilities;
    this.fallbackName = options.name;
    this.ready = Promise.resolve(pending).then(
      (value) => {
        let backend: Backend;
        try {
          backend = options.check(value);
        } catch (error) {
          void closeQuietly(value);
          throw error;
        }
        this.actual = backend;
        return backend;
      },
      (error: unknown) => {
        throw options.mapFailure(error);
      },
    );
    this.ready.catch(() => options.onFailure());
  }

  /** The real backend's name once it has arrived; the type name before. */
  get name(): string {
    return this.actual?.name ?? this.fallbackName;
  }

  exists(path: string): Promise<boolean> {
    return this.ready.then((b) => b.exists(path));
  }

  isFile(path: string): Promise<boolean> {
    return this.ready.then((b) => b.isFile(path));
  }

  isFolder(path: string): Promise<boolean> {
    return this.ready.then((b) => b.isFolder(path));
  }

  read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    return this.ready.then((b) => b.read(path, range));
  }

  readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    return this.ready.then((b) => b.readBytes(path, range));
  }

  write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.ready.then((b) => b.write(path, content, options));
  }

  writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.ready.then((b) => b.writeAtomic(path, content, options));
  }

  delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    return this.ready.then((b) => b.delete(path, options));
  }

  deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    return this.ready.then((b) => b.deleteFolder(path, options));
  }

  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    return this.iterate((b) => b.listFiles(path, options));
  }

  listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    return this.iterate((b) => b.listFolders(path, options));
  }

  iterChildren(path: string): AsyncIterable<Entry> {
    return this.iterate((b) => b.iterChildren(path));
  }

  getFileInfo(path: string): Promise<FileInfo> {
    return this.ready.then((b) => b.getFileInfo(path));
  }

  getFolderInfo(path: string): Promise<FolderInfo> {
    return this.ready.then((b) => b.getFolderInfo(path));
  }

  move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    return this.ready.then((b) => b.move(src, dst, options));
  }

  copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    return this.ready.then((b) => b.copy(src, dst, options));
  }

  url(path: string): Promise<string> {
    return this.ready.then((b) => {
      if (b.url === undefined) throw new CapabilityNotSupported(`Backend ${b.name} has no url()`, { capability: "url", backend: b.name });
      return b.url(path);
    });
  }

  createFolder(path: string, options: { readonly existOk: boolean }): Promise<void> {
    return this.extension("createFolder", "createFolder", [path, options]);
  }

  moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    return this.extension("moveFolder", "moveFolder", [src, dst, options]);
  }

  copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    return this.extension("copyFolder", "copyFolder", [src, dst, options]);
  }

  startMultipartUpload(path: string, options: BackendMultipartOptions): Promise<string> {
    return this.extension("startMultipartUpload", "multipart", [path, options]);
  }

  uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    return this.extension("uploadPart", "multipart", [uploadId, partNumber, content]);
  }

  listParts(uploadId: string): Promise<PartInfo[]> {
    return this.extension("listParts", "multipart", [uploadId]);
  }

  completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    return this.extension("completeMultipartUpload", "multipart", [uploadId, parts]);
  }

  abortMultipartUpload(uploadId: string): Promise<void> {
    return this.extension("abortMultipartUpload", "multipart", [uploadId]);
  }

  listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    return this.extension("listMultipartUploads", "multipart", []);
  }

  /** Waits for a pending creation and closes what it produced; a failed creation closes nothing. */
  async close(): Promise<void> {
    let backend: Backend;
    try {
      backend = await this.ready;
    } catch {
      return;
    }
    await backend.close();
  }

  /** `DeferredBackend(name)`. */
  toString(): string {
    return `DeferredBackend(${this.name}${this.actual === undefined ? ", pending" : ""})`;
  }

  private extension<T>(method: keyof FolderOperations | keyof MultipartOperations, capability: Capability, args: readonly unknown[]): Promise<T> {
    return this.ready.then((b) => {
      const fn = (b as unknown as Record<string, unknown>)[method];
      if (typeof fn !== "function") throw new CapabilityNotSupported(`Backend ${b.name} has no ${method}()`, { capability, backend: b.name });
      return (fn as (...values: unknown[]) => Promise<T>).apply(b, [...args]);
    });
  }

  private iterate<T>(start: (backend: Backend) => AsyncIterable<T>): AsyncIterable<T> {
    const ready = this.ready;
    return {
      async *[Symbol.asyncIterator]() {
        yield* start(await ready);
      },
    };
  }
}

async function closeQuietly(value: unknown): Promise<void> {
  try {
    const close = (value as { close?: unknown } | null)?.close;
    if (typeof close === "function") await (close as () => unknown).call(value);
  } catch {
    // The value was refused; a failure to close it is not worth reporting over the refusal.
  }
}
