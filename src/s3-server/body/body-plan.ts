import type { Authentication } from "../auth/authorization.js";
import { ChunkSignatureChain } from "../auth/chunk-signer.js";
import { algorithmOfHeader, checkChecksumValue, checksumHeaderName, CHECKSUM_ALGORITHMS, parseAlgorithm, type ChecksumAlgorithm } from "../checksums.js";
import { S3Error } from "../errors.js";
import type { RequestHeaders } from "../request-headers.js";

/** Largest single PUT or part, as on S3 (spec S3S-051). */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 3;

/** A checksum to check (or compute) over a body. */
export interface ChecksumPlan {
  readonly algorithm: ChecksumAlgorithm;
  /** The value from a header; `undefined` when it comes in the trailer or is to be computed. */
  readonly expected: string | undefined;
  /** The value arrives as an `aws-chunked` trailer. */
  readonly inTrailer: boolean;
}

/** How to read and check a request body (spec S3S-050..S3S-054, S3S-060). */
export interface BodyPlan {
  /** The payload's length in bytes. */
  readonly length: number;
  /** `aws-chunked` framing, with its signing mode; `undefined` for a plain body. */
  readonly chunked: { readonly signedChunks: boolean; readonly signedTrailer: boolean; readonly chain: ChunkSignatureChain | undefined } | undefined;
  /** The hex SHA-256 the payload must have. */
  readonly payloadSha256: string | undefined;
  readonly checksum: ChecksumPlan | undefined;
  /** `Content-MD5`, base64. */
  readonly contentMd5: string | undefined;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Works out a body's framing, length and checks from the request headers; throws the S3 error for bad ones. */
export function planBody(headers: RequestHeaders, auth: Authentication): BodyPlan {
  const sha = headers.get("x-amz-content-sha256");
  const chunked = sha !== undefined && sha.startsWith("STREAMING-") ? chunkedMode(sha, auth) : undefined;
  if (sha !== undefined && chunked === undefined && sha !== "UNSIGNED-PAYLOAD" && !HEX_SHA256.test(sha)) {
    throw new S3Error("InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-… or a hex SHA-256 value.", { details: { ArgumentName: "x-amz-content-sha256" } });
  }
  const length = chunked === undefined ? plainLength(headers) : decodedLength(headers);
  if (length > MAX_OBJECT_BYTES) throw new S3Error("EntityTooLarge", undefined, { details: { ProposedSize: String(length), MaxSizeAllowed: String(MAX_OBJECT_BYTES) } });
  const contentMd5 = headers.get("content-md5");
  if (contentMd5 !== undefined && !(/^[A-Za-z0-9+/]{22}==$/.test(contentMd5))) throw new S3Error("InvalidDigest");
  return {
    length,
    chunked,
    payloadSha256: sha !== undefined && HEX_SHA256.test(sha) ? sha : undefined,
    checksum: checksumPlan(headers, chunked !== undefined),
    contentMd5,
  };
}

function chunkedMode(sha: string, auth: Authentication): BodyPlan["chunked"] {
  const chain = auth.chunkSigning === undefined ? undefined : new ChunkSignatureChain(auth.chunkSigning);
  switch (sha) {
    case "STREAMING-UNSIGNED-PAYLOAD-TRAILER":
      return { signedChunks: false, signedTrailer: false, chain: undefined };
    case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
    case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER":
      if (auth.kind === "presigned") throw new S3Error("InvalidRequest", `${sha} needs a header-signed request.`);
      return { signedChunks: true, signedTrailer: sha.endsWith("-TRAILER"), chain };
    default:
      if (sha.startsWith("STREAMING-AWS4-ECDSA-P256-SHA256")) throw new S3Error("NotImplemented", "Signature V4a (STREAMING-AWS4-ECDSA-P256-SHA256-…) is not implemented.");
      throw new S3Error("InvalidArgument", `x-amz-content-sha256 ${JSON.stringify(sha)} is not a known streaming mode.`, { details: { ArgumentName: "x-amz-content-sha256" } });
  }
}

function plainLength(headers: RequestHeaders): number {
  const text = headers.get("content-length");
  if (text === undefined) throw new S3Error("MissingContentLength");
  return Number(text);
}

function decodedLength(headers: RequestHeaders): number {
  const text = headers.get("x-amz-decoded-content-length");
  if (text === undefined || !/^\d{1,16}$/.test(text)) throw new S3Error("MissingContentLength", "aws-chunked bodies need x-amz-decoded-content-length.");
  return Number(text);
}

/** The checksum named by headers or the trailer (spec S3S-060). */
function checksumPlan(headers: RequestHeaders, chunked: boolean): ChecksumPlan | undefined {
  const named = headers.get("x-amz-sdk-checksum-algorithm");
  const sdkAlgorithm = named === undefined ? undefined : parseAlgorithm(named);
  const sent = CHECKSUM_ALGORITHMS.filter((algorithm) => {
    const name = checksumHeaderName(algorithm);
    return headers.get(name) !== undefined && !headers.fromQuery(name);
  });
  if (sent.length > 1) throw new S3Error("InvalidRequest", "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
  const trailer = chunked ? trailerAlgorithm(headers.get("x-amz-trailer")) : undefined;
  const headerAlgorithm = sent[0];
  const algorithm = headerAlgorithm ?? trailer ?? sdkAlgorithm;
  if (algorithm === undefined) return undefined;
  if (sdkAlgorithm !== undefined && sdkAlgorithm !== algorithm) {
    throw new S3Error("InvalidRequest", `x-amz-sdk-checksum-algorithm ${sdkAlgorithm} does not match the checksum sent (${algorithm}).`);
  }
  if (headerAlgorithm !== undefined) {
    const expected = headers.get(checksumHeaderName(headerAlgorithm)) as string;
    checkChecksumValue(headerAlgorithm, expected);
    return { algorithm: headerAlgorithm, expected, inTrailer: false };
  }
  return { algorithm, expected: undefined, inTrailer: trailer !== undefined };
}

function trailerAlgorithm(trailer: string | undefined): ChecksumAlgorithm | undefined {
  if (trailer === undefined || trailer.trim() === "") return undefined;
  const names = trailer.split(",").map((name) => name.trim());
  const algorithm = names.length === 1 ? algorithmOfHeader(names[0] as string) : undefined;
  if (algorithm === undefined) throw new S3Error("InvalidRequest", `x-amz-trailer must name one checksum header, got ${JSON.stringify(trailer)}.`);
  return algorithm;
}
