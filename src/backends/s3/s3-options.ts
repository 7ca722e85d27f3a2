import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";

import { normalizePrefix } from "./keys.js";
import { describeType, isObject } from "../../shared/checks/objects.js";

/** Static credentials (spec S3-002). Without them the SDK's default chain is used (environment, profiles, instance roles). */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Options of {@link S3Backend} (spec S3-001, S3-002). */
export interface S3BackendOptions {
  /** The bucket. Required. */
  readonly bucket: string;
  /** A key prefix that is this backend's root (`"team/data"`); paths never show it. Default: the bucket root. */
  readonly prefix?: string;
  /**
   * A ready SDK client. The backend uses it as it is (set `requestChecksumCalculation:
   * "WHEN_REQUIRED"` on it for S3-compatible servers) and does not destroy it on `close()`.
   * When given, `region`, `endpoint`, `forcePathStyle`, `credentials`, `maxAttempts` and
   * `clientConfig` must be absent.
   */
  readonly client?: S3Client;
  /** The region (`us-east-1` when an `endpoint` is given without one; else the SDK's default chain). */
  readonly region?: string;
  /** An S3-compatible endpoint, e.g. `http://127.0.0.1:9000` (MinIO) or `https://<account>.r2.cloudflarestorage.com` (R2). */
  readonly endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by most S3-compatible servers. Default `false` (virtual-hosted style). */
  readonly forcePathStyle?: boolean;
  /** Static credentials or an SDK credential provider; default: the SDK's default chain. */
  readonly credentials?: S3Credentials | S3ClientConfig["credentials"];
  /** Attempts per request, including the first (the SDK retries throttling, 5xx and network errors). Default 3. */
  readonly maxAttempts?: number;
  /** Further SDK client settings, applied under the options above. */
  readonly clientConfig?: S3ClientConfig;
  /**
   * Send `If-None-Match: *` for writes that must not overwrite (spec S3-033). Default `true`
   * (AWS S3, MinIO, R2 and Ceph support it). Set `false` for servers that ignore it (s3rver):
   * the backend then checks before writing, which is exclusive only within this backend instance.
   */
  readonly conditionalWrites?: boolean;
  /** Streamed content larger than this many bytes is uploaded with multipart upload. Default `partSize`. */
  readonly multipartThreshold?: number;
  /** Bytes per multipart part: 5 MiB to 5 GiB. Default 8 MiB. Objects up to 10,000 parts. */
  readonly partSize?: number;
  /** Parts uploaded at the same time by one write. Default 4 (memory: `queueSize × partSize`). */
  readonly queueSize?: number;
  /** Requests one operation runs at the same time (listing details, folder copies and deletes). Default 16. */
  readonly concurrency?: number;
  /** Keys per listing request, 1..1000. Default 1000. */
  readonly pageSize?: number;
  /** Lifetime of `url()` links in seconds, 1..604,800 (7 days). Default 3600. */
  readonly urlExpiresIn?: number;
  /**
   * Milliseconds between two polls of each watch (spec WATCH-060), 0..86,400,000. Default 5000;
   * `0` polls only when `pollWatchers()` is called.
   */
  readonly watchInterval?: number;
}

/** The validated numeric and boolean settings, with defaults. */
export interface S3Settings {
  readonly bucket: string;
  readonly prefix: string;
  readonly conditionalWrites: boolean;
  readonly multipartThreshold: number;
  readonly partSize: number;
  readonly queueSize: number;
  readonly concurrency: number;
  readonly pageSize: number;
  readonly urlExpiresIn: number;
  readonly watchInterval: number;
}

const MiB = 1024 * 1024;
/** S3's smallest part (except the last). */
export const MIN_PART_SIZE = 5 * MiB;
/** S3's largest part and largest single PUT. */
export const MAX_PART_SIZE = 5 * 1024 * MiB;
const DEFAULT_PART_SIZE = 8 * MiB;
const CLIENT_KEYS = ["region", "endpoint", "forcePathStyle", "credentials", "maxAttempts", "clientConfig"] as const;

