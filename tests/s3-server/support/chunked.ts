import { createHash } from "node:crypto";
import type { S3Server } from "../../../src/s3-server/index.js";
import { signHeaders, testSigner } from "./harness.js";

const hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const EMPTY = hex("");

/** An `aws-chunked` request: headers (signed) and the encoded body. */
export interface ChunkedRequest {
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Options of {@link signedChunkedRequest}. */
export interface ChunkedOptions {
  /** A checksum trailer (`x-amz-checksum-crc32`, value), making it the `-TRAILER` variant. */
  readonly trailer?: { readonly name: string; readonly value: string };
  /** Change the bytes of chunk `index` after signing (to test signature checks). */
  readonly tamperChunk?: number;
  /** The decoded length to declare (default: the real one). */
  readonly declaredLength?: number;
  readonly extraHeaders?: Record<string, string>;
}

/**
 * Builds a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` request the way AWS documents it
 * (s3-wire.md §3.2): headers signed with the SDK's signer, then every chunk signed over the
 * previous signature with the signer's string signing.
 */
export async function signedChunkedRequest(server: S3Server, method: string, target: string, chunks: readonly Uint8Array[], options: ChunkedOptions = {}): Promise<ChunkedRequest> {
  const signingDate = new Date();
  const amzDate = signingDate.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const decoded = chunks.reduce((n, c) => n + c.length, 0);
  const trailerLines = options.trailer === undefined ? "" : `${options.trailer.name}:${options.trailer.value}\r\n`;
  const sizes = [...chunks.map((c) => c.length), 0];
  const encodedLength = sizes.reduce((n, size) => n + size.toString(16).length + ";chunk-signature=".length + 64 + 2 + size + (size === 0 ? 0 : 2), 0) + (options.trailer === undefined ? 2 : trailerLines.length + "x-amz-trailer-signature:".length + 64 + 2 + 2);
  const headers = await signHeaders(server, method, target, {
    "content-encoding": "aws-chunked",
    "content-length": String(encodedLength),
    "x-amz-content-sha256": options.trailer === undefined ? "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
    "x-amz-decoded-content-length": String(options.declaredLength ?? decoded),
    ...(options.trailer === undefined ? {} : { "x-amz-trailer": options.trailer.name }),
    ...options.extraHeaders,
  }, signingDate);
  let previous = /Signature=([0-9a-f]{64})/.exec(headers.authorization as string)?.[1] as string;
  const signer = testSigner();
  const parts: Buffer[] = [];
  for (const [index, chunk] of [...chunks, new Uint8Array(0)].entries()) {
    const signature = await signer.sign(["AWS4-HMAC-SHA256-PAYLOAD", amzDate, scope, previous, EMPTY, hex(chunk)].join("\n"), { signingDate });
    previous = signature;
    const sent = Buffer.from(chunk);
    if (index === options.tamperChunk && sent.length > 0) sent[0] = (sent[0] as number) ^ 0xff;
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`), sent);
    if (chunk.length > 0) parts.push(Buffer.from("\r\n"));
  }
  if (options.trailer === undefined) {
    parts.push(Buffer.from("\r\n"));
  } else {
    const canonical = `${options.trailer.name}:${options.trailer.value}\n`;
    const signature = await signer.sign(["AWS4-HMAC-SHA256-TRAILER", amzDate, scope, previous, hex(canonical)].join("\n"), { signingDate });
    parts.push(Buffer.from(`${trailerLines}x-amz-trailer-signature:${signature}\r\n\r\n`));
  }
  const body = Buffer.concat(parts);
  if (body.length !== encodedLength) throw new Error(`encoded length ${body.length} != ${encodedLength}`);
  return { headers, body };
}

/** An unsigned `aws-chunked` body with a trailer, as the JS SDK frames a stream (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`). */
export function unsignedChunkedBody(chunks: readonly (string | Uint8Array)[], trailer: string | undefined): Buffer {
  const parts = chunks.map((c) => {
    const bytes = Buffer.from(c);
    return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]);
  });
  return Buffer.concat([...parts, Buffer.from(`0\r\n${trailer === undefined ? "" : `${trailer}\r\n`}\r\n`)]);
}
