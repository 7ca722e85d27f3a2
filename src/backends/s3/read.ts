import type { ByteRange } from "../../contract/backend.js";
import { collectStream, sliceStream } from "../../shared/streams/range-stream.js";
import type { S3Context } from "./context.js";
import { httpStatus, isMissing, s3ErrorCode } from "./errors.js";
import type { GetBody } from "./object-api.js";
import { missingFileError, requireFile } from "./probes.js";

/**
 * Opens the file for reading (spec S3-020): one GET, with an HTTP `Range` for anything but the
 * whole file. A range that starts at or past the end reads nothing (S3's 416 is not an error
 * here); `length: 0` is answered by a HEAD. Should the server serve more than the range (no
 * `Content-Range`, or a wider one), the surplus is discarded here. A missing key is `NotFound`,
 * or `InvalidPath` when the path is a folder (one more listing request, on that path only).
 * Failures of the body while it streams are mapped like those of the request.
 */
export async function readStream(ctx: S3Context, path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> {
  const opened = await openRead(ctx, path, range);
  if (opened === undefined) return emptyStream();
  const stream = mapErrors(ctx, path, opened.body.transformToWebStream());
  return opened.surplus === undefined ? stream : sliceStream(stream, opened.surplus);
}

/** The file's bytes (the range only) in a new array. */
export async function readBytes(ctx: S3Context, path: string, range: ByteRange): Promise<Uint8Array> {
  const opened = await openRead(ctx, path, range);
  if (opened === undefined) return new Uint8Array(0);
  if (opened.surplus !== undefined) return collectStream(sliceStream(mapErrors(ctx, path, opened.body.transformToWebStream()), opened.surplus));
  return ctx.api.call(path, () => opened.body.transformToByteArray());
}

/** The GET's body, and the part of it to keep when the server sent more than the range; `undefined` when nothing is to be read. */
async function openRead(ctx: S3Context, path: string, range: ByteRange): Promise<{ body: GetBody; surplus: ByteRange | undefined } | undefined> {
  if (range.length === 0) {
    await requireFile(ctx, path);
    return undefined;
  }
  const header = rangeHeader(range);
  let opened: { body: GetBody; start: number; end: number | undefined };
  try {
    opened = await ctx.api.getRaw(ctx.keys.fileKey(path), header);
  } catch (error) {
    if (isMissing(error)) throw await missingFileError(ctx, path);
    if (header !== undefined && (httpStatus(error) === 416 || s3ErrorCode(error) === "InvalidRange")) return undefined;
    throw ctx.api.fail(error, path);
  }
  const skip = header === undefined ? 0 : range.offset - opened.start;
  const exact = header === undefined || (skip === 0 && opened.end !== undefined && (range.length === undefined || opened.end <= range.offset + range.length - 1));
  return { body: opened.body, surplus: exact ? undefined : { offset: Math.max(skip, 0), length: range.length } };
}

/** `bytes=a-b` for a range, or `undefined` for the whole file. */
export function rangeHeader(range: ByteRange): string | undefined {
  if (range.offset === 0 && range.length === undefined) return undefined;
  if (range.length === undefined) return `bytes=${range.offset}-`;
  return `bytes=${range.offset}-${range.offset + range.length - 1}`;
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** Passes the body through, turning a failure mid-stream into a library error. */
function mapErrors(ctx: S3Context, path: string, source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(ctx.api.fail(error, path));
        }
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
