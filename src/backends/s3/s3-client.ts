import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { redactUrl } from "../../shared/secrets.js";
import type { S3BackendOptions } from "./s3-options.js";

/** The client a backend talks through, whether it owns it, and how messages name its endpoint. */
export interface ClientHandle {
  readonly client: S3Client;
  /** True when the backend built the client (and destroys it on `close()`). */
  readonly owned: boolean;
  /** The endpoint for messages, credentials redacted (spec S3-005). */
  endpoint: string;
}

/**
 * Builds the SDK client from the options (spec S3-002), or adopts `options.client`. Checksums
 * are computed and validated only where S3 requires them (`WHEN_REQUIRED`): S3-compatible
 * servers differ in their support of the SDK's newer default, and s3rver stores the
 * `aws-chunked` framing of a streamed body as content.
 */
export function clientHandle(options: S3BackendOptions): ClientHandle {
  if (options.client !== undefined) {
    const handle: ClientHandle = { client: options.client, owned: false, endpoint: "the supplied S3 client's endpoint" };
    void resolveEndpoint(options.client).then((endpoint) => {
      if (endpoint !== undefined) handle.endpoint = endpoint;
    });
    return handle;
  }
  const extra: S3ClientConfig = options.clientConfig ?? {};
  const region = options.region ?? extra.region ?? (options.endpoint === undefined ? undefined : "us-east-1");
  const config: S3ClientConfig = {
    ...extra,
    requestChecksumCalculation: extra.requestChecksumCalculation ?? "WHEN_REQUIRED",
    responseChecksumValidation: extra.responseChecksumValidation ?? "WHEN_REQUIRED",
    ...(region === undefined ? {} : { region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.forcePathStyle === undefined ? {} : { forcePathStyle: options.forcePathStyle }),
    ...(options.credentials === undefined ? {} : { credentials: ownCredentials(options.credentials) }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  };
  return { client: new S3Client(config), owned: true, endpoint: describeEndpoint(options.endpoint, region) };
}

/** A copy of static credentials (the SDK annotates the object it is given, which may be the caller's, or frozen). */
function ownCredentials(credentials: NonNullable<S3BackendOptions["credentials"]>): NonNullable<S3ClientConfig["credentials"]> {
  return typeof credentials === "function" ? credentials : { ...credentials };
}

/** `http://host:port` (password and credential-like query parameters redacted), or `AWS S3 (region)`. */
export function describeEndpoint(endpoint: string | undefined, region: unknown): string {
  if (endpoint !== undefined) return stripUser(redactUrl(endpoint));
  return typeof region === "string" ? `AWS S3 (${region})` : "AWS S3 (no region configured)";
}

function stripUser(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}

async function resolveEndpoint(client: S3Client): Promise<string | undefined> {
  try {
    const provider = (client.config as { endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }> }).endpoint;
    if (typeof provider !== "function") return undefined;
    const e = await provider();
    return `${e.protocol}//${e.hostname}${e.port === undefined ? "" : `:${e.port}`}${e.path === "/" ? "" : e.path}`;
  } catch {
    return undefined;
  }
}
