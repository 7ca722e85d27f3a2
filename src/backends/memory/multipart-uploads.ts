import type { BackendMultipartOptions, MultipartUploadInfo, PartInfo } from "../../contract/backend-extensions.js";
import type { FileContent } from "./nodes.js";

interface StoredPart extends PartInfo {
  readonly content: FileContent;
}

interface Upload {
  readonly path: string;
  readonly options: BackendMultipartOptions;
  readonly startedAt: number;
  readonly parts: Map<number, StoredPart>;
}

/** What `take` hands back: the upload's target and its parts' content in part-number order. */
export interface AssembledUpload {
  readonly path: string;
  readonly options: BackendMultipartOptions;
  readonly content: FileContent;
  readonly size: number;
}

/** Why a part list was refused. */
export type PartProblem = { readonly partNumber: number; readonly reason: "unknown" | "stale" };

/**
 * The memory backend's multipart uploads: parts are kept as immutable content and assembled
 * by reference, so completing an upload copies no data (spec MEM-020).
 */
export class MultipartUploads {
  private readonly uploads = new Map<string, Upload>();
  private sequence = 0;

  /** Registers a new upload and returns its id. */
  start(path: string, options: BackendMultipartOptions, now: number): string {
    const uploadId = `upload-${(++this.sequence).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.uploads.set(uploadId, { path, options, startedAt: now, parts: new Map() });
    return uploadId;
  }

  /** The upload's target path, or `undefined` when it is not active. */
  pathOf(uploadId: string): string | undefined {
    return this.uploads.get(uploadId)?.path;
  }

  /** Stores a part (replacing an earlier upload of the same number) and returns its info. */
  putPart(uploadId: string, partNumber: number, content: FileContent, size: number): PartInfo | undefined {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return undefined;
    const etag = `"${uploadId}.${partNumber}.${(++this.sequence).toString(36)}"`;
    upload.parts.set(partNumber, { partNumber, size, etag, content });
    return Object.freeze({ partNumber, size, etag });
  }

  /** The parts uploaded so far in part-number order, or `undefined` when not active. */
  parts(uploadId: string): PartInfo[] | undefined {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return undefined;
    return [...upload.parts.values()]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map(({ partNumber, size, etag }) => Object.freeze({ partNumber, size, etag }));
  }

  /**
   * Assembles the listed parts in part-number order without copying, or reports the first part
   * that is unknown or whose etag is stale. Does not end the upload.
   */
  assemble(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): AssembledUpload | PartProblem | undefined {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const { partNumber, etag } of [...parts].sort((a, b) => a.partNumber - b.partNumber)) {
      const stored = upload.parts.get(partNumber);
      if (stored === undefined) return { partNumber, reason: "unknown" };
      if (stored.etag !== etag) return { partNumber, reason: "stale" };
      if (stored.content instanceof Uint8Array) chunks.push(stored.content);
      else chunks.push(...stored.content);
      size += stored.size;
    }
    const content = chunks.length === 1 ? (chunks[0] as Uint8Array) : chunks.filter((chunk) => chunk.length > 0);
    return { path: upload.path, options: upload.options, content, size };
  }

  /** Ends an upload; false when it was not active. */
  end(uploadId: string): boolean {
    return this.uploads.delete(uploadId);
  }

  /** The active uploads, oldest first. */
  list(): MultipartUploadInfo[] {
    return [...this.uploads.entries()].map(([uploadId, upload]) =>
      Object.freeze({ uploadId, path: upload.path, startedAt: new Date(upload.startedAt) }),
    );
  }

  /** Forgets every upload. */
  clear(): void {
    this.uploads.clear();
  }
}
