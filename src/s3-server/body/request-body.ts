import { createHash, type Hash } from "node:crypto";
import { checkChecksumValue, checksumHeaderName, createChecksummer, type Checksummer, type ChecksumAlgorithm, type StoredChecksum } from "../checksums.js";
import { S3Error } from "../errors.js";
import { decodeAwsChunked } from "./aws-chunked.js";
import type { BodyPlan } from "./body-plan.js";

/** What a fully received and checked body was. */
export interface ReceivedBody {
  readonly size: number;
  /** The MD5 digest (the ETag of a single PUT, and of a part). */
  readonly md5: Buffer;
  /** The checked (or computed) checksum, `FULL_OBJECT`. */
  readonly checksum: StoredChecksum | undefined;
}

/** Options of {@link RequestBody}. */
export interface RequestBodyOptions {
  /** Compute this algorithm when the request names none (a part of an upload with a checksum algorithm). */
  readonly computeAlgorithm?: ChecksumAlgorithm | undefined;
}

/**
 * A request body on its way into a store (spec S3S-050): {@link content} yields the payload as it
 * arrives and throws — failing the store's write, which then keeps nothing — when the body turns
 * out wrong: too short or too long, a bad payload hash, `Content-MD5` or checksum, a bad
 * `aws-chunked` framing or signature, or a client that went away. Every check runs before the
 * iterable ends, so a write that completes holds a body that passed them all.
 */
export class RequestBody {
  /** The payload, to hand to a store's streaming write. */
  readonly content: AsyncIterable<Uint8Array>;
  private result: ReceivedBody | undefined;

  constructor(source: AsyncIterable<Uint8Array>, plan: BodyPlan, options: RequestBodyOptions = {}) {
    this.content = this.receive(source, plan, options);
  }

  /** The checked body; only after {@link content} was consumed to its end. */
  get received(): ReceivedBody {
    if (this.result === undefined) throw new Error("The request body has not been received yet");
    return this.result;
  }

  private async *receive(source: AsyncIterable<Uint8Array>, plan: BodyPlan, options: RequestBodyOptions): AsyncGenerator<Uint8Array> {
    let trailers: ReadonlyMap<string, string> = new Map();
    const guarded = this.guard(source);
    const payload = plan.chunked === undefined ? guarded : decodeAwsChunked(guarded, { ...plan.chunked, onTrailers: (t) => void (trailers = t) });
    const md5 = createHash("md5");
    const sha256: Hash | undefined = plan.payloadSha256 === undefined ? undefined : createHash("sha256");
    const algorithm = plan.checksum?.algorithm ?? options.computeAlgorithm;
    const checksummer: Checksummer | undefined = algorithm === undefined ? undefined : createChecksummer(algorithm);
    let size = 0;
    for await (const chunk of payload) {
      size += chunk.length;
      if (size > plan.length) throw new S3Error("IncompleteBody", `The body is longer than the ${plan.length} bytes declared.`);
      md5.update(chunk);
      sha256?.update(chunk);
      checksummer?.update(chunk);
      yield chunk;
    }
    if (size < plan.length) throw new S3Error("IncompleteBody", `The body has ${size} of the ${plan.length} bytes declared.`);
    if (sha256 !== undefined && sha256.digest("hex") !== plan.payloadSha256) throw new S3Error("XAmzContentSHA256Mismatch", undefined, { details: { ClientComputedContentSHA256: plan.payloadSha256 ?? "" } });
    const digest = md5.digest();
    if (plan.contentMd5 !== undefined && digest.toString("base64") !== plan.contentMd5) throw new S3Error("BadDigest", "The Content-MD5 you specified did not match what we received.");
    const checksum = algorithm === undefined ? undefined : await this.checkChecksum(algorithm, checksummer as Checksummer, plan, trailers);
    this.result = { size, md5: digest, checksum };
  }

  private async checkChecksum(algorithm: ChecksumAlgorithm, checksummer: Checksummer, plan: BodyPlan, trailers: ReadonlyMap<string, string>): Promise<StoredChecksum> {
    const actual = Buffer.from(await checksummer.digest()).toString("base64");
    let expected = plan.checksum?.expected;
    if (plan.checksum?.inTrailer === true) {
      expected = trailers.get(checksumHeaderName(algorithm));
      if (expected === undefined) throw new S3Error("InvalidRequest", `The trailer ${checksumHeaderName(algorithm)} was declared but not sent.`);
      checkChecksumValue(algorithm, expected);
    }
    if (expected !== undefined && expected !== actual) throw new S3Error("BadDigest", `The ${algorithm} you specified did not match the calculated checksum.`);
    return { algorithm, value: actual, type: "FULL_OBJECT" };
  }

  /** The source, with its failures (a client that went away) turned into `IncompleteBody`. */
  private async *guard(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      yield* source;
    } catch (error) {
      if (error instanceof S3Error) throw error;
      throw new S3Error("IncompleteBody", "The connection ended before the body was complete.", { cause: error });
    }
  }
}
