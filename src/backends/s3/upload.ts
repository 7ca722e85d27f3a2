import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { BackendContent } from "../../contract/backend.js";
import { concatBytes } from "../../shared/bytes/concat-bytes.js";
import { QuotaExceeded } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { S3Context } from "./context.js";
import { S3_BACKEND_NAME } from "./names.js";

/** Where and how content is uploaded. */
export interface UploadTarget {
  readonly key: string;
  /** The backend path, for errors. */
  readonly path: string;
  readonly contentType: string;
  /** Encoded user metadata. */
  readonly metadata: Record<string, string>;
  /** Refuse to replace an existing object (`If-None-Match: *`, spec S3-033). */
  readonly exclusive: boolean;
}

/** S3's highest part number. */
export const MAX_PARTS = 10_000;

/**
 * Uploads `content` to one object and returns its size (spec S3-031, S3-032). Content up to
 * `multipartThreshold` bytes is one PUT; anything larger is a multipart upload of `partSize`
 * parts, `queueSize` at a time, that is aborted when the source or any request fails, so that
 * no partial object and no orphaned upload is left. Streamed chunks are copied as they arrive
 * (a source may reuse its buffer).
 */
export async function uploadContent(ctx: S3Context, target: UploadTarget, content: BackendContent, maxParts = MAX_PARTS): Promise<number> {
  const threshold = ctx.settings.multipartThreshold;
  if (content instanceof Uint8Array) {
    if (content.length <= threshold) {
      await ctx.api.put(target.key, content, { contentType: target.contentType, metadata: target.metadata, exclusive: target.exclusive }, target.path);
      return content.length;
    }
    return multipartUpload(ctx, target, slices(content, ctx.settings.partSize), [], maxParts);
  }
  const iterator = content[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done === true) break;
    // A copy the producer cannot change (not `slice()`: a `Buffer`'s slice is a view).
    head.push(new Uint8Array(next.value));
    size += next.value.length;
    if (size > threshold) {
      try {
        return await multipartUpload(ctx, target, rest(iterator), head, maxParts);
      } catch (error) {
        await iterator.return?.()?.catch(() => undefined);
        throw error;
      }
    }
  }
  const body = concatBytes(head, size);
  await ctx.api.put(target.key, body, { contentType: target.contentType, metadata: target.metadata, exclusive: target.exclusive }, target.path);
  return size;
}

/** Starts an upload, streams the parts, completes it; aborts on any failure (best effort) and rethrows. */
async function multipartUpload(ctx: S3Context, target: UploadTarget, source: AsyncIterable<Uint8Array>, buffered: Uint8Array[], maxParts: number): Promise<number> {
  const { api } = ctx;
  const { Bucket, Key } = { Bucket: api.bucket, Key: target.key };
  const created = await api.call(target.path, () => api.client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: target.contentType, Metadata: target.metadata })));
  const UploadId = created.UploadId;
  if (UploadId === undefined) throw api.fail(new Error("S3 returned no UploadId"), target.path);
  try {
    const { parts, size } = await uploadParts(ctx, { target, source, buffered, maxParts }, (PartNumber, Body) =>
      api.call(target.path, () => api.client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body, ContentLength: Body.length }))),
    );
    await api.call(target.path, () =>
      api.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts }, ...(target.exclusive ? { IfNoneMatch: "*" } : {}) })),
    );
    return size;
  } catch (error) {
    await abortQuietly(ctx, Key, UploadId);
    throw error;
  }
}

type SendPart = (partNumber: number, body: Uint8Array) => Promise<{ ETag?: string | undefined }>;

/** What {@link uploadParts} streams. */
interface PartSource {
  readonly target: UploadTarget;
  readonly source: AsyncIterable<Uint8Array>;
  readonly buffered: readonly Uint8Array[];
  readonly maxParts: number;
}

/** Cuts the source into parts and uploads them with at most `queueSize` in flight. */
async function uploadParts(ctx: S3Context, input: PartSource, send: SendPart): Promise<{ parts: { PartNumber: number; ETag: string }[]; size: number }> {
  const { target, source, buffered, maxParts } = input;
  const { partSize, queueSize } = ctx.settings;
  const parts: { PartNumber: number; ETag: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let partNumber = 0;
  let size = 0;
  let part = new Uint8Array(partSize);
  let filled = 0;

  const flush = async (final: boolean): Promise<void> => {
    if (filled === 0 && (!final || partNumber > 0)) return;
    const number = ++partNumber;
    if (number > maxParts) {
      throw new QuotaExceeded(`Content exceeds S3's largest object at this part size (${maxParts} parts of ${partSize} bytes): ${quotePath(target.path)}`, { path: target.path, backend: S3_BACKEND_NAME });
    }
    const body = filled === part.length ? part : part.subarray(0, filled);
    part = new Uint8Array(partSize);
    filled = 0;
    const task = send(number, body).then(
      (r) => {
        parts.push({ PartNumber: number, ETag: r.ETag ?? "" });
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    while (inFlight.size >= queueSize) await Promise.race(inFlight);
    if (failure !== undefined) throw failure.error;
  };

  const take = async (chunk: Uint8Array): Promise<void> => {
    size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const count = Math.min(chunk.length - offset, partSize - filled);
      part.set(chunk.subarray(offset, offset + count), filled);
      filled += count;
      offset += count;
      if (filled === partSize) await flush(false);
    }
  };

  try {
    for (const chunk of buffered) await take(chunk);
    for await (const chunk of source) await take(chunk);
    await flush(true);
  } finally {
    await Promise.all(inFlight);
  }
  if (failure !== undefined) throw failure.error;
  parts.sort((a, b) => a.PartNumber - b.PartNumber);
  return { parts, size };
}

async function abortQuietly(ctx: S3Context, key: string, uploadId: string): Promise<void> {
  try {
    await ctx.api.client.send(new AbortMultipartUploadCommand({ Bucket: ctx.api.bucket, Key: key, UploadId: uploadId }));
  } catch {
    // Best effort: the original failure is what the caller needs; a bucket lifecycle rule cleans up the rest.
  }
}

async function* slices(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function* rest(iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
