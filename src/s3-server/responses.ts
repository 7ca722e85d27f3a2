import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { readableChunks } from "../shared/streams/stream-chunks.js";
import type { S3Error } from "./errors.js";
import { buildXml, type XmlElement } from "./xml.js";

/** Response header values; `undefined` ones are not sent. */
export type ReplyHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A streamed body of a known length. */
export interface StreamBody {
  readonly stream: ReadableStream<Uint8Array>;
  readonly length: number;
}

/** What an operation answers. */
export interface Reply {
  readonly status: number;
  readonly headers?: ReplyHeaders;
  readonly body?: string | Uint8Array | StreamBody;
}

/** A 200 (or `status`) with an S3 result document (spec S3S-150). */
export function xmlReply(root: string, children: XmlElement, headers: ReplyHeaders = {}, status = 200): Reply {
  return { status, headers: { "content-type": "application/xml", ...headers }, body: buildXml(root, children) };
}

/** An S3 error document (spec S3S-150). */
export function errorReply(error: S3Error, resource: string, requestId: string): Reply {
  const body = buildXml("Error", { Code: error.code, Message: error.message, ...error.details, Resource: resource, RequestId: requestId }, { namespace: false });
  return { status: error.status, headers: { "content-type": "application/xml", ...error.headers }, body };
}

/** Timestamps in XML: ISO 8601 with milliseconds. */
export function xmlTime(date: Date): string {
  return date.toISOString();
}

/** Timestamps in headers: IMF-fixdate (whole seconds). */
export function httpTime(date: Date): string {
  return date.toUTCString();
}

/** The quoted ETag header value. */
export function quoted(etag: string): string {
  return `"${etag}"`;
}

/**
 * Writes a reply: status, headers, and the body (none for HEAD). A streamed body is written
 * with backpressure and cancelled when the client goes away.
 */
export async function sendReply(res: ServerResponse, reply: Reply, { head }: { readonly head: boolean }): Promise<void> {
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    if (value !== undefined) res.setHeader(name, value);
  }
  res.statusCode = reply.status;
  const body = reply.body;
  if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    if (!res.hasHeader("content-length")) res.setHeader("content-length", bytes?.length ?? 0);
    res.end(head ? undefined : bytes);
    return;
  }
  res.setHeader("content-length", body.length);
  if (head) {
    await body.stream.cancel().catch(() => undefined);
    res.end();
    return;
  }
  await pipeStream(res, body.stream);
}

/** Waits for `drain` or `close`, then removes both listeners (a body of many chunks adds none that stay). */
async function drainedOrClosed(res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  try {
    await Promise.race([once(res, "drain", { signal: controller.signal }), once(res, "close", { signal: controller.signal })]);
  } finally {
    controller.abort();
  }
}

async function pipeStream(res: ServerResponse, stream: ReadableStream<Uint8Array>): Promise<void> {
  const chunks = readableChunks(stream);
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) break;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
  } catch (error) {
    // The headers are out: the only honest signal left is a broken connection.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  } finally {
    await chunks.return(undefined);
  }
  if (!res.destroyed) res.end();
}
