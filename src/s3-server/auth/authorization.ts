import type { IncomingHttpHeaders } from "node:http";
import { S3Error } from "../errors.js";
import { uriEncode, type QueryParams } from "../route.js";
import { parseAmzDate, signaturesEqual, type RequestSigner, type SignableRequest, type SigningScope } from "./sigv4.js";

/** Largest allowed distance between a request's signing time and the server's clock (spec S3S-032). */
export const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_EXPIRES = 604_800;
const ALGORITHM = "AWS4-HMAC-SHA256";

/** What aws-chunked chunk signatures chain from (spec S3S-053). */
export interface ChunkSigning {
  readonly signer: RequestSigner;
  readonly scope: SigningScope;
  /** `x-amz-date` as sent. */
  readonly amzDate: string;
  /** `<date>/<region>/s3/aws4_request`. */
  readonly scopeText: string;
  /** The request's own signature: the seed of the chain. */
  readonly seedSignature: string;
}

/** How a request was authenticated (spec S3S-030, S3S-031). */
export interface Authentication {
  readonly kind: "anonymous" | "header" | "presigned";
  /** Present for verified header-signed requests. */
  readonly chunkSigning?: ChunkSigning;
}

/** What {@link authenticate} needs besides the request. */
export interface AuthSettings {
  /** Access key id → signer. */
  readonly signers: ReadonlyMap<string, RequestSigner>;
  readonly anonymous: boolean;
  readonly now: Date;
}

/** The parts of a request that authentication reads. */
export interface AuthRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly query: QueryParams;
  readonly headers: IncomingHttpHeaders;
  readonly headersDistinct: Readonly<Partial<Record<string, string[]>>>;
}

interface Credential {
  readonly accessKeyId: string;
  readonly scope: SigningScope;
  readonly scopeText: string;
}

/**
 * Verifies a request's Signature V4 (spec S3S-030..S3S-035) before its body is read or any
 * store is asked, and throws the S3 error for the first problem found.
 */
export async function authenticate(request: AuthRequest, settings: AuthSettings): Promise<Authentication> {
  const header = request.headers.authorization;
  const presigned = request.query.has("X-Amz-Algorithm") || request.query.has("X-Amz-Signature");
  if ((header !== undefined && header.startsWith("AWS ")) || (request.query.has("AWSAccessKeyId") && request.query.has("Signature"))) {
    throw new S3Error("InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
  }
  if (header !== undefined && presigned) {
    throw new S3Error("InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified");
  }
  if (header !== undefined) return verifyHeader(request, header, settings);
  if (presigned) return verifyPresigned(request, settings);
  if (settings.anonymous) return { kind: "anonymous" };
  throw new S3Error("AccessDenied", "Anonymous requests are not accepted: sign requests with AWS Signature V4");
}

async function verifyHeader(request: AuthRequest, header: string, settings: AuthSettings): Promise<Authentication> {
  const fields = parseAuthorization(header);
  const amzDate = single(request.headers["x-amz-date"]);
  const date = parseAmzDate(amzDate);
  if (amzDate === undefined || date === undefined) throw new S3Error("AccessDenied", "AWS authentication requires a valid x-amz-date header");
  const payloadHash = single(request.headers["x-amz-content-sha256"]);
  if (payloadHash === undefined) throw new S3Error("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  const credential = parseCredential(fields.credential, date, () => new S3Error("AuthorizationHeaderMalformed", `The authorization header is malformed; the Credential is mal-formed: ${fields.credential}`));
  const signer = signerFor(credential.accessKeyId, settings);
  if (signer === undefined) return { kind: "anonymous" };
  checkSkew(date, settings.now, amzDate);
  const signable = (path: string): SignableRequest => ({ method: request.method, path, query: signableQuery(request.query), headers: signedHeaders(request, fields.signedHeaders) });
  const matches = await verifyWithPathFallback(request.rawPath, fields.signature, (path) => signer.headerSignature(signable(path), credential.scope, payloadHash));
  if (!matches) throw new S3Error("SignatureDoesNotMatch");
  return {
    kind: "header",
    chunkSigning: { signer, scope: credential.scope, amzDate, scopeText: credential.scopeText, seedSignature: fields.signature },
  };
}

async function verifyPresigned(request: AuthRequest, settings: AuthSettings): Promise<Authentication> {
  const q = (name: string): string | undefined => request.query.get(name)?.[0];
  const malformed = (what: string): S3Error => new S3Error("AuthorizationQueryParametersError", `Error parsing the X-Amz-* query parameters: ${what}`);
  if (q("X-Amz-Algorithm") !== ALGORITHM) throw malformed(`X-Amz-Algorithm must be ${ALGORITHM}`);
  const amzDate = q("X-Amz-Date");
  const date = parseAmzDate(amzDate);
  if (date === undefined) throw malformed("X-Amz-Date must be a date like 20130524T000000Z");
  const expiresText = q("X-Amz-Expires") ?? "";
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 1 && expires <= MAX_EXPIRES)) throw malformed(`X-Amz-Expires must be an integer from 1 to ${MAX_EXPIRES}`);
  const signedList = q("X-Amz-SignedHeaders");
  const signature = q("X-Amz-Signature");
  if (signedList === undefined || signature === undefined || !/^[0-9a-f]{64}$/.test(signature)) throw malformed("X-Amz-SignedHeaders and X-Amz-Signature are required");
  const names = parseSignedHeaders(signedList, () => malformed("X-Amz-SignedHeaders must list host"));
  const credential = parseCredential(q("X-Amz-Credential") ?? "", date, () => malformed("X-Amz-Credential is mal-formed"));
  const signer = signerFor(credential.accessKeyId, settings);
  if (signer === undefined) return { kind: "anonymous" };
  if (date.getTime() - settings.now.getTime() > MAX_SKEW_MS) throw skewError(amzDate as string, settings.now);
  if (settings.now.getTime() > date.getTime() + expires * 1000) {
    throw new S3Error("AccessDenied", "Request has expired", { details: { "X-Amz-Expires": expiresText, Expires: new Date(date.getTime() + expires * 1000).toISOString(), ServerTime: settings.now.toISOString() } });
  }
  const { ["X-Amz-Signature"]: _dropped, ...query } = signableQuery(request.query);
  const payloadHash = q("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD";
  const signable = (path: string): SignableRequest => ({ method: request.method, path, query, headers: signedHeaders(request, names) });
  const matches = await verifyWithPathFallback(request.rawPath, signature, (path) => signer.presignedSignature(signable(path), credential.scope, expires, payloadHash));
  if (!matches) throw new S3Error("SignatureDoesNotMatch");
  return { kind: "presigned" };
}

/** The signer of a known key; `undefined` when anonymous access lets an unverifiable signature through. */
function signerFor(accessKeyId: string, settings: AuthSettings): RequestSigner | undefined {
  const signer = settings.signers.get(accessKeyId);
  if (signer !== undefined) return signer;
  if (settings.anonymous && settings.signers.size === 0) return undefined;
  throw new S3Error("InvalidAccessKeyId", undefined, { details: { AWSAccessKeyId: accessKeyId } });
}

function checkSkew(date: Date, now: Date, amzDate: string): void {
  if (Math.abs(date.getTime() - now.getTime()) > MAX_SKEW_MS) throw skewError(amzDate, now);
}

function skewError(amzDate: string, now: Date): S3Error {
  return new S3Error("RequestTimeTooSkewed", undefined, {
    details: { RequestTime: amzDate, ServerTime: now.toISOString(), MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS) },
  });
}

