import type { Backend, BackendContent, BackendListOptions, BackendWriteOptions, ByteRange } from "../../contract/backend.js";
import type { BackendMultipartOptions, FolderOperations, MultipartOperations, MultipartUploadInfo, PartInfo } from "../../contract/backend-extensions.js";
import { capabilitySet, type CapabilitySet } from "../../contract/capabilities.js";
import { BackendUnavailable, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import { KeyedLock } from "../../shared/concurrency/keyed-lock.js";
import type { S3Context } from "./context.js";
import { fileInfo } from "./file-info.js";
import { createFolder, transferFolder } from "./folder-ops.js";
import { KeyMap } from "./keys.js";
import { S3Watches } from "./watch-poller.js";
import type { BackendWatch, BackendWatchOptions } from "../../contract/watch.js";
import { folderInfo, listEntries, type ListRequest } from "./listing.js";
import { encodeMetadata } from "./metadata-codec.js";
import { MultipartApi } from "./multipart-api.js";
import { S3_BACKEND_NAME } from "./names.js";
import { ObjectApi } from "./object-api.js";
import { presignedGetUrl, type UrlOptions } from "./presign.js";
import { checkTarget, exclusively, isFolderPath, kindOf, requireFile } from "./probes.js";
import { readBytes, readStream } from "./read.js";
import { deleteFile, deleteFolder } from "./remove.js";
import { clientHandle, type ClientHandle } from "./s3-client.js";
import { checkOptions, type S3BackendOptions, type S3Settings } from "./s3-options.js";
import { transferFile } from "./transfer.js";
import { uploadContent } from "./upload.js";

/**
 * Everything the S3 backend declares (spec S3-004). Not declared: `atomicMove` and
 * `atomicMoveFolder` (a move is copy + delete), `setModifiedAt` (S3 stamps `LastModified`).
 */
const S3_CAPABILITIES: CapabilitySet = capabilitySet([
  "read", "write", "delete", "list", "move", "copy", "atomicWrite", "metadata", "userMetadata", "glob",
  "rangeRead", "url", "createFolder", "moveFolder", "copyFolder", "multipart", "watch",
]);

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * A backend over an S3 bucket (AWS S3 and S3-compatible servers: MinIO, R2, Ceph RGW), spec
 * `spec/s3-backend.md`. Files are objects under a key prefix; folders are key prefixes, kept
 * when empty by zero-byte marker objects (`folder/`); listings page through S3 and come in
 * code point order; large writes stream as multipart uploads.
 */
export class S3Backend implements Backend, FolderOperations, MultipartOperations {
  /** Always `"s3"`. */
  readonly name = S3_BACKEND_NAME;
  /** See spec S3-004. */
  readonly capabilities: CapabilitySet = S3_CAPABILITIES;
  /** The bucket. */
  readonly bucket: string;
  /** The normalised key prefix that is this backend's root (`""` or ending in `/`). */
  readonly prefix: string;
  private readonly settings: S3Settings;
  private readonly handle: ClientHandle;
  private readonly ctx: S3Context;
  private readonly uploads: MultipartApi;
  private closed = false;
  private readonly watches: S3Watches;

  /** @throws `TypeError`/`RangeError` for unusable options (spec S3-001). No request is made here. */
  constructor(options: S3BackendOptions) {
    this.settings = checkOptions(options);
    this.bucket = this.settings.bucket;
    this.prefix = this.settings.prefix;
    this.handle = clientHandle(options);
    const handle = this.handle;
    const api = new ObjectApi({
      client: handle.client,
      context: {
        bucket: this.bucket,
        get endpoint() {
          return handle.endpoint;
        },
      },
      pageSize: this.settings.pageSize,
    });
    this.ctx = { api, keys: new KeyMap(this.prefix), settings: this.settings, lock: new KeyedLock() };
    this.uploads = new MultipartApi(this.ctx);
    this.watches = new S3Watches(this.ctx, this.settings.watchInterval);
  }

  /** The endpoint requests go to, credentials redacted (spec S3-005). */
  get endpoint(): string {
    return this.handle.endpoint;
  }

  /** A HEAD and a one-key listing, in parallel (spec S3-015). */
  async kindOf(path: string): Promise<"file" | "folder" | undefined> {
    this.enter(path);
    const kind = await kindOf(this.ctx, path);
    return kind === "missing" ? undefined : kind;
  }

  /** A HEAD and a one-key listing, in parallel (spec S3-015). */
  async exists(path: string): Promise<boolean> {
    this.enter(path);
    return (await kindOf(this.ctx, path)) !== "missing";
  }

  /** One HEAD (spec S3-015). */
  async isFile(path: string): Promise<boolean> {
    this.enter(path);
    return path !== "" && (await this.ctx.api.head(this.ctx.keys.fileKey(path), path)) !== undefined;
  }

  /** One one-key listing (spec S3-015). */
  async isFolder(path: string): Promise<boolean> {
    this.enter(path);
    return isFolderPath(this.ctx, path);
  }

  /** One GET; the stream delivers the body as it arrives (spec S3-020). */
  async read(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
    this.enter(path);
    return readStream(this.ctx, path, range);
  }

  async readBytes(path: string, range: ByteRange): Promise<Uint8Array> {
    this.enter(path);
    return readBytes(this.ctx, path, range);
  }

  /** Checks the target, then one PUT — or a multipart upload above `multipartThreshold` (spec S3-030..S3-033). */
  async write(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    this.enter(path);
    const key = this.ctx.keys.fileKey(path);
    const size = await exclusively(this.ctx, key, options.overwrite, async () => {
      await checkTarget(this.ctx, path, { overwrite: options.overwrite });
      return uploadContent(this.ctx, {
        key,
        path,
        contentType: options.contentType,
        metadata: encodeMetadata(options.metadata),
        exclusive: !options.overwrite && this.settings.conditionalWrites,
      }, content);
    });
    return Object.freeze({ path, size, contentType: options.contentType, ...(options.metadata === undefined ? {} : { metadata: options.metadata }) });
  }

  /** The same as {@link write}: an S3 PUT (and a multipart completion) replaces an object atomically (spec S3-034). */
  async writeAtomic(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult> {
    return this.write(path, content, options);
  }

  async delete(path: string, options: { readonly missingOk: boolean }): Promise<void> {
    this.enter(path);
    await deleteFile(this.ctx, path, options.missingOk);
  }

  async deleteFolder(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
    this.enter(path);
    await deleteFolder(this.ctx, path, options);
  }

  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo> {
    return this.listing(path, { maxDepth: options.maxDepth, files: true, folders: false }) as AsyncIterable<FileInfo>;
  }

  listFolders(path: string, options: BackendListOptions): AsyncIterable<FolderEntry> {
    return this.listing(path, { maxDepth: options.maxDepth, files: false, folders: true }) as AsyncIterable<FolderEntry>;
  }

  iterChildren(path: string): AsyncIterable<Entry> {
    return this.listing(path, { maxDepth: 0, files: true, folders: true });
  }

  /** One HEAD (spec S3-055). */
  async getFileInfo(path: string): Promise<FileInfo> {
    this.enter(path);
    return fileInfo(path, await requireFile(this.ctx, path));
  }

  /** Pages through every key below the folder (spec S3-055). */
  async getFolderInfo(path: string): Promise<FolderInfo> {
    this.enter(path);
    return folderInfo(this.ctx, path);
  }

  /** Server-side copy, then delete of the source; keeps content type, metadata and modification time. Not atomic (spec S3-070). */
  async move(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.enter(src);
    await transferFile(this.ctx, "move", src, dst, options.overwrite);
  }

  /** Server-side copy (spec S3-070). */
  async copy(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.enter(src);
    await transferFile(this.ctx, "copy", src, dst, options.overwrite);
  }

  /** Writes the folder's marker object (spec S3-075). */
  async createFolder(path: string, options: { readonly existOk: boolean }): Promise<void> {
    this.enter(path);
    await createFolder(this.ctx, path, options.existOk);
  }

  /** Server-side copies of every key, then deletes; not atomic (spec S3-075). */
  async moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.enter(src);
    await transferFolder(this.ctx, "move", src, dst, options.overwrite);
  }

  /** Server-side copies of every key (spec S3-075). */
  async copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void> {
    this.enter(src);
    await transferFolder(this.ctx, "copy", src, dst, options.overwrite);
  }

  async startMultipartUpload(path: string, options: BackendMultipartOptions): Promise<string> {
    this.enter(path);
    return this.uploads.start(path, options);
  }

  async uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    this.enter("");
    return this.uploads.uploadPart(uploadId, partNumber, content);
  }

  async listParts(uploadId: string): Promise<PartInfo[]> {
    this.enter("");
    return this.uploads.listParts(uploadId);
  }

  async completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    this.enter("");
    return this.uploads.complete(uploadId, parts);
  }

  async abortMultipartUpload(uploadId: string): Promise<void> {
    this.enter("");
    return this.uploads.abort(uploadId);
  }

  async listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    this.enter("");
    return this.uploads.list();
  }

  /** A presigned GET URL (spec S3-085); `expiresIn` in seconds, default the `urlExpiresIn` option. */
  async url(path: string, options?: UrlOptions): Promise<string> {
    this.enter(path);
    return presignedGetUrl(this.ctx, path, options);
  }

  /**
   * Watches a folder by polling ListObjectsV2 every `watchInterval` ms (spec WATCH-060, WATCH-061):
   * eventually consistent; resolves after the first listing.
   */
  async watch(path: string, options: BackendWatchOptions): Promise<BackendWatch> {
    if ((await this.kindOf(path)) === "file") throw new InvalidPath("Not a folder: {path}", { path, backend: S3_BACKEND_NAME });
    return this.watches.watch(path, options);
  }

  /** Polls every watch of this backend now and resolves when all are done (spec WATCH-060): for tests, or after a known change. */
  async pollWatchers(): Promise<void> {
    await this.watches.pollAll();
  }

  /** Marks the backend closed, ends its watches and destroys the client it built (not a supplied one). Idempotent (spec S3-095). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.watches.endAll();
    if (this.handle.owned) this.handle.client.destroy();
  }

  /** `S3Backend(bucket=…, prefix=…, endpoint=…)`: never credentials (spec S3-005). */
  toString(): string {
    return `S3Backend(bucket=${JSON.stringify(this.bucket)}, prefix=${JSON.stringify(this.prefix)}, endpoint=${this.handle.endpoint})`;
  }

  /** The same facts as {@link toString}, as a plain object. */
  toJSON(): { type: "s3"; bucket: string; prefix: string; endpoint: string } {
    return { type: "s3", bucket: this.bucket, prefix: this.prefix, endpoint: this.handle.endpoint };
  }

  /** `util.inspect` shows {@link toString}, never the client or its credentials. */
  [INSPECT](): string {
    return this.toString();
  }

  private listing(path: string, request: ListRequest): AsyncIterable<Entry> {
    const start = async (): Promise<Entry[]> => {
      this.enter(path);
      return listEntries(this.ctx, path, request);
    };
    return {
      [Symbol.asyncIterator](): AsyncIterator<Entry> {
        let pending: Promise<Entry[]> | undefined;
        let index = 0;
        return {
          async next(): Promise<IteratorResult<Entry>> {
            const entries = await (pending ??= start());
            if (index < entries.length) return { done: false, value: entries[index++] as Entry };
            return { done: true, value: undefined };
          },
          async return(): Promise<IteratorResult<Entry>> {
            index = Number.POSITIVE_INFINITY;
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  private enter(path: string): void {
    if (this.closed) throw new BackendUnavailable(`The S3 backend is closed (while accessing ${quotePath(path)})`, { path, backend: S3_BACKEND_NAME });
  }
}
