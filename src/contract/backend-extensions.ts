import type { BackendContent } from "./backend.js";
import type { Metadata, WriteResult } from "./models.js";

/** A part of a multipart upload as a backend reports it. */
export interface PartInfo {
  /** 1..10,000. */
  readonly partNumber: number;
  /** Bytes in the part. */
  readonly size: number;
  /** Identifies this upload of this part; re-uploading a part gives a new etag. */
  readonly etag: string;
}

/** A multipart upload in progress. */
export interface MultipartUploadInfo {
  readonly uploadId: string;
  /** Backend path (store-relative when returned by a Store). */
  readonly path: string;
  readonly startedAt: Date;
}

/** Options a backend receives when a multipart upload starts. */
export interface BackendMultipartOptions {
  readonly overwrite: boolean;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
}

/**
 * Folder operations a backend may implement natively (declared with the `createFolder`,
 * `moveFolder`, `copyFolder` capabilities). Without them the Store falls back to file-by-file
 * work (spec FOLD-030). The Store validates paths and never passes the root.
 */
export interface FolderOperations {
  /**
   * Creates a folder and its missing parents.
   * @throws `InvalidPath` when a file is at `path` or in place of a parent; `AlreadyExists` when the folder exists and not `existOk`.
   */
  createFolder(path: string, options: { readonly existOk: boolean }): Promise<void>;

  /**
   * Moves a folder with everything below it, keeping every file's content type, metadata and modification time.
   * The Store has checked that `dst` is neither `src` nor inside it nor an ancestor of it.
   * @throws `NotFound` when `src` is missing; `InvalidPath` when `src` or `dst` is a file or a file is in place of a `dst` parent;
   * `AlreadyExists` when `dst` exists and not `overwrite` (with `overwrite` the old `dst` folder is replaced).
   */
  moveFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void>;

  /** Copies a folder with everything below it (content type and metadata kept, new modification times). Errors as `moveFolder`. */
  copyFolder(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void>;
}

/**
 * Native multipart uploads (the `multipart` capability). The Store validates part numbers
 * (integers 1..10,000) and part lists before calling these.
 */
export interface MultipartOperations {
  /** Starts an upload to `path` and returns its id. Nothing is visible at `path` until completion. */
  startMultipartUpload(path: string, options: BackendMultipartOptions): Promise<string>;
  /** Stores one part (a re-upload replaces it). @throws `NotFound` when the upload is not active. */
  uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo>;
  /** The parts uploaded so far, by part number. @throws `NotFound` when the upload is not active. */
  listParts(uploadId: string): Promise<PartInfo[]>;
  /**
   * Assembles the listed parts in part-number order into the target file, applying the overwrite rule of `write`.
   * @throws `NotFound` when the upload is not active; `InvalidArgument` for an unknown part or a stale etag.
   */
  completeMultipartUpload(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult>;
  /** Discards the upload and its parts. @throws `NotFound` when the upload is not active. */
  abortMultipartUpload(uploadId: string): Promise<void>;
  /** The active uploads. */
  listMultipartUploads(): Promise<MultipartUploadInfo[]>;
}
