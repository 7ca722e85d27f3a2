import { S3Error } from "../errors.js";
import type { ChunkSigning } from "./authorization.js";
import { sha256Hex, signaturesEqual } from "./sigv4.js";

const EMPTY_SHA256 = sha256Hex("");

/**
 * The chain of `aws-chunked` chunk signatures of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`
 * body (spec S3S-053): each chunk is signed over the previous signature (the first over the
 * request's own) and the SHA-256 of its bytes; the trailer over the last chunk's signature and
 * its `name:value\n` lines. The HMAC is the SDK signer's.
 */
export class ChunkSignatureChain {
  private previous: string;
  private readonly signing: ChunkSigning;

  constructor(signing: ChunkSigning) {
    this.signing = signing;
    this.previous = signing.seedSignature;
  }

  /** Checks the signature of the chunk whose bytes hash to `chunkSha256Hex`; `SignatureDoesNotMatch` otherwise. */
  async verifyChunk(given: string, chunkSha256Hex: string): Promise<void> {
    const { amzDate, scopeText } = this.signing;
    await this.verify(given, ["AWS4-HMAC-SHA256-PAYLOAD", amzDate, scopeText, this.previous, EMPTY_SHA256, chunkSha256Hex].join("\n"));
  }

  /** Checks `x-amz-trailer-signature` over the trailer lines (sorted `name:value\n`, without the signature). */
  async verifyTrailer(given: string, trailers: ReadonlyMap<string, string>): Promise<void> {
    const lines = [...trailers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => `${name}:${value}\n`).join("");
    const { amzDate, scopeText } = this.signing;
    await this.verify(given, ["AWS4-HMAC-SHA256-TRAILER", amzDate, scopeText, this.previous, sha256Hex(lines)].join("\n"));
  }

  private async verify(given: string, stringToSign: string): Promise<void> {
    const expected = await this.signing.signer.signString(stringToSign, this.signing.scope);
    if (!signaturesEqual(expected, given)) throw new S3Error("SignatureDoesNotMatch", "The chunk signature does not match the chunk's content.");
    this.previous = expected;
  }
}
