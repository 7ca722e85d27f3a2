import { open, type FileHandle } from "node:fs/promises";
import * as nodePath from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange } from "../../contract/backend.js";
import type {
  BackendMultipartOptions,
  FolderOperations,
  MultipartOperations,
  MultipartUploadInfo,
  PartInfo,
} from "../../contract/backend-extensions.js";
import { CAPABILITIES, capabilitySet, type CapabilitySet } from "../../contract/capabilities.js";
import { BackendUnavailable, InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";

import { checkFileSubject, context, escapes, fileNotFound } from "./destination.js";
import { LOCAL_BACKEND_NAME } from "./errno.js";
import { makeFileInfo } from "./file-info.js";
import { createFolder } from "./folder-create.js";
import { transferFolder } from "./folder-transfer.js";
import { fsStep, ignore } from "./fs-step.js";
import { aggregate, collectEntries, type CollectOptions } from "./listing.js";
import { LocalRoot, type EntryKind } from "./local-root.js";
import { LocalUploads } from "./multipart.js";
import { clipRange, fileStream, readSpan } from "./read-stream.js";
import { deleteFile, deleteFolder } from "./remove.js";
import { findResidue, type ResidueEntry } from "./residue-report.js";
import { readAttributes } from "./sidecar.js";
import { transfer, type TransferKind } from "./transfer.js";
import { writeFile } from "./write-file.js";
import { watchFolder, type FolderWatch } from "./folder-watch.js";
import type { BackendWatch, BackendWatchOptions } from "../../contract/watch.js";
import { describeType, isObject } from "../../shared/checks/objects.js";

/** Options of {@link LocalBackend}. */
export interface LocalBackendOptions {
  /**
   * The folder that holds the store: an absolute path, a path relative to the current working
   * directory (resolved once, at construction), or a `file:` URL. Created on first use when missing.
   */
  readonly root: string | URL;
}

/** Everything the local backend can do (spec LOC-004): every capability, the same set as the memory backend. */
const LOCAL_CAPABILITIES: CapabilitySet = capabilitySet(CAPABILITIES);

/**
 * A backend over a folder on the local disk (node:fs), spec `spec/local-backend.md`.
 * Folders are real directories; content type and user metadata live in hidden sidecars;
 * every write goes through a temp file and a rename; no path or symbolic link reaches
 * outside the root. What a killed process leaves is removed by the next backend on the root
 * (spec LOC-130..LOC-135).
 */
export class LocalBackend implements Backend, FolderOperations, MultipartOperations {
  /** Always `"local"`. */
  readonly name = LOCAL_BACKEND_NAME;
  /** See spec LOC-004. */
  readonly capabilities: CapabilitySet = LOCAL_CAPABILITIES;
  /** The absolute root folder, as configured (before symbolic links are resolved). */
  readonly root: string;
  private readonly local: LocalRoot;
  private readonly uploads: LocalUploads;
  private closed = false;
  private readonly watches = new Set<FolderWatch>();

  /** @throws `TypeError` when `options` or `options.root` is not usable (spec LOC-001). No I/O happens here. */
  constructor(options: LocalBackendOptions) {
    if (!isObject(options)) {
      throw new TypeError(`LocalBackend options must be an object, got ${describeType(options)}`);
    }
    this.root = nodePath.resolve(rootPath(options.root));
    this.local = new LocalRoot(this.root);
    this.uploads = new LocalUploads(this.local);
  }

  /** @inheritDoc */
  async kindOf(path: string): Promise<"file" | "folder" | undefined> {
    const kind = await this.probe(path);
    return kind === "file" || kind === "folder" ? kind : undefined;
  }

  /** @inheritDoc */
  async exists(path: string): Promise<boolean> {
    return (await this.probe(path)) !== "missing";
  }

  /** @inheritDoc */
  async isFile(path: string): Promise<boolean> {
    return (await this.probe(path)) === "file";
  }

  /** @inheritDoc */
  async isFolder(path: string): Promise<boolean> {
    return (await this.probe(path)) === "folder";
  }

  /** @inheritDoc */
  async read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    const { handle, start, end } = await this.openFile(path, range);
    if (start < end) return fileStream(handle, start, end, path);
    await handle.close();
    return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  }

  /** @inheritDoc */
  async readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    const { handle, start, end } = await this.openFile(path, range);
    try {
      return await fsStep(path, () => readSpan(handle, start, end));
    } finally {
      await handle.close().catch(ignore);
    }
  }

  /** @inheritDoc */
  async write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.mutate(path, (segments) => writeFile(this.local, segments, content, { ...options, sync: false }));
  }

  /** @inheritDoc */
  async writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.mutate(path, (segments) => writeFile(this.local, segments, content, { ...options, sync: true }));
  }

  /** @inheritDoc */
  async delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    const segments = await this.enter(path);
    await deleteFile(this.local, segments, options.missingOk);
  }

  /** @inheritDoc */
  async deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    const segments = await this.enter(path);
    if (segments.length === 0) throw new InvalidPath("The root folder cannot be deleted", context(path));
    await deleteFolder(this.local, segments, options);
  }

  /** @inheritDoc */
  async *listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    yield* (await this.collect(path, { maxDepth: options.maxDepth, files: true, folders: false })) as FileInfo[];
  }

  /** @inheritDoc */
  async *listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    yield* (await this.collect(path, { maxDepth: options.maxDepth, files: false, folders: true })) as FolderEntry[];
  }

  /** @inheritDoc */
  async *iterChildren(path: string): AsyncIterable<Entry> {
    yield* await this.collect(path, { maxDepth: 0, files: true, folders: true });
  }

  /** @inheritDoc */
  async getFileInfo(path: string): Promise<FileInfo> {
    const segments = await this.enter(path);
    const subject = await this.local.resolve(segments, path);
    checkFileSubject(subject, path);
    const folder = subject.stats === undefined ? undefined : await this.local.parentOf(subject, segments, path);
    if (subject.stats === undefined || folder === undefined) throw fileNotFound(path);
    const attrs = await readAttributes(folder, segments[segments.length - 1] ?? "", path);
    return makeFileInfo(path, subject.stats, attrs);
  }

  /** @inheritDoc */
  async getFolderInfo(path: string): Promise<FolderInfo> {
    const segments = await this.enter(path);
    const subject = await this.local.resolve(segments, path);
    if (subject.escapes) throw escapes(path);
    if (subject.kind === "missing" || subject.real === undefined) {
      throw new NotFound(`Folder not found: ${quotePath(path)}`, context(path));
    }
    if (subject.kind !== "folder") throw new InvalidPath(`Is a file, not a folder: ${quotePath(path)}`, context(path));
    const totals = await aggregate(subject.real, path);
    const info: FolderInfo = {
      path,
      fileCount: totals.fileCount,
      totalSize: totals.totalSize,
      ...(totals.newest === undefined ? {} : { modifiedAt: new Date(totals.newest) }),
    };
    return Object.freeze(info);
  }

  /** @inheritDoc */
  async move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    await this.transfer("move", src, dst, options.overwrite);
  }

  /** @inheritDoc */
  async copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    await this.transfer("copy", src, dst, options.overwrite);
  }

  /** `mkdir -p` with the contract's errors (spec LOC-110). */
  async createFolder(path: string, options: { readonly existOk: boolean }): Promise<void> {
    await this.mutate(path, async (segments) => {
      if (segments.length === 0) throw new InvalidPath("The root folder already exists and cannot be created", context(path));
      await createFolder(this.local, segments, options.existOk);
    });
  }

  /** One `rename(2)` of the directory, sidecars inside (spec LOC-111, LOC-112). */
  async moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    await this.transferFolder("move", src, dst, options.overwrite);
  }

  /** A recursive copy under a temp name, renamed into place (spec LOC-114). */
  async copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    await this.transferFolder("copy", src, dst, options.overwrite);
  }

  /** Records a new upload in `.remote-store-uploads/<uploadId>/` (spec LOC-120, LOC-121). */
  async startMultipartUpload(path: string, options: BackendMultipartOptions): Promise<string> {
    return this.mutate(path, async (segments) => {
      if (segments.length === 0) throw new InvalidPath("An upload needs a file path, not the root", context(path));
      return this.uploads.start(segments, options);
    });
  }

  /** Stores a part as a file of the upload (spec LOC-122). */
  async uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    return this.mutate("", () => this.uploads.uploadPart(uploadId, partNumber, content));
  }

  /** The upload's parts from its manifest (spec LOC-123). */
  async listParts(uploadId: string): Promise<PartInfo[]> {
    await this.enter("");
    return this.uploads.listParts(uploadId);
  }

  /** Streams the parts into the target and commits it like `writeAtomic` (spec LOC-124). */
  async completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    return this.mutate("", () => this.uploads.complete(uploadId, parts));
  }

  /** Removes the upload's folder (spec LOC-125). */
  async abortMultipartUpload(uploadId: string): Promise<void> {
    await this.mutate("", () => this.uploads.abort(uploadId));
  }

  /** The uploads recorded below the root, also those of earlier processes (spec LOC-126). */
  async listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    await this.enter("");
    return this.uploads.list();
  }

  /** A `file://` URL of the file's real location under the root (spec LOC-090); it need not exist. */
  async url(path: string): Promise<string> {
    const segments = await this.enter(path);
    if (segments.length === 0) throw new InvalidPath("A URL needs a file path, not the root", context(path));
    const subject = await this.local.resolve(segments, path);
    if (subject.escapes) throw escapes(path);
    return pathToFileURL(this.local.lexical(segments)).href;
  }

  /**
   * Reports what is left below the root that is not the store's data — temp entries, journals,
   * uploads — with owners and whether they may still be in use (spec LOC-135). Removes nothing
   * (the backend's first operation has already removed the residue of gone processes, LOC-133).
   * Walks the whole tree: for tools such as `remote-store doctor`, not for every start.
   */
  async findResidue(): Promise<ResidueEntry[]> {
    await this.enter("");
    return findResidue(this.local.real, this.local.owner);
  }

  /**
   * Watches a folder through the operating system, one `fs.watch` per folder (spec WATCH-050..WATCH-052):
   * changes by any process; reserved names never shown; a move is `deleted` + `created`.
   */
  async watch(path: string, options: BackendWatchOptions): Promise<BackendWatch> {
    if ((await this.probe(path)) === "file") throw new InvalidPath("Not a folder: {path}", context(path));
    const watch = await watchFolder({ root: this.local.real, path, options });
    if (this.closed) await watch.end();
    this.watches.add(watch);
    return {
      close: async () => {
        this.watches.delete(watch);
        await watch.close();
      },
    };
  }

  /**
   * Marks the backend closed (spec LOC-091), ends its watches, and removes its journal once no
   * operation runs (LOC-132). Idempotent; later calls reject with `BackendUnavailable`.
   */
  async close(): Promise<void> {
    this.closed = true;
    const watches = [...this.watches];
    this.watches.clear();
    await Promise.all(watches.map((watch) => watch.end()));
    await this.local.close();
  }

  /** Checks the closed state and the path, and prepares the root; returns the path's segments. */
  private async enter(path: string): Promise<string[]> {
    if (this.closed) {
      throw new BackendUnavailable(`The local backend is closed (while accessing ${quotePath(path)})`, context(path));
    }
    const segments = this.local.segments(path);
    await this.local.ready(path);
    return segments;
  }

  /** Enters like {@link enter}, then runs a mutation as one operation of the journal (spec LOC-132). */
  private async mutate<T>(path: string, work: (segments: string[]) => Promise<T>): Promise<T> {
    const segments = await this.enter(path);
    return this.local.journal.hold(() => work(segments));
  }

  private async probe(path: string): Promise<EntryKind> {
    const segments = await this.enter(path);
    const resolved = await this.local.resolve(segments, path);
    return resolved.escapes ? "missing" : resolved.kind;
  }

  private async openFile(path: string, range: ByteRange): Promise<{ handle: FileHandle; start: number; end: number }> {
    const segments = await this.enter(path);
    const subject = await this.local.resolve(segments, path);
    checkFileSubject(subject, path);
    if (subject.real === undefined) throw fileNotFound(path);
    const real = subject.real;
    const handle: FileHandle = await fsStep(path, () => open(real, "r"));
    try {
      const stats = await fsStep(path, () => handle.stat());
      if (stats.isDirectory()) throw new InvalidPath(`Is a folder, not a file: ${quotePath(path)}`, context(path));
      if (!stats.isFile()) throw new InvalidPath(`Not a regular file: ${quotePath(path)}`, context(path));
      return { handle, ...clipRange(range, stats.size) };
    } catch (error) {
      await handle.close().catch(ignore);
      throw error;
    }
  }

  private async collect(path: string, options: CollectOptions): Promise<Entry[]> {
    const segments = await this.enter(path);
    const folder = await this.local.resolve(segments, path);
    if (folder.escapes || folder.kind !== "folder" || folder.real === undefined) return [];
    return collectEntries(folder.real, path, options);
  }

  private async transferFolder(kind: TransferKind, src: string, dst: string, overwrite: boolean): Promise<void> {
    await this.mutate(src, async (srcSegments) => {
      const dstSegments = this.local.segments(dst);
      if (srcSegments.length === 0 || dstSegments.length === 0) {
        const path = srcSegments.length === 0 ? src : dst;
        throw new InvalidPath("A folder operation needs a folder, not the root", context(path));
      }
      await transferFolder(this.local, { kind, src: srcSegments, dst: dstSegments, overwrite });
    });
  }

  private async transfer(kind: TransferKind, src: string, dst: string, overwrite: boolean): Promise<void> {
    await this.mutate(src, async (srcSegments) => {
      await transfer(this.local, { kind, src: srcSegments, dst: this.local.segments(dst), overwrite });
    });
  }
}

function rootPath(root: unknown): string {
  if (root instanceof URL) {
    if (root.protocol !== "file:") throw new TypeError(`root must be a path or a file: URL, got a ${root.protocol} URL`);
    return fileURLToPath(root);
  }
  if (typeof root !== "string") throw new TypeError(`root must be a string or a file: URL, got ${describeType(root)}`);
  if (root === "" || root.includes("\0")) throw new TypeError("root must be a non-empty path without NUL bytes");
  return root;
}
