import { S3Error } from "./errors.js";
import type { RequestHeaders } from "./request-headers.js";
import type { Reply, ReplyHeaders } from "./responses.js";

/** Allowed browser origins: `false` (no CORS), `"*"` (any), or a list (spec S3S-140). */
export type CorsOrigins = false | "*" | readonly string[];

const METHODS = "GET, PUT, POST, DELETE, HEAD";
const VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
const EXPOSED = [
  "ETag", "x-amz-request-id", "x-amz-id-2", "x-amz-version-id", "x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-crc64nvme",
  "x-amz-checksum-sha1", "x-amz-checksum-sha256", "x-amz-checksum-type", "x-amz-mp-parts-count", "Content-Range", "Content-Length", "Content-Type",
  "Last-Modified", "Accept-Ranges",
];

function allowed(origins: CorsOrigins, origin: string): boolean {
  return origins === "*" || (origins !== false && origins.includes(origin));
}

/** The answer to an `OPTIONS` preflight (spec S3S-140); no authentication. */
export function preflight(origins: CorsOrigins, headers: RequestHeaders): Reply {
  const origin = headers.get("origin");
  const method = headers.get("access-control-request-method");
  if (origins === false) throw new S3Error("AccessForbidden", "CORSResponse: CORS is not enabled on this server.");
  if (origin === undefined || method === undefined) throw new S3Error("BadRequest", "Insufficient information. Origin and Access-Control-Request-Method request headers are needed.");
  if (!allowed(origins, origin) || !METHODS.split(", ").includes(method.toUpperCase())) throw new S3Error("AccessForbidden");
  const requested = headers.get("access-control-request-headers");
  return {
    status: 200,
    headers: {
      "access-control-allow-origin": origins === "*" ? "*" : origin,
      "access-control-allow-methods": METHODS,
      "access-control-allow-headers": requested,
      "access-control-max-age": "3000",
      vary: VARY,
    },
  };
}

/** The CORS headers of an ordinary response to a request from `origin` (spec S3S-141); none when not allowed. */
export function corsHeaders(origins: CorsOrigins, origin: string | undefined, reply: ReplyHeaders): Record<string, string> {
  if (origin === undefined || !allowed(origins, origin)) return {};
  const metadata = Object.keys(reply).filter((name) => name.startsWith("x-amz-meta-"));
  return {
    "access-control-allow-origin": origins === "*" ? "*" : origin,
    "access-control-expose-headers": [...EXPOSED, ...metadata].join(", "),
    vary: "Origin",
  };
}