/**
 * Clients sign the path either as they sent it or with each segment decoded and re-encoded
 * (s3-wire.md §2.2): try the raw path, then the re-encoded one when it differs.
 */
async function verifyWithPathFallback(rawPath: string, given: string, compute: (path: string) => Promise<string>): Promise<boolean> {
  if (signaturesEqual(await compute(rawPath), given)) return true;
  const reencoded = reencodePath(rawPath);
  return reencoded !== rawPath && signaturesEqual(await compute(reencoded), given);
}

function reencodePath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => {
      try {
        return uriEncode(decodeURIComponent(segment), { keepSlashes: false });
      } catch {
        return segment;
      }
    })
    .join("/");
}

interface AuthorizationFields {
  readonly credential: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

function parseAuthorization(header: string): AuthorizationFields {
  const malformed = (why: string): S3Error => new S3Error("AuthorizationHeaderMalformed", `The authorization header is malformed; ${why}`);
  if (!header.startsWith(`${ALGORITHM} `)) throw malformed(`the authorization mechanism must be ${ALGORITHM}`);
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq !== -1) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedList = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (credential === undefined || signedList === undefined || signature === undefined) throw malformed("Credential, SignedHeaders and Signature are required");
  if (!/^[0-9a-f]{64}$/.test(signature)) throw malformed("the Signature must be 64 lowercase hex digits");
  return { credential, signedHeaders: parseSignedHeaders(signedList, () => malformed("SignedHeaders must list host")), signature };
}

function parseSignedHeaders(list: string, malformed: () => S3Error): readonly string[] {
  const names = list.split(";").map((name) => name.trim().toLowerCase());
  if (!names.includes("host") || names.some((name) => name === "")) throw malformed();
  return names;
}

function parseCredential(text: string, date: Date, malformed: () => S3Error): Credential {
  const parts = text.split("/");
  if (parts.length !== 5) throw malformed();
  const [accessKeyId, day, region, service, terminator] = parts as [string, string, string, string, string];
  if (accessKeyId === "" || !/^\d{8}$/.test(day) || region === "" || service !== "s3" || terminator !== "aws4_request") throw malformed();
  return { accessKeyId, scope: { date, region }, scopeText: `${day}/${region}/${service}/${terminator}` };
}

/** The query as the signer takes it: decoded values, repeats as arrays. */
function signableQuery(query: QueryParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of query) out[name] = values.length === 1 ? (values[0] as string) : [...values];
  return out;
}

/** The signed headers' values as received (repeats joined with `,`). */
function signedHeaders(request: AuthRequest, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = request.headersDistinct[name]?.join(",") ?? "";
  return out;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
