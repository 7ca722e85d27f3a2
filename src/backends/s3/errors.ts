import { AlreadyExists, BackendUnavailable, InvalidArgument, InvalidPath, NotFound, PermissionDenied } from "../../errors/classes.js";
import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";
import { quotePath } from "../../errors/quote-path.js";
import { S3_BACKEND_NAME } from "./names.js";
import { isObject } from "../../shared/checks/objects.js";

/** Where a request went, for messages: the endpoint (credentials redacted) and the bucket. */
export interface ErrorContext {
  /** A printable endpoint, e.g. `http://127.0.0.1:9000` or `AWS S3 (us-east-1)`. */
  readonly endpoint: string;
  readonly bucket: string;
}

/** The parts of an SDK (or network) error the mapping looks at. */
interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly Code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly $retryable?: unknown;
}

const NOT_FOUND = new Set(["NoSuchKey", "NotFound", "NoSuchUpload"]);
const DENIED = new Set(["AccessDenied", "Forbidden", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled", "AccountProblem", "InvalidSecurity", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"]);
const PRECONDITION = new Set(["PreconditionFailed", "ConditionalRequestConflict"]);
const BAD_REQUEST = new Set(["InvalidPart", "InvalidPartOrder", "EntityTooSmall", "MetadataTooLarge"]);
const UNAVAILABLE = new Set([
  "SlowDown", "Throttling", "ThrottlingException", "ThrottledException", "RequestLimitExceeded", "TooManyRequestsException",
  "RequestThrottled", "RequestThrottledException", "BandwidthLimitExceeded", "ProvisionedThroughputExceededException",
  "InternalError", "ServiceUnavailable", "RequestTimeout", "RequestTimeoutException", "TimeoutError",
]);
const NETWORK = new Set([
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED",
  "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET", "ERR_SOCKET_CONNECTION_TIMEOUT",
]);

/** The S3 error code of an SDK error (`"NoSuchKey"`, ...), or `undefined`. */
export function s3ErrorCode(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const e = error as ErrorShape;
  if (typeof e.Code === "string") return e.Code;
  if (typeof e.name === "string" && e.name !== "Error" && e.name !== "TypeError") return e.name;
  return undefined;
}

/** The HTTP status of an SDK error, or `undefined` (network errors have none). */
export function httpStatus(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  const status = (error as ErrorShape).$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/** True for "this object does not exist" answers (404, `NoSuchKey`, HEAD's `NotFound`), not for a missing bucket. */
export function isMissing(error: unknown): boolean {
  const code = s3ErrorCode(error);
  if (code === "NoSuchBucket") return false;
  return (code !== undefined && NOT_FOUND.has(code)) || httpStatus(error) === 404;
}

/** True when the server refused a conditional write because the object exists (412, or 409 `ConditionalRequestConflict`). */
export function isPreconditionFailure(error: unknown): boolean {
  const code = s3ErrorCode(error);
  return (code !== undefined && PRECONDITION.has(code)) || httpStatus(error) === 412;
}

/** True when the server does not implement the request (405 `MethodNotAllowed`, 501 `NotImplemented`). */
export function isNotImplemented(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 405 || status === 501;
}

/**
 * Maps an SDK or network error to a library error (spec S3-090). `path` is the backend path
 * the operation was given; messages quote it and never name the key, the prefix or a
 * credential. The native error is kept as `cause`. A library error passes through.
 */
export function mapS3Error(error: unknown, path: string, context: ErrorContext): RemoteStoreError {
  if (isRemoteStoreError(error)) return error;
  const options = { path, backend: S3_BACKEND_NAME, cause: error };
  const quoted = quotePath(path);
  const code = s3ErrorCode(error);
  const status = httpStatus(error);
  const network = networkCode(error);
  if (network !== undefined || (status === undefined && code === "TimeoutError")) {
    return new BackendUnavailable(`S3 endpoint ${context.endpoint} is unreachable (${network ?? code ?? "network error"}) while accessing ${quoted}`, options);
  }
  if (code === "NoSuchBucket") {
    return new BackendUnavailable(`S3 bucket ${JSON.stringify(context.bucket)} does not exist at ${context.endpoint} (while accessing ${quoted})`, options);
  }
  if (code === "NoSuchUpload") return new NotFound(`No such multipart upload: ${quoted}`, options);
  if (isMissing(error)) return new NotFound(`Not found: ${quoted}`, options);
  if ((code !== undefined && DENIED.has(code)) || status === 403 || status === 401) {
    return new PermissionDenied(`S3 denied access (${code ?? status ?? "403"}) to ${quoted} in bucket ${JSON.stringify(context.bucket)}`, options);
  }
  if (isPreconditionFailure(error)) return new AlreadyExists(`Already exists: ${quoted}`, options);
  if (code !== undefined && BAD_REQUEST.has(code)) return new InvalidArgument(`S3 refused the request (${code}): ${quoted}`, options);
  if (code === "KeyTooLongError") return new InvalidPath(`Path too long for S3: ${quoted}`, options);
  if ((code !== undefined && UNAVAILABLE.has(code)) || status === 429 || (status !== undefined && status >= 500)) {
    return new BackendUnavailable(`S3 at ${context.endpoint} is unavailable (${code ?? status}, after retries) while accessing ${quoted}`, options);
  }
  const what = code ?? (status === undefined ? describeUnknown(error) : `HTTP ${status}`);
  return new BackendUnavailable(`S3 request failed (${what}) at ${context.endpoint} while accessing ${quoted}`, options);
}

function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; isObject(current) && depth < 4; depth++) {
    const code = (current as ErrorShape).code;
    if (typeof code === "string" && NETWORK.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** An error the SDK raised before any response, named with its own reason ("Error: Region is missing"), shortened. */
function describeUnknown(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const reason = error.message.split("\n")[0]?.trim() ?? "";
  if (reason === "") return error.name;
  return `${error.name}: ${reason.length > 200 ? `${reason.slice(0, 197)}...` : reason}`;
}
