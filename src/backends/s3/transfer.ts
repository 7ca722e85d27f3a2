import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type CopyObjectCommandInput,
} from "@aws-sdk/client-s3";
import { parentPath } from "../../paths/path-parts.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import type { S3Context } from "./context.js";
import { modifiedTime } from "./file-info.js";
import { MTIME_KEY } from "./metadata-codec.js";
import type { ObjectHead } from "./object-api.js";
import { checkTarget, exclusively, requireFile } from "./probes.js";
import { MAX_PART_SIZE } from "./s3-options.js";

/** Whether a transfer keeps the source (`copy`) or removes it and keeps its modification time (`move`). */
export type TransferKind = "move" | "copy";

/** One server-side object copy. */
export interface ObjectCopy {
  readonly srcKey: string;
  readonly dstKey: string;
  /** The source's HEAD. */
  readonly head: ObjectHead;
  readonly kind: TransferKind;
  /** Send `If-None-Match: *` (spec S3-033). */
  readonly exclusive: boolean;
  /** The backend path errors name. */
  readonly path: string;
}

/** Part size of copies of objects over 5 GiB (UploadPartCopy). */
const COPY_PART_SIZE = 512 * 1024 * 1024;

/**
 * Moves or copies one file (spec S3-070). Order of checks as `Backend.move`. A move writes the
 * marker of the source's folder (so it stays), copies server-side with the source's content
 * type, metadata and modification time, then deletes the source: never both copies lost, not
 * atomic. A copy stamps a new time (the carried-over time, if any, is dropped).
 */
export async function transferFile(ctx: S3Context, kind: TransferKind, src: string, dst: string, overwrite: boolean): Promise<void> {
  const srcKey = ctx.keys.fileKey(src);
  const head = await requireFile(ctx, src);
  if (src === dst) return;
  const dstKey = ctx.keys.fileKey(dst);
  await exclusively(ctx, dstKey, overwrite, async () => {
    await checkTarget(ctx, dst, { overwrite });
    if (kind === "move" && parentPath(src) !== "") await ctx.api.putMarker(ctx.keys.markerKey(parentPath(src)), src);
    await copyObject(ctx, { srcKey, dstKey, head, kind, exclusive: !overwrite && ctx.settings.conditionalWrites, path: dst });
  });
  if (kind === "move") await ctx.api.delete(srcKey, src);
}

/**
 * Copies one object server-side: CopyObject up to 5 GiB, UploadPartCopy beyond (spec S3-070).
 * Metadata is copied as stored, except that a move records the source's modification time
 * (spec S3-037) and a copy drops a recorded one.
 */
export async function copyObject(ctx: S3Context, copy: ObjectCopy, largeThreshold = MAX_PART_SIZE): Promise<void> {
  const input = copyInput(copy);
  if (copy.head.size > largeThreshold) return copyLarge(ctx, copy, input, largeThreshold);
  await ctx.api.copy(copy.srcKey, copy.dstKey, input, copy.path);
}

function copyInput(copy: ObjectCopy): Partial<CopyObjectCommandInput> {
  const exclusive = copy.exclusive ? { IfNoneMatch: "*" } : {};
  if (copy.kind === "copy" && copy.head.mtime === undefined) return exclusive;
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(copy.head.rawMetadata)) if (key.toLowerCase() !== MTIME_KEY) metadata[key] = value;
  if (copy.kind === "move") metadata[MTIME_KEY] = String(modifiedTime(copy.head));
  return {
    ...exclusive,
    MetadataDirective: "REPLACE",
    Metadata: metadata,
    ...(copy.head.contentType === undefined ? {} : { ContentType: copy.head.contentType }),
    ...copy.head.headers,
  };
}

async function copyLarge(ctx: S3Context, copy: ObjectCopy, input: Partial<CopyObjectCommandInput>, threshold: number): Promise<void> {
  const { api } = ctx;
  const { Bucket, Key } = { Bucket: api.bucket, Key: copy.dstKey };
  const replace = input.MetadataDirective === "REPLACE";
  const created = await api.call(copy.path, () =>
    api.client.send(
      new CreateMultipartUploadCommand({
        Bucket,
        Key,
        ContentType: copy.head.contentType,
        Metadata: replace ? input.Metadata : { ...copy.head.rawMetadata },
        ...copy.head.headers,
      }),
    ),
  );
  const UploadId = created.UploadId;
  if (UploadId === undefined) throw api.fail(new Error("S3 returned no UploadId"), copy.path);
  try {
    const partSize = Math.max(Math.min(COPY_PART_SIZE, threshold), Math.ceil(copy.head.size / 10_000));
    const ranges: [number, number][] = [];
    for (let start = 0; start < copy.head.size; start += partSize) ranges.push([start, Math.min(start + partSize, copy.head.size) - 1]);
    const parts = await mapLimit(ranges, ctx.settings.queueSize, async ([start, end], index) => {
      const r = await api.call(copy.path, () =>
        api.client.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: index + 1, CopySource: api.copySource(copy.srcKey), CopySourceRange: `bytes=${start}-${end}` })),
      );
      return { PartNumber: index + 1, ETag: r.CopyPartResult?.ETag ?? "" };
    });
    await api.call(copy.path, () =>
      api.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts }, ...(copy.exclusive ? { IfNoneMatch: "*" } : {}) })),
    );
  } catch (error) {
    await api.client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
    throw error;
  }
}
