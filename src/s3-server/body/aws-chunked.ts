import { createHash } from "node:crypto";
import type { ChunkSignatureChain } from "../auth/chunk-signer.js";
import { S3Error } from "../errors.js";
import { ByteReader } from "./byte-reader.js";

/** Longest chunk header or trailer line accepted (spec S3S-053). */
const MAX_LINE = 4096;
const CHUNK_HEADER = /^([0-9a-fA-F]{1,15})(?:;chunk-signature=([0-9a-f]{64}))?$/;

/** How an `aws-chunked` body is framed (spec S3S-053). */
export interface AwsChunkedOptions {
  /** Signed modes: every chunk carries `chunk-signature` (verified when a chain is given). */
  readonly signedChunks: boolean;
  /** Verifies chunk and trailer signatures; absent for anonymous servers without credentials. */
  readonly chain: ChunkSignatureChain | undefined;
  /** `…-TRAILER` modes: the trailer is signed too (`x-amz-trailer-signature`). */
  readonly signedTrailer: boolean;
  /** Receives the trailer lines (name → value, without the signature) once they have been read and checked. */
  readonly onTrailers: (trailers: ReadonlyMap<string, string>) => void;
}

function malformed(why: string): S3Error {
  return new S3Error("IncompleteBody", `Malformed aws-chunked body: ${why}.`);
}

/**
 * Decodes an `aws-chunked` body into its payload, piece by piece as it arrives (spec S3S-053):
 * `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n` … `0…\r\n` then trailer lines and an
 * empty line. Chunk signatures are checked as each chunk ends, the trailer signature before
 * the decoder finishes; any framing problem is `IncompleteBody`.
 */
export async function* decodeAwsChunked(source: AsyncIterable<Uint8Array>, options: AwsChunkedOptions): AsyncGenerator<Uint8Array> {
  const reader = new ByteReader(source);
  for (;;) {
    const line = await reader.readLine(MAX_LINE);
    if (line === undefined) throw malformed("the final zero-length chunk is missing");
    const header = line === null ? null : CHUNK_HEADER.exec(line);
    if (header === null || header === undefined) throw malformed(`a chunk header must be "<hex size>[;chunk-signature=<signature>]"`);
    const size = Number.parseInt(header[1] as string, 16);
    const signature = header[2];
    if (options.signedChunks && signature === undefined) throw malformed("a chunk has no chunk-signature");
    const hash = options.chain === undefined ? undefined : createHash("sha256");
    if (size > 0) {
      const pieces = reader.readBytes(size);
      for (;;) {
        const next = await pieces.next();
        if (next.done === true) {
          if (!next.value) throw malformed("the body ends inside a chunk");
          break;
        }
        hash?.update(next.value);
        yield next.value;
      }
    }
    if (options.chain !== undefined && signature !== undefined) await options.chain.verifyChunk(signature, (hash as ReturnType<typeof createHash>).digest("hex"));
    if (size === 0) break;
    if (!(await reader.readCrlf())) throw malformed("a chunk does not end with CRLF");
  }
  const trailers = await readTrailers(reader);
  const signature = trailers.get("x-amz-trailer-signature");
  trailers.delete("x-amz-trailer-signature");
  if (options.signedTrailer) {
    if (signature === undefined) throw malformed("the trailer has no x-amz-trailer-signature");
    await options.chain?.verifyTrailer(signature, trailers);
  }
  options.onTrailers(trailers);
}

/** Trailer lines `name:value` up to an empty line (a leading empty line is skipped) or the end. */
async function readTrailers(reader: ByteReader): Promise<Map<string, string>> {
  const trailers = new Map<string, string>();
  for (let first = true; ; first = false) {
    const line = await reader.readLine(MAX_LINE);
    if (line === undefined) break;
    if (line === null) throw malformed("a trailer line is too long or unterminated");
    if (line === "") {
      if (first) continue;
      break;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) throw malformed(`a trailer line must be "name:value"`);
    trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (!(await reader.atEnd())) throw malformed("bytes follow the trailer");
  return trailers;
}
