import { createHash, createHmac } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { CreateBucketCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { expect } from "vitest";
import { serveS3, type S3Server, type ServeS3Options } from "../../../src/s3-server/index.js";
import type { Store } from "../../../src/index.js";
import type { S3RequestLogEntry } from "../../../src/s3-server/index.js";

/** The key pair the tests sign with. */
export const CREDENTIALS = Object.freeze({ accessKeyId: "AKIDS3SERVERTEST", secretAccessKey: "s3-server-test-secret/key+1" });

/** A running server with an SDK client and one bucket. */
export interface Harness {
  readonly server: S3Server;
  readonly client: S3Client;
  /** The whole served tree (backend mode). */
  readonly tree: Store;
  readonly bucket: string;
  /** The bucket's folder as a Store. */
  readonly bucketStore: Store;
  close(): Promise<void>;
}

/** An SDK client for a server: path style, the test key pair, no retries. */
export function clientFor(server: S3Server, extra: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: { ...CREDENTIALS }, maxAttempts: 1, ...extra });
}

/** Starts a server on 127.0.0.1:0 (the test key pair unless options say otherwise) and creates `bucket`. */
export async function startHarness(options: ServeS3Options = {}, bucket = "bkt"): Promise<Harness> {
  const server = await serveS3({ credentials: CREDENTIALS, ...options });
  const client = clientFor(server);
  if (server.store !== undefined) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const tree = server.store as Store;
  return {
    server,
    client,
    tree,
    bucket,
    bucketStore: tree?.child(bucket),
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

/** The SDK error a call failed with; fails the test when it succeeded or has another S3 code or HTTP status. */
export async function expectS3Error(action: Promise<unknown>, code: string, status: number): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  let error: unknown;
  try {
    await action;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) return expect.fail(`expected ${code} (${status}), but the call succeeded`);
  const e = error as Error & { $metadata?: { httpStatusCode?: number }; Code?: string };
  expect({ code: e.name, status: e.$metadata?.httpStatusCode }).toEqual({ code, status });
  return e as Error & { $metadata: { httpStatusCode?: number } };
}

/** A raw HTTP answer. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** `<Code>` of an XML error body. */
  readonly code: string | undefined;
}

/** The `<Code>` of an S3 error document. */
export function errorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

class Sha256 {
  private readonly hash;
  constructor(key?: string | ArrayBuffer | ArrayBufferView) {
    const k = key === undefined || typeof key === "string" ? key : key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    this.hash = k === undefined ? createHash("sha256") : createHmac("sha256", k);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === "string" ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** A test-side SigV4 signer (the SDK's), for raw requests. */
export function testSigner(credentials = CREDENTIALS, region = "us-east-1"): SignatureV4 {
  return new SignatureV4({ service: "s3", region, credentials: { ...credentials }, sha256: Sha256, uriEscapePath: false });
}

/** The hex SHA-256 of a body. */
export function sha256Hex(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** What {@link rawRequest} sends. */
export interface RawRequest {
  readonly method: string;
  /** Path and query, encoded as they go on the wire. */
  readonly target: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Sign with the test key pair (header form) at `signingDate`; default true. */
  readonly sign?: boolean;
  readonly signingDate?: Date;
  /** The `x-amz-content-sha256` to sign; default the body's hash. */
  readonly payloadHash?: string;
  /** The path the signature covers, when it differs from the path sent. */
  readonly signedPath?: string;
}

/** The decoded query of a target as S3 clients sign it: `+` stays `+` (no form decoding). */
function queryOf(target: string): Record<string, string> {
  const query: Record<string, string> = {};
  const raw = target.includes("?") ? target.slice(target.indexOf("?") + 1) : "";
  for (const piece of raw.split("&").filter((p) => p !== "")) {
    const eq = piece.indexOf("=");
    query[decodeURIComponent(eq === -1 ? piece : piece.slice(0, eq))] = eq === -1 ? "" : decodeURIComponent(piece.slice(eq + 1));
  }
  return query;
}

/** Sends one HTTP request with exactly these headers (signed unless `sign: false`) and reads the answer. */
export async function rawRequest(server: S3Server, spec: RawRequest): Promise<RawResponse> {
  const body = spec.body === undefined ? undefined : typeof spec.body === "string" ? Buffer.from(spec.body) : spec.body;
  const url = new URL(spec.target, server.endpoint);
  let headers: Record<string, string> = { host: url.host, ...(body === undefined ? {} : { "content-length": String(body.length) }), ...spec.headers };
  if (spec.sign !== false) {
    const query = queryOf(spec.target);
    const signed = await testSigner().sign(
      { method: spec.method, protocol: "http:", hostname: url.hostname, port: Number(url.port), path: spec.signedPath ?? (spec.target.split("?")[0] as string), query, headers: { ...headers, "x-amz-content-sha256": spec.payloadHash ?? sha256Hex(body ?? "") } },
      spec.signingDate === undefined ? {} : { signingDate: spec.signingDate },
    );
    headers = signed.headers;
  }
  return sendRaw(server, spec.method, spec.target, headers, body);
}

/** Sends one HTTP request with exactly these headers and body, and reads the answer. */
export async function sendRaw(server: S3Server, method: string, target: string, headers: Record<string, string>, body?: Uint8Array): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, code: errorCode(text) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs headers for a raw request (header form) and returns them with `authorization`. */
export async function signHeaders(server: S3Server, method: string, target: string, headers: Record<string, string>, signingDate?: Date): Promise<Record<string, string>> {
  const url = new URL(target, server.endpoint);
  const query = queryOf(target);
  const signed = await testSigner().sign(
    { method, protocol: "http:", hostname: url.hostname, port: Number(url.port), path: target.split("?")[0] as string, query, headers: { host: url.host, ...headers } },
    signingDate === undefined ? {} : { signingDate },
  );
  return signed.headers;
}

/** Writes raw bytes to the server and returns everything it answers until it closes the connection (or `until` matches). */
export async function rawExchange(server: S3Server, bytes: string | Uint8Array, { halfClose = true }: { readonly halfClose?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", (error) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString("latin1")) : reject(error)));
    socket.write(bytes, () => {
      if (halfClose) socket.end();
    });
  });
}

/** Collects `onRequest` entries and lets a test wait for one (no timing involved). */
export class RequestLog {
  readonly entries: S3RequestLogEntry[] = [];
  private readonly waiters: { test: (entry: S3RequestLogEntry) => boolean; resolve: (entry: S3RequestLogEntry) => void }[] = [];

  /** The `onRequest` callback. */
  readonly record = (entry: S3RequestLogEntry): void => {
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(entry)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };

  /** The first entry (logged so far or later) that passes `test`. */
  waitFor(test: (entry: S3RequestLogEntry) => boolean): Promise<S3RequestLogEntry> {
    const seen = this.entries.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

/** Opens a connection, sends `head` (which must ask `Expect: 100-continue`), waits for the `100 Continue`, then hands over the socket. */
export async function afterContinue(server: S3Server, head: string): Promise<import("node:net").Socket> {
  const socket = connect(server.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    let text = "";
    socket.on("error", reject);
    socket.on("data", function onData(chunk: Buffer) {
      text += chunk.toString("latin1");
      if (text.includes("100 Continue")) {
        socket.off("data", onData);
        resolve();
      } else if (/^HTTP\/1\.1 [2-5]\d\d/.test(text)) reject(new Error(`the server answered before continuing: ${text}`));
    });
    socket.write(head);
  });
  return socket;
}
