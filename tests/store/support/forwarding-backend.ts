import {
  CAPABILITIES,
  MemoryBackend,
  capabilitySet,
  type Backend,
  type BackendContent,
  type BackendListOptions,
  type BackendWriteOptions,
  type ByteRange,
  type Capability,
  type CapabilitySet,
  type Entry,
  type EntryKind,
  type FileInfo,
  type FolderEntry,
  type FolderInfo,
  type WriteResult,
} from "../../../src/index.js";

/** One recorded backend call. */
export interface BackendCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** Options of {@link ForwardingBackend}. */
export interface ForwardingOptions {
  /** The capabilities to declare; default everything. */
  readonly capabilities?: Iterable<Capability>;
  /** The backend to forward to; default a new `MemoryBackend`. */
  readonly inner?: MemoryBackend;
}

/**
 * A test backend that declares a chosen capability set, forwards every call to a
 * `MemoryBackend`, and records each call (listing calls when iteration starts).
 */
export class ForwardingBackend implements Backend {
  readonly name = "forwarding";
  readonly capabilities: CapabilitySet;
  readonly inner: MemoryBackend;
  readonly calls: BackendCall[] = [];

  constructor(options: ForwardingOptions = {}) {
    this.capabilities = capabilitySet(options.capabilities ?? CAPABILITIES);
    this.inner = options.inner ?? new MemoryBackend({ name: "inner" });
  }

  /** The calls of one method. */
  callsOf(method: string): readonly BackendCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  kindOf(path: string): Promise<EntryKind | undefined> {
    this.record("kindOf", path);
    return this.inner.kindOf(path);
  }
  exists(path: string): Promise<boolean> {
    this.record("exists", path);
    return this.inner.exists(path);
  }
  isFile(path: string): Promise<boolean> {
    this.record("isFile", path);
    return this.inner.isFile(path);
  }
  isFolder(path: string): Promise<boolean> {
    this.record("isFolder", path);
    return this.inner.isFolder(path);
  }
  read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    this.record("read", path, range);
    return this.inner.read(path, range);
  }
  readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    this.record("readBytes", path, range);
    return this.inner.readBytes(path, range);
  }
  write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    this.record("write", path, content, options);
    return this.inner.write(path, content, options);
  }
  writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    this.record("writeAtomic", path, content, options);
    return this.inner.writeAtomic(path, content, options);
  }
  delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    this.record("delete", path, options);
    return this.inner.delete(path, options);
  }
  deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    this.record("deleteFolder", path, options);
    return this.inner.deleteFolder(path, options);
  }
  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    this.record("listFiles", path, options);
    return this.inner.listFiles(path, options);
  }
  listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    this.record("listFolders", path, options);
    return this.inner.listFolders(path, options);
  }
  iterChildren(path: string): AsyncIterable<Entry> {
    this.record("iterChildren", path);
    return this.inner.iterChildren(path);
  }
  getFileInfo(path: string): Promise<FileInfo> {
    this.record("getFileInfo", path);
    return this.inner.getFileInfo(path);
  }
  getFolderInfo(path: string): Promise<FolderInfo> {
    this.record("getFolderInfo", path);
    return this.inner.getFolderInfo(path);
  }
  move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.record("move", src, dst, options);
    return this.inner.move(src, dst, options);
  }
  copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.record("copy", src, dst, options);
    return this.inner.copy(src, dst, options);
  }
  url(path: string): Promise<string> {
    this.record("url", path);
    return this.inner.url(path);
  }
  close(): Promise<void> {
    this.record("close");
    return this.inner.close();
  }
}

/** Every capability except the ones given. */
export function capabilitiesWithout(...missing: Capability[]): Capability[] {
  return CAPABILITIES.filter((capability) => !missing.includes(capability));
}
