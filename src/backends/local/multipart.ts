import { randomUUID } from "node:crypto";
import { lstat, mkdir, open, readdir, rename, rm, rmdir, unlink, type FileHandle } from "node:fs/promises";
import * as nodePath from "node:path";
import type { BackendContent } from "../../contract/backend.js";
import type { BackendMultipartOptions, MultipartUploadInfo, PartInfo } from "../../contract/backend-extensions.js";
import { BackendUnavailable, InvalidArgument, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { WriteResult } from "../../contract/models.js";
import { checkDestination, context } from "./destination.js";
import { hasErrno, mapFsError } from "./errno.js";
import { fsStep, ignore } from "./fs-step.js";
import type { LocalRoot } from "./local-root.js";
import { copyMetadata } from "./sidecar.js";
import { writeTemp } from "./temp-file.js";
import {
  UPLOADS_FOLDER,
  isUploadId,
  readManifest,
  uploadFolder,
  writeFirstManifest,
  writeManifest,
  type ManifestPart,
  type UploadManifest,
} from "./upload-manifest.js";
import { writeFile } from "./write-file.js";

/** Bytes read from a part file at a time while assembling. */
const ASSEMBLY_CHUNK = 1024 * 1024;

/** An active upload: its folder and manifest. */
interface ActiveUpload {
  readonly folder: string;
  readonly manifest: UploadManifest;
}

/**
 * Multipart uploads emulated with files (spec LOC-120..LOC-127): each upload is a folder
 * `.remote-store-uploads/<uploadId>/` below the real root, holding a JSON manifest and one file
 * per part. Nothing of it is visible to listings or addressable by a user path (LOC-011), and
 * uploads survive the process. Changes to one upload's manifest are serialised within this
 * backend instance. An upload comes into being and ends by a rename, so that a crash leaves a
 * whole upload or an owned temp entry (LOC-134).
 */
export class LocalUploads {
  private readonly root: LocalRoot;
  private readonly locks = new Map<string, Promise<void>>();

  constructor(root: LocalRoot) {
    this.root = root;
  }

  /**
   * Checks the target like a write and records a new upload: its folder is built under a temp
   * name with the manifest in it, then renamed to the upload's id (LOC-121, LOC-134). The root
   * must be ready.
   */
  async start(segments: readonly string[], options: BackendMultipartOptions): Promise<string> {
    const path = segments.join("/");
    checkDestination(await this.root.resolve(segments, path), options.overwrite, path);
    const uploadId = randomUUID();
    const metadata = copyMetadata(options.metadata);
    const manifest: UploadManifest = {
      v: 1,
      path,
      overwrite: options.overwrite,
      contentType: options.contentType,
      metadata,
      startedAt: Date.now(),
      parts: {},
      owner: this.root.owner,
    };
    const temp = await this.makeTempFolder(path);
    try {
      await writeFirstManifest(temp, manifest);
      await rename(temp, uploadFolder(this.root.real, uploadId));
    } catch (error) {
      await rm(temp, { recursive: true, force: true }).catch(ignore);
      await this.removeUploadsFolderIfEmpty();
      throw mapFsError(error, path);
    }
    return uploadId;
  }

  /** Streams a part into a temp file, then makes it the upload's part `partNumber` (replacing an earlier one). */
  async uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    const { folder, manifest } = await this.active(uploadId);
    const temp = await writeTemp(await this.root.temp(folder), content, { path: manifest.path, sync: false });
    try {
      return await this.locked(uploadId, async () => {
        const current = (await this.active(uploadId)).manifest;
        const token = randomUUID().replaceAll("-", "");
        const part: ManifestPart = { size: temp.size, etag: `"${token}"`, file: `part-${partNumber}-${token}` };
        const previous = current.parts[String(partNumber)];
        await fsStep(current.path, () => rename(temp.local, nodePath.join(folder, part.file)));
        try {
          const parts = { ...current.parts, [String(partNumber)]: part };
          await writeManifest(folder, { ...current, parts, owner: this.root.owner }, await this.root.temp(folder));
        } catch (error) {
          await unlink(nodePath.join(folder, part.file)).catch(ignore);
          throw mapFsError(error, current.path);
        }
        if (previous !== undefined) await unlink(nodePath.join(folder, previous.file)).catch(ignore);
        return Object.freeze({ partNumber, size: part.size, etag: part.etag });
      });
    } finally {
      await unlink(temp.local).catch(ignore);
    }
  }

  /** The current parts in part-number order. */
  async listParts(uploadId: string): Promise<PartInfo[]> {
    const { manifest } = await this.active(uploadId);
    return Object.entries(manifest.parts)
      .map(([number, part]) => Object.freeze({ partNumber: Number(number), size: part.size, etag: part.etag }))
      .sort((a, b) => a.partNumber - b.partNumber);
  }

  /**
   * Streams the listed parts, in part-number order, into the target through a temp file in its
   * folder and commits it as `writeAtomic` does (LOC-124). Unknown or stale parts →
   * `InvalidArgument`; any failure leaves the upload active and the target untouched.
   */
  async complete(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    return this.locked(uploadId, async () => {
      const { folder, manifest } = await this.active(uploadId);
      const path = manifest.path;
      const files: string[] = [];
      for (const { partNumber, etag } of [...parts].sort((a, b) => a.partNumber - b.partNumber)) {
        const stored = manifest.parts[String(partNumber)];
        if (stored === undefined) throw new InvalidArgument(`Part ${partNumber} is not uploaded in upload ${uploadId}: ${quotePath(path)}`, context(path));
        if (stored.etag !== etag) {
          throw new InvalidArgument(`Part ${partNumber} is not the latest upload of that part (stale etag) in upload ${uploadId}: ${quotePath(path)}`, context(path));
        }
        files.push(nodePath.join(folder, stored.file));
      }
      const options = { overwrite: manifest.overwrite, contentType: manifest.contentType, metadata: manifest.metadata, sync: true };
      const result = await writeFile(this.root, this.root.segments(path), concatenate(files, path), options);
      await this.end(folder).catch(ignore);
      return result;
    });
  }

  /** Removes the upload and its parts. */
  async abort(uploadId: string): Promise<void> {
    await this.locked(uploadId, async () => {
      const { folder, manifest } = await this.active(uploadId);
      await fsStep(manifest.path, () => this.end(folder));
    });
  }

  /** The active uploads, oldest first. Folders without a readable manifest are left out. */
  async list(): Promise<MultipartUploadInfo[]> {
    let names: string[];
    try {
      names = await readdir(nodePath.join(this.root.real, UPLOADS_FOLDER));
    } catch (error) {
      if (hasErrno(error, "ENOENT", "ENOTDIR")) return [];
      throw mapFsError(error, "");
    }
    const found = await Promise.all(
      names.filter(isUploadId).map(async (uploadId) => {
        const manifest = await readManifest(uploadFolder(this.root.real, uploadId)).catch(() => undefined);
        return manifest === undefined ? undefined : { uploadId, path: manifest.path, startedAt: manifest.startedAt };
      }),
    );
    return found
      .filter((upload) => upload !== undefined)
      .sort((a, b) => a.startedAt - b.startedAt || (a.uploadId < b.uploadId ? -1 : 1))
      .map((upload) => Object.freeze({ uploadId: upload.uploadId, path: upload.path, startedAt: new Date(upload.startedAt) }));
  }

  /** @throws `NotFound` (path `""`, or the upload's path once known) when the upload is not active. */
  private async active(uploadId: string): Promise<ActiveUpload> {
    if (!isUploadId(uploadId)) throw notActive(uploadId, "");
    const folder = uploadFolder(this.root.real, uploadId);
    let manifest: UploadManifest | undefined;
    try {
      manifest = await readManifest(folder);
    } catch (error) {
      throw mapFsError(error, "");
    }
    if (manifest === undefined) throw notActive(uploadId, "");
    return { folder, manifest };
  }

  /** Runs `work` after every earlier locked call for the same upload has settled. */
  private async locked<T>(uploadId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(uploadId) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(ignore, ignore);
    this.locks.set(uploadId, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(uploadId) === tail) this.locks.delete(uploadId);
    }
  }

  /**
   * Ends an upload (LOC-125, LOC-134): its folder is renamed to a temp name — the upload is
   * inactive from that moment — then removed, and the uploads folder with it when it empties.
   */
  private async end(folder: string): Promise<void> {
    const temp = await this.root.temp(this.uploadsFolder);
    await rename(folder, temp);
    await rm(temp, { recursive: true, force: true }).catch(ignore);
    await this.removeUploadsFolderIfEmpty();
  }

  /** A new temp folder in the uploads folder, which is created when missing (and checked to be a real folder). */
  private async makeTempFolder(path: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ensureUploadsFolder();
        const temp = await this.root.temp(this.uploadsFolder);
        await mkdir(temp);
        return temp;
      } catch (error) {
        // An upload that ended meanwhile removed the emptied uploads folder: make it again.
        if (attempt < 3 && hasErrno(error, "ENOENT")) continue;
        throw mapFsError(error, path);
      }
    }
  }

  private async ensureUploadsFolder(): Promise<void> {
    try {
      await mkdir(this.uploadsFolder);
      return;
    } catch (error) {
      if (!hasErrno(error, "EEXIST")) throw error;
    }
    if (!(await lstat(this.uploadsFolder)).isDirectory()) {
      throw new BackendUnavailable(`The local backend's uploads folder ${quotePath(UPLOADS_FOLDER)} is not a folder`, context(""));
    }
  }

  private async removeUploadsFolderIfEmpty(): Promise<void> {
    await rmdir(this.uploadsFolder).catch(ignore);
  }

  private get uploadsFolder(): string {
    return nodePath.join(this.root.real, UPLOADS_FOLDER);
  }
}

/** The bytes of `files`, one after the other; read errors are library errors naming `path`. */
async function* concatenate(files: readonly string[], path: string): AsyncGenerator<Uint8Array> {
  for (const file of files) {
    const handle: FileHandle = await fsStep(path, () => open(file, "r"));
    try {
      for (;;) {
        const buffer = new Uint8Array(ASSEMBLY_CHUNK);
        const { bytesRead } = await fsStep(path, () => handle.read(buffer, 0, ASSEMBLY_CHUNK, null));
        if (bytesRead === 0) break;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close().catch(ignore);
    }
  }
}

function notActive(uploadId: string, path: string): NotFound {
  return new NotFound(`Upload ${uploadId} is not active: ${quotePath(path)}`, context(path));
}
