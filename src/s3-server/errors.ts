import { isRemoteStoreError } from "../errors/remote-store-error.js";

/** The S3 error codes this server answers, with their HTTP status and default message (spec S3S-150). */
const CODES = {
  AccessDenied: [403, "Access Denied"],
  AccessForbidden: [403, "CORSResponse: This CORS request is not allowed."],
  AuthorizationHeaderMalformed: [400, "The authorization header is malformed."],
  AuthorizationQueryParametersError: [400, "The presigned URL's query parameters are malformed."],
  BadDigest: [400, "The checksum you specified did not match the calculated checksum."],
  BadRequest: [400, "Bad Request"],
  BucketAlreadyOwnedByYou: [409, "Your previous request to create the named bucket succeeded and you already own it."],
  BucketNotEmpty: [409, "The bucket you tried to delete is not empty."],
  EntityTooLarge: [400, "Your proposed upload exceeds the maximum allowed size."],
  EntityTooSmall: [400, "Your proposed upload is smaller than the minimum allowed object size."],
  IncompleteBody: [400, "You did not provide the number of bytes specified by the Content-Length HTTP header."],
  InternalError: [500, "We encountered an internal error. Please try again."],
  InvalidAccessKeyId: [403, "The AWS access key Id you provided does not exist in our records."],
  InvalidArgument: [400, "Invalid Argument"],
  InvalidBucketName: [400, "The specified bucket is not valid."],
  InvalidDigest: [400, "The Content-MD5 you specified is not valid."],
  InvalidPart: [400, "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag."],
  InvalidPartOrder: [400, "The list of parts was not in ascending order. Parts must be ordered by part number."],
  InvalidRange: [416, "The requested range is not satisfiable"],
  InvalidRequest: [400, "Invalid Request"],
  InvalidURI: [400, "Couldn't parse the specified URI."],
  KeyConflict: [409, "A key would need a file and a folder at one path."],
  KeyTooLongError: [400, "Your key is too long."],
  MalformedXML: [400, "The XML you provided was not well-formed or did not validate against our published schema."],
  MetadataTooLarge: [400, "Your metadata headers exceed the maximum allowed metadata size."],
  MethodNotAllowed: [405, "The specified method is not allowed against this resource."],
  MissingContentLength: [411, "You must provide the Content-Length HTTP header."],
  NoSuchBucket: [404, "The specified bucket does not exist."],
  NoSuchKey: [404, "The specified key does not exist."],
  NoSuchUpload: [404, "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed."],
  NotImplemented: [501, "A header or parameter you provided implies functionality that is not implemented."],
  PreconditionFailed: [412, "At least one of the preconditions you specified did not hold."],
  RequestHeaderSectionTooLarge: [400, "Your request header section exceeds the maximum allowed size."],
  RequestTimeTooSkewed: [403, "The difference between the request time and the server's time is too large."],
  ServiceUnavailable: [503, "Please reduce your request rate."],
  SignatureDoesNotMatch: [403, "The request signature we calculated does not match the signature you provided. Check your key and signing method."],
  XAmzContentSHA256Mismatch: [400, "The provided 'x-amz-content-sha256' header does not match what was computed."],
} as const satisfies Record<string, readonly [number, string]>;

/** An S3 error code this server answers. */
export type S3ErrorCode = keyof typeof CODES;

/** Options of {@link S3Error}. */
export interface S3ErrorOptions {
  /** Extra children of `<Error>` (`Key`, `ConflictingKey`, `ServerTime`, …), in order. */
  readonly details?: Readonly<Record<string, string>>;
  /** Extra response headers (e.g. `Content-Range` of a 416). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The error that caused this one. */
  readonly cause?: unknown;
}

/** An error answered as an S3 XML error document with S3's code and HTTP status. */
export class S3Error extends Error {
  /** The S3 error code (`NoSuchKey`, …). */
  readonly code: S3ErrorCode;
  /** The HTTP status that goes with the code. */
  readonly status: number;
  /** Extra children of the `<Error>` element. */
  readonly details: Readonly<Record<string, string>>;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: S3ErrorCode, message?: string, options: S3ErrorOptions = {}) {
    super(message ?? CODES[code][1], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "S3Error";
    this.code = code;
    this.status = CODES[code][0];
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
  }
}

/** What a library error means for the request at hand (spec S3S-151). */
export interface ErrorContext {
  /** The key the request is about, for messages. */
  readonly key?: string | undefined;
  /** A write: `INVALID_PATH` is a file/folder conflict and `ALREADY_EXISTS` a failed precondition. */
  readonly writing?: boolean;
}

/**
 * Maps anything thrown while serving a request to an {@link S3Error} (spec S3S-151). An
 * `S3Error` passes unchanged; library errors map by code; anything else is `InternalError`.
 */
export function toS3Error(error: unknown, context: ErrorContext = {}): S3Error {
  if (error instanceof S3Error) return error;
  if (!isRemoteStoreError(error)) return new S3Error("InternalError", undefined, { cause: error });
  const about = context.key === undefined ? "" : ` (key ${JSON.stringify(context.key)})`;
  const message = `${error.code}: ${error.message}${about}`;
  switch (error.code) {
    case "NOT_FOUND":
      return new S3Error("NoSuchKey", message, { cause: error });
    case "ALREADY_EXISTS":
      return new S3Error("PreconditionFailed", message, { cause: error });
    case "INVALID_PATH":
      return new S3Error(context.writing === true ? "KeyConflict" : "NoSuchKey", message, { cause: error });
    case "INVALID_ARGUMENT":
      return new S3Error("InvalidArgument", message, { cause: error });
    case "QUOTA_EXCEEDED":
      return new S3Error("EntityTooLarge", message, { cause: error });
    case "PERMISSION_DENIED":
      return new S3Error("AccessDenied", message, { cause: error });
    case "CAPABILITY_NOT_SUPPORTED":
      return new S3Error("NotImplemented", message, { cause: error });
    case "BACKEND_UNAVAILABLE":
      return new S3Error("ServiceUnavailable", message, { cause: error });
    default:
      return new S3Error("InternalError", message, { cause: error });
  }
}
