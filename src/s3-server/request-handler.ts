import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, type Authentication } from "./auth/authorization.js";
import type { RequestSigner } from "./auth/sigv4.js";
import type { S3Request, ServerContext } from "./context.js";
import { corsHeaders, preflight, type CorsOrigins } from "./cors.js";
import { S3Error, toS3Error } from "./errors.js";
import { chooseOperation, runOperation, type Operation } from "./operations.js";
import { RequestHeaders } from "./request-headers.js";
import { errorReply, httpTime, sendReply, type Reply } from "./responses.js";
import { parseRoute, type Route } from "./route.js";

/** One handled request, as `onRequest` receives it (spec S3S-005). */
export interface S3RequestLogEntry {
  readonly method: string;
  /** The request target (path and query) as sent. */
  readonly url: string;
  /** The S3 operation, when the request got that far (`"CorsPreflight"` for OPTIONS). */
  readonly operation: string | undefined;
  readonly status: number;
  /** The S3 error code of an error answer. */
  readonly errorCode: string | undefined;
  /** True when the client went away before the answer was complete. */
  readonly clientGone: boolean;
  readonly requestId: string;
}

/** What the handler needs besides the shared state. */
export interface HandlerSettings {
  readonly signers: ReadonlyMap<string, RequestSigner>;
  readonly anonymous: boolean;
  readonly cors: CorsOrigins;
  readonly virtualHostBases: readonly string[];
  readonly onRequest: ((entry: S3RequestLogEntry) => void) | undefined;
  readonly warn: (message: string) => void;
}

/**
 * Serves one HTTP request from start to answer: route, CORS preflight, authentication,
 * operation, error mapping (spec S3S-150, S3S-151), common and CORS headers, and the log entry.
 */
export async function handleRequest(context: ServerContext, settings: HandlerSettings, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const method = req.method ?? "GET";
  res.setHeader("x-amz-request-id", requestId);
  res.setHeader("x-amz-id-2", randomBytes(24).toString("base64"));
  res.setHeader("date", httpTime(context.clock()));
  res.setHeader("server", "remote-store");
  let operation: Operation | undefined;
  let route: Route | undefined;
  let reply: Reply;
  let errorCode: string | undefined;
  try {
    route = parseRoute(req.url ?? "/", req.headers.host, settings.virtualHostBases);
    if (method === "OPTIONS") {
      reply = preflight(settings.cors, new RequestHeaders(req.headers, route.query, false));
    } else {
      const auth = await authenticate({ method, rawPath: route.rawPath, query: route.query, headers: req.headers, headersDistinct: req.headersDistinct }, { signers: settings.signers, anonymous: settings.anonymous, now: context.clock() });
      const request = s3Request(req, method, route, auth);
      operation = chooseOperation(method, route.bucket, route.key, route.query, request.headers.get("x-amz-copy-source") !== undefined);
      reply = await runOperation(context, operation, request);
    }
  } catch (error) {
    const s3Error = toS3Error(error, { key: route?.key, writing: operation !== undefined && "writes" in operation });
    if (s3Error.code === "InternalError") settings.warn(`remote-store s3-server: internal error in ${method} ${req.url ?? ""}: ${describe(error)}`);
    errorCode = s3Error.code;
    reply = errorReply(s3Error, resourceOf(route, req.url), requestId);
  }
  const cors = method === "OPTIONS" ? {} : corsHeaders(settings.cors, req.headers.origin, reply.headers ?? {});
  // A body the operation never read is not worth reading now: answer and close the connection.
  if (!req.complete) res.setHeader("connection", "close");
  const finished = new Promise<boolean>((resolve) => {
    res.once("finish", () => resolve(false));
    res.once("close", () => resolve(!res.writableFinished));
  });
  if (!res.destroyed) await sendReply(res, { ...reply, headers: { ...reply.headers, ...cors } }, { head: method === "HEAD" });
  const clientGone = res.destroyed && !res.writableFinished ? true : await finished;
  settings.onRequest?.({ method, url: req.url ?? "", operation: method === "OPTIONS" ? "CorsPreflight" : operation?.name, status: reply.status, errorCode, clientGone, requestId });
}

function s3Request(req: IncomingMessage, method: string, route: Route, auth: Authentication): S3Request {
  return { req, method, route, query: route.query, headers: new RequestHeaders(req.headers, route.query, auth.kind === "presigned"), auth };
}

function resourceOf(route: Route | undefined, url: string | undefined): string {
  if (route === undefined) return url ?? "/";
  if (route.bucket === undefined) return "/";
  return route.key === undefined ? `/${route.bucket}` : `/${route.bucket}/${route.key}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The S3 error answered to a request the HTTP parser could not read (spec S3S-023). */
export function parserErrorReply(code: string | undefined): { status: number; body: string } {
  const error =
    code === "HPE_HEADER_OVERFLOW"
      ? new S3Error("RequestHeaderSectionTooLarge", undefined, { details: { MaxSizeAllowed: "8192" } })
      : code === "HPE_INVALID_EOF_STATE"
        ? new S3Error("IncompleteBody")
        : new S3Error("BadRequest", "The request could not be parsed as HTTP.");
  const reply = errorReply(error, "/", randomBytes(8).toString("hex").toUpperCase());
  return { status: error.status, body: reply.body as string };
}
