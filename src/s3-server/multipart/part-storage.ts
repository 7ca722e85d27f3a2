import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { WriteResult } from "../../contract/models.js";
import type { MultipartUpload } from "../../store/multipart-upload.js";
import type { Store } from "../../store/store.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import { S3Error } from "../errors.js";
import { storeWriteOptions, type ObjectSettings } from "../object-headers.js";

/** A part as the storage knows it: its number and the storage's own reference to the stored bytes. */
export interface StoredPart {
  readonly partNumber: number;
  readonly token: string;
}

/** Where an upload's parts live until completion (spec S3S-120). */
export interface PartStorage {
  /** Stores a part's bytes (a failed source stores nothing) and returns its reference. */
  put(partNumber: number, content: AsyncIterable<Uint8Array>): Promise<string>;
  /** Writes the listed parts, in order, as the object; nothing is visible before. */
  assemble(parts: readonly StoredPart[]): Promise<WriteResult>;
  /** Discards every part. */
  discard(): Promise<void>;
}

/** The store's own multipart upload (memory, local, S3 backends): parts stay in the backend. */
export class NativeParts implements PartStorage {
  private readonly upload: MultipartUpload;

  constructor(upload: MultipartUpload) {
    this.upload = upload;
  }

  async put(partNumber: number, content: AsyncIterable<Uint8Array>): Promise<string> {
    return (await this.upload.uploadPart(partNumber, content)).etag;
  }

  async assemble(parts: readonly StoredPart[]): Promise<WriteResult> {
    try {
      return await this.upload.complete(parts.map((part) => ({ partNumber: part.partNumber, etag: part.token })));
    } catch (error) {
      if (isRemoteStoreError(error, "INVALID_ARGUMENT")) throw new S3Error("InvalidPart", `A part changed while the upload completed: ${error.message}`, { cause: error });
      throw error;
    }
  }

  async discard(): Promise<void> {
    await this.upload.abort();
  }
}

/**
 * Parts kept in a staging store owned by the server, for stores without `multipart`: each part
 * version under its own name, assembled by one streaming write of the target at completion.
 */
export class StagedParts implements PartStorage {
  private readonly staging: Store;
  private readonly folder: string;
  private readonly target: { readonly store: Store; readonly path: string; readonly settings: ObjectSettings };
  private readonly current = new Map<number, string>();
  private sequence = 0;

  constructor(staging: Store, folder: string, target: { readonly store: Store; readonly path: string; readonly settings: ObjectSettings }) {
    this.staging = staging;
    this.folder = folder;
    this.target = target;
  }

  async put(partNumber: number, content: AsyncIterable<Uint8Array>): Promise<string> {
    const token = `${this.folder}/${partNumber}.${++this.sequence}`;
    await this.staging.write(token, content);
    const previous = this.current.get(partNumber);
    this.current.set(partNumber, token);
    if (previous !== undefined) await this.staging.delete(previous, { missingOk: true });
    return token;
  }

  async assemble(parts: readonly StoredPart[]): Promise<WriteResult> {
    for (const part of parts) {
      if (this.current.get(part.partNumber) !== part.token) throw new S3Error("InvalidPart", `Part ${part.partNumber} changed while the upload completed.`);
    }
    const { store, path, settings } = this.target;
    const result = await store.write(path, this.concatenated(parts), storeWriteOptions(settings, true));
    await this.discard();
    return result;
  }

  async discard(): Promise<void> {
    this.current.clear();
    await this.staging.deleteFolder(this.folder, { recursive: true, missingOk: true });
  }

  private async *concatenated(parts: readonly StoredPart[]): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield* readableChunks(await this.staging.read(part.token));
  }
}
