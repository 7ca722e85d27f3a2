import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { BackendContent } from "../../contract/backend.js";
import type { BackendMultipartOptions, MultipartUploadInfo, PartInfo } from "../../contract/backend-extensions.js";
import { NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { WriteResult } from "../../contract/models.js";
import { decodeBase64, encodeBase64 } from "../../shared/bytes/base64.js";
import { concatBytes } from "../../shared/bytes/concat-bytes.js";
import type { S3Context } from "./context.js";
import { encodeMetadata } from "./metadata-codec.js";
import { S3_BACKEND_NAME } from "./names.js";
import { checkTarget, requireFile } from "./probes.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The native multipart uploads of the Store API, mapped onto S3's (spec S3-080). An upload id
 * is `<base64url of the backend path>.<S3 UploadId>`, because every S3 part request needs the
 * key; the `overwrite` rule of an upload started by this instance is remembered here (an
 * upload found by `listMultipartUploads` elsewhere completes without overwriting).
 */
export class MultipartApi {
  private readonly ctx: S3Context;
  private readonly overwrites = new Map<string, boolean>();

  constructor(ctx: S3Context) {
    this.ctx = ctx;
  }

  /** Checks the target like a write, then creates the S3 upload with the content type and metadata. */
  async start(path: string, options: BackendMultipartOptions): Promise<string> {
    const { api, keys } = this.ctx;
    await checkTarget(this.ctx, path, { overwrite: options.overwrite });
    const Key = keys.fileKey(path);
    const created = await api.call(path, () =>
      api.client.send(new CreateMultipartUploadCommand({ Bucket: api.bucket, Key, ContentType: options.contentType, Metadata: encodeMetadata(options.metadata) })),
    );
    if (created.UploadId === undefined) throw api.fail(new Error("S3 returned no UploadId"), path);
    const uploadId = uploadIdOf(path, created.UploadId);
    this.overwrites.set(uploadId, options.overwrite);
    return uploadId;
  }

  /** Uploads one part (streamed content is collected first: S3 needs the part's length). */
  async uploadPart(uploadId: string, partNumber: number, content: BackendContent): Promise<PartInfo> {
    const { path, s3UploadId } = parseUploadId(uploadId);
    const { api, keys } = this.ctx;
    const body = content instanceof Uint8Array ? content : await collect(content);
    const r = await api.call(path, () =>
      api.client.send(new UploadPartCommand({ Bucket: api.bucket, Key: keys.fileKey(path), UploadId: s3UploadId, PartNumber: partNumber, Body: body, ContentLength: body.length })),
    );
    return Object.freeze({ partNumber, size: body.length, etag: r.ETag ?? "" });
  }

  /** The parts S3 holds for the upload, in part-number order (every page). */
  async listParts(uploadId: string): Promise<PartInfo[]> {
    const { path, s3UploadId } = parseUploadId(uploadId);
    const { api, keys } = this.ctx;
    const parts: PartInfo[] = [];
    let marker: string | undefined;
    for (;;) {
      const r = await api.call(path, () =>
        api.client.send(new ListPartsCommand({ Bucket: api.bucket, Key: keys.fileKey(path), UploadId: s3UploadId, ...(marker === undefined ? {} : { PartNumberMarker: marker }) })),
      );
      for (const part of r.Parts ?? []) parts.push(Object.freeze({ partNumber: part.PartNumber ?? 0, size: part.Size ?? 0, etag: part.ETag ?? "" }));
      if (r.IsTruncated !== true || r.NextPartNumberMarker === undefined || r.NextPartNumberMarker === marker) break;
      marker = r.NextPartNumberMarker;
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  /** Re-checks the target, completes the S3 upload (`If-None-Match` when not overwriting) and reports the file. */
  async complete(uploadId: string, parts: readonly { readonly partNumber: number; readonly etag: string }[]): Promise<WriteResult> {
    const { path, s3UploadId } = parseUploadId(uploadId);
    const { api, keys, settings } = this.ctx;
    const overwrite = this.overwrites.get(uploadId) ?? false;
    const Key = keys.fileKey(path);
    const Parts = [...parts].sort((a, b) => a.partNumber - b.partNumber).map(({ partNumber, etag }) => ({ PartNumber: partNumber, ETag: etag }));
    const section = async (): Promise<void> => {
      await checkTarget(this.ctx, path, { overwrite });
      await api.call(path, () =>
        api.client.send(
          new CompleteMultipartUploadCommand({ Bucket: api.bucket, Key, UploadId: s3UploadId, MultipartUpload: { Parts }, ...(!overwrite && settings.conditionalWrites ? { IfNoneMatch: "*" } : {}) }),
        ),
      );
    };
    await (overwrite ? section() : this.ctx.lock.run(Key, section));
    this.overwrites.delete(uploadId);
    const head = await requireFile(this.ctx, path);
    return Object.freeze({
      path,
      size: head.size,
      ...(head.contentType === undefined ? {} : { contentType: head.contentType }),
      ...(head.metadata === undefined ? {} : { metadata: head.metadata }),
    });
  }

  /** Aborts the S3 upload. */
  async abort(uploadId: string): Promise<void> {
    const { path, s3UploadId } = parseUploadId(uploadId);
    const { api, keys } = this.ctx;
    await api.call(path, () => api.client.send(new AbortMultipartUploadCommand({ Bucket: api.bucket, Key: keys.fileKey(path), UploadId: s3UploadId })));
    this.overwrites.delete(uploadId);
  }

  /** The uploads in progress below the prefix whose keys are usable paths (every page). */
  async list(): Promise<MultipartUploadInfo[]> {
    const { api, keys } = this.ctx;
    const out: MultipartUploadInfo[] = [];
    let keyMarker: string | undefined;
    let idMarker: string | undefined;
    for (;;) {
      const r = await api.call("", () =>
        api.client.send(
          new ListMultipartUploadsCommand({ Bucket: api.bucket, Prefix: keys.prefix, ...(keyMarker === undefined ? {} : { KeyMarker: keyMarker, UploadIdMarker: idMarker }) }),
        ),
      );
      for (const upload of r.Uploads ?? []) {
        if (upload.Key === undefined || upload.UploadId === undefined) continue;
        const rel = keys.relativeSegments(upload.Key, keys.prefix);
        if (rel === undefined || rel.marker) continue;
        const path = rel.segments.join("/");
        out.push(Object.freeze({ uploadId: uploadIdOf(path, upload.UploadId), path, startedAt: new Date(upload.Initiated?.getTime() ?? 0) }));
      }
      if (r.IsTruncated !== true || r.NextKeyMarker === undefined) break;
      keyMarker = r.NextKeyMarker;
      idMarker = r.NextUploadIdMarker;
    }
    return out;
  }
}

/** `<base64url(path)>.<S3 UploadId>`. */
export function uploadIdOf(path: string, s3UploadId: string): string {
  const b64 = encodeBase64(encoder.encode(path)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  return `${b64}.${s3UploadId}`;
}

/** The backend path and S3 UploadId inside an upload id; an id this backend did not make is `NotFound`. */
export function parseUploadId(uploadId: string): { path: string; s3UploadId: string } {
  const dot = uploadId.indexOf(".");
  const path = dot > 0 ? decodePath(uploadId.slice(0, dot)) : undefined;
  if (path === undefined || dot === uploadId.length - 1) {
    throw new NotFound(`No such multipart upload: ${quotePath(uploadId)}`, { path: "", backend: S3_BACKEND_NAME });
  }
  return { path, s3UploadId: uploadId.slice(dot + 1) };
}

function decodePath(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const padded = text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const bytes = decodeBase64(padded);
  if (bytes === undefined) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

async function collect(content: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of content) {
    // A copy the producer cannot change (not `slice()`: a `Buffer`'s slice is a view).
    chunks.push(new Uint8Array(chunk));
    size += chunk.length;
  }
  return concatBytes(chunks, size);
}