/**
 * Checks the options and fills in defaults (spec S3-001). Every problem is a `TypeError` or
 * `RangeError` naming the option; values are never echoed for credential options.
 */
export function checkOptions(options: unknown): S3Settings {
  if (!isObject(options)) throw new TypeError(`S3Backend options must be an object, got ${describeType(options)}`);
  const o = options as Record<string, unknown>;
  const bucket = o.bucket;
  if (typeof bucket !== "string" || bucket === "") throw new TypeError(`bucket must be a non-empty string, got ${describeType(bucket)}`);
  if (bucket.includes("/")) throw new TypeError(`bucket must be a bucket name without "/", got ${JSON.stringify(bucket)} (put a key prefix in "prefix")`);
  if (o.client !== undefined) {
    if (!isObject(o.client) || typeof (o.client as { send?: unknown }).send !== "function") {
      throw new TypeError(`client must be an S3Client, got ${describeType(o.client)}`);
    }
    const clash = CLIENT_KEYS.filter((key) => o[key] !== undefined);
    if (clash.length > 0) throw new TypeError(`client and ${clash.join(", ")} cannot be combined: configure the client itself`);
  }
  optionalString(o.region, "region");
  optionalString(o.endpoint, "endpoint");
  if (typeof o.endpoint === "string") checkEndpoint(o.endpoint);
  optionalBoolean(o.forcePathStyle, "forcePathStyle");
  checkCredentials(o.credentials);
  if (o.clientConfig !== undefined && (!isObject(o.clientConfig))) throw new TypeError(`clientConfig must be an object, got ${describeType(o.clientConfig)}`);
  optionalInteger(o.maxAttempts, "maxAttempts", 1, 20);
  optionalBoolean(o.conditionalWrites, "conditionalWrites");
  const partSize = optionalInteger(o.partSize, "partSize", MIN_PART_SIZE, MAX_PART_SIZE) ?? DEFAULT_PART_SIZE;
  const multipartThreshold = optionalInteger(o.multipartThreshold, "multipartThreshold", 0, MAX_PART_SIZE) ?? partSize;
  return Object.freeze({
    bucket,
    prefix: normalizePrefix(o.prefix),
    conditionalWrites: (o.conditionalWrites as boolean | undefined) ?? true,
    multipartThreshold,
    partSize,
    queueSize: optionalInteger(o.queueSize, "queueSize", 1, 64) ?? 4,
    concurrency: optionalInteger(o.concurrency, "concurrency", 1, 256) ?? 16,
    pageSize: optionalInteger(o.pageSize, "pageSize", 1, 1000) ?? 1000,
    urlExpiresIn: optionalInteger(o.urlExpiresIn, "urlExpiresIn", 1, 604_800) ?? 3600,
    watchInterval: optionalInteger(o.watchInterval, "watchInterval", 0, 86_400_000) ?? 5000,
  });
}

function optionalString(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== "string" || value === "")) throw new TypeError(`${name} must be a non-empty string, got ${describeType(value)}`);
}

function optionalBoolean(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== "boolean") throw new TypeError(`${name} must be a boolean, got ${describeType(value)}`);
}

/** Checks an optional integer option against its range. */
export function optionalInteger(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(`${name} must be an integer, got ${describeType(value)}`);
  if (value < min || value > max) throw new RangeError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function checkEndpoint(endpoint: string): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError("endpoint must be an absolute http: or https: URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`endpoint must be an http: or https: URL, got a ${url.protocol} URL`);
}

function checkCredentials(credentials: unknown): void {
  if (credentials === undefined || typeof credentials === "function") return;
  if (!isObject(credentials)) throw new TypeError(`credentials must be { accessKeyId, secretAccessKey } or a provider function, got ${describeType(credentials)}`);
  const c = credentials as Record<string, unknown>;
  for (const key of ["accessKeyId", "secretAccessKey"] as const) {
    if (typeof c[key] !== "string" || c[key] === "") throw new TypeError(`credentials.${key} must be a non-empty string`);
  }
  if (c.sessionToken !== undefined && typeof c.sessionToken !== "string") throw new TypeError("credentials.sessionToken must be a string");
}
