import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** The hash the signer is built with: SHA-256, or HMAC-SHA256 when given a key (its `ChecksumConstructor` shape). */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(key?: SourceData) {
    this.hash = key === undefined ? createHash("sha256") : createHmac("sha256", bytesOf(key));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** What the signer hands to its hash: text or bytes. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** A key pair requests are signed with. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** When and where a request was signed: the parts of the credential scope that vary. */
export interface SigningScope {
  readonly date: Date;
  readonly region: string;
}

/** A request as the signer needs it: the path as signed, decoded query values, the signed headers. */
export interface SignableRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Recomputes AWS Signature V4 values with `@smithy/signature-v4` (spec S3S-030): the server
 * never canonicalises or signs by hand; it hands the request as received to the SDK's signer.
 */
export class RequestSigner {
  private readonly signer: SignatureV4;

  constructor(credentials: SigningCredentials) {
    this.signer = new SignatureV4({
      service: "s3",
      region: "us-east-1",
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }

  /** The signature of a header-signed request whose `x-amz-content-sha256` is `payloadHash`. */
  async headerSignature(request: SignableRequest, scope: SigningScope, payloadHash: string): Promise<string> {
    const signed = new Set(Object.keys(request.headers));
    const headers = signed.has("x-amz-content-sha256") ? request.headers : { ...request.headers, "x-amz-content-sha256": payloadHash };
    const out = await this.signer.sign(
      { method: request.method, protocol: "http:", hostname: "localhost", path: request.path, query: { ...request.query }, headers: { ...headers } },
      {
        signingDate: scope.date,
        signingRegion: scope.region,
        signingService: "s3",
        signableHeaders: signed,
        // Kept out of the canonical headers unless the client signed them (signableHeaders wins).
        unsignableHeaders: new Set(["x-amz-content-sha256", "x-amz-date"]),
      },
    );
    const authorization = out.headers.authorization ?? "";
    return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? "";
  }

  /** The signature of a presigned request (its query without `X-Amz-Signature`). */
  async presignedSignature(request: SignableRequest, scope: SigningScope, expiresIn: number, payloadHash: string): Promise<string> {
    const signed = new Set(Object.keys(request.headers));
    const out = await this.signer.presign(
      {
        method: request.method,
        protocol: "http:",
        hostname: "localhost",
        path: request.path,
        query: { ...request.query },
        headers: { ...request.headers, "x-amz-content-sha256": payloadHash },
      },
      {
        signingDate: scope.date,
        expiresIn,
        signingRegion: scope.region,
        signingService: "s3",
        signableHeaders: signed,
        unsignableHeaders: new Set(["x-amz-content-sha256"]),
        unhoistableHeaders: new Set([...signed, "x-amz-content-sha256"]),
      },
    );
    const signature = out.query?.["X-Amz-Signature"];
    return typeof signature === "string" ? signature : "";
  }

  /** `hex(HMAC(signing key of the scope, text))`: chunk and trailer signatures (spec S3S-053). */
  signString(text: string, scope: SigningScope): Promise<string> {
    return this.signer.sign(text, { signingDate: scope.date, signingRegion: scope.region, signingService: "s3" });
  }
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** Parses `20130524T000000Z` (the `x-amz-date` form), or `undefined`. */
export function parseAmzDate(text: string | undefined): Date | undefined {
  const m = text === undefined ? null : /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== day ? undefined : date;
}

/** The hex SHA-256 of `data`. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
