import type { IncomingMessage } from "node:http";
import { KeyedLock } from "../shared/concurrency/keyed-lock.js";
import type { Store } from "../store/store.js";
import type { Authentication } from "./auth/authorization.js";
import { S3Error } from "./errors.js";
import type { BucketSource } from "./buckets.js";
import type { TreeKey } from "./keys.js";
import type { UploadTable } from "./multipart/upload-table.js";
import type { ObjectIndex } from "./object-index.js";
import type { RequestHeaders } from "./request-headers.js";
import type { QueryParams, Route } from "./route.js";

/** What every operation shares: the server's state and settings. */
export interface ServerContext {
  readonly buckets: BucketSource;
  readonly index: ObjectIndex;
  readonly uploads: UploadTable;
  /** Serialises writes through the server per bucket and key (spec S3S-075). */
  readonly locks: KeyedLock;
  readonly region: string;
  readonly minPartSize: number;
  readonly clock: () => Date;
  readonly startedAt: Date;
  /** The server's own store for parts of uploads to stores without `multipart` (created on first use). */
  readonly staging: () => Store;
  /** `http://host:port`, for `Location` answers. */
  readonly endpoint: () => string;
}

/** A request after authentication and routing. */
export interface S3Request {
  readonly req: IncomingMessage;
  readonly method: string;
  readonly route: Route;
  readonly query: QueryParams;
  readonly headers: RequestHeaders;
  readonly auth: Authentication;
}

/** A request addressed to an existing bucket. */
export interface BucketRequest extends S3Request {
  readonly bucket: string;
  readonly store: Store;
}

/** A request addressed to a key of an existing bucket. */
export interface ObjectRequest extends BucketRequest {
  readonly target: TreeKey;
}

/** Creates the per-key lock table. */
export function createLocks(): KeyedLock {
  return new KeyedLock();
}

/** The lock name of a key: bucket and path. */
export function lockName(bucket: string, path: string): string {
  return `${bucket}\u0000${path}`;
}

/**
 * Connections on which the HTTP parser failed (spec S3S-023). Bytes that follow a body in the
 * same packet are parsed before the body's end reaches its reader, so a body followed by
 * garbage (one longer than its `Content-Length`) is known to be broken before it is stored.
 */
export const brokenConnections = new WeakSet<object>();

/**
 * The request body as an async iterable that does not destroy the socket when a consumer stops
 * early, and that fails at its end when the connection turned out broken (spec S3S-050).
 */
export function bodySource(req: IncomingMessage): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) as AsyncIterator<Uint8Array> };
      if (brokenConnections.has(req.socket)) {
        throw new S3Error("BadRequest", "The body is followed by bytes that are not an HTTP request: it is longer than its Content-Length.");
      }
    },
  };
}
