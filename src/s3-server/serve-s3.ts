import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { MemoryBackend } from "../backends/memory/index.js";
import { borrowedStore } from "../registry/borrowed-store.js";
import { Store } from "../store/store.js";
import { RequestSigner } from "./auth/sigv4.js";
import { FixedBuckets, FolderBuckets, type BucketSource } from "./buckets.js";
import { brokenConnections, createLocks, type ServerContext } from "./context.js";
import { UploadTable } from "./multipart/upload-table.js";
import { ObjectIndex } from "./object-index.js";
import { handleRequest, parserErrorReply, type HandlerSettings } from "./request-handler.js";
import { checkOptions, virtualHostBases, type CheckedOptions, type S3Credentials, type ServeS3Options } from "./server-options.js";

const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;
/** S3 limits the request header section to 8 KiB (spec S3S-023). */
const MAX_HEADER_BYTES = 8 * 1024;

/** A running S3 endpoint (spec S3S-003, S3S-004). */
export interface S3Server extends AsyncDisposable {
  /** `http://<host>:<port>`. */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly region: string;
  /**
   * The accepted key pairs (one generated when none were configured): fresh plain copies on
   * every read, so an SDK client may annotate them as it does.
   */
  readonly credentials: S3Credentials[];
  /**
   * In `backend` mode, a Store over the whole backend (each bucket a top-level folder), for
   * looking at the tree. It does not own the backend, and the server does not use it: closing it
   * closes nothing else.
   */
  readonly store: Store | undefined;
  /** Stops accepting, lets requests in progress finish, then resolves; idempotent. */
  close(): Promise<void>;
  /** `S3Server(<endpoint>)`: never a secret. */
  toString(): string;
}

/**
 * Serves stores as an S3-compatible HTTP endpoint (spec/s3-server.md) and resolves once it
 * listens. By default a new `MemoryBackend` whose top-level folders are the buckets, on
 * `127.0.0.1` and a free port, accepting requests signed with one random key pair.
 *
 * ```ts
 * await using server = await serveS3({ credentials: { accessKeyId: "AK", secretAccessKey: "SK" } });
 * new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials[0] });
 * ```
 */
export async function serveS3(options?: ServeS3Options): Promise<S3Server> {
  const checked = checkOptions(options, () => new MemoryBackend());
  const server = new RunningS3Server(checked);
  await server.listen();
  if (checked.anonymous) checked.warn(`remote-store s3-server at ${server.endpoint}: anonymous access is on — unsigned requests are accepted`);
  return server;
}

class RunningS3Server implements S3Server {
  readonly host: string;
  readonly region: string;
  readonly store: Store | undefined;
  private readonly http: Server;
  private readonly options: CheckedOptions;
  private readonly context: ServerContext;
  private readonly settings: HandlerSettings;
  private readonly inFlight = new Set<Promise<void>>();
  private staging: Store | undefined;
  private closing: Promise<void> | undefined;
  private boundPort = 0;

  constructor(options: CheckedOptions) {
    this.options = options;
    this.host = options.host;
    this.region = options.region;
    const startedAt = options.clock();
    const buckets = bucketSource(options, startedAt);
    this.store = options.source.kind === "backend" ? borrowedStore(options.source.backend, "") : undefined;
    this.context = {
      buckets,
      index: new ObjectIndex(),
      uploads: new UploadTable(),
      locks: createLocks(),
      region: options.region,
      minPartSize: options.minPartSize,
      clock: options.clock,
      startedAt,
      staging: () => (this.staging ??= new Store({ backend: new MemoryBackend({ name: "s3-server-staging" }) })),
      endpoint: () => this.endpoint,
    };
    this.settings = {
      signers: new Map(options.credentials.map((c) => [c.accessKeyId, new RequestSigner(c)])),
      anonymous: options.anonymous,
      cors: options.cors,
      virtualHostBases: virtualHostBases(options.host),
      onRequest: options.onRequest,
      warn: options.warn,
    };
    this.http = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => this.serve(req, res));
    this.http.on("clientError", (error: Error & { code?: string }, socket: Socket) => answerParserError(error, socket));
  }

  get credentials(): S3Credentials[] {
    return this.options.credentials.map(({ accessKeyId, secretAccessKey }) => ({ accessKeyId, secretAccessKey }));
  }

  get port(): number {
    return this.boundPort;
  }

  get endpoint(): string {
    return `http://${this.host.includes(":") ? `[${this.host}]` : this.host}:${this.boundPort}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off("error", reject);
        resolve();
      });
    });
    this.boundPort = (this.http.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  toString(): string {
    return `S3Server(${this.endpoint})`;
  }

  [INSPECT](): string {
    return this.toString();
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const handled = handleRequest(this.context, this.settings, req, res)
      .catch((error: unknown) => {
        this.options.warn(`remote-store s3-server: a request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      })
      .finally(() => {
        this.inFlight.delete(handled);
        if (this.closing !== undefined) this.http.closeIdleConnections();
      });
    this.inFlight.add(handled);
  }

  private async shutDown(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeIdleConnections();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.http.closeIdleConnections();
    await closed;
    for (const upload of this.context.uploads.all()) {
      this.context.uploads.remove(upload.id);
      await upload.storage.discard().catch(() => undefined);
    }
    await this.staging?.close();
    const source = this.options.source;
    if (source.kind === "backend" && source.owned) await source.backend.close();
  }
}

function bucketSource(options: CheckedOptions, startedAt: Date): BucketSource {
  const { source } = options;
  if (source.kind === "buckets") return FixedBuckets.ofStores(source.buckets, startedAt);
  if (source.kind === "registry") return FixedBuckets.ofRegistry(source.registry, startedAt);
  return new FolderBuckets(source.backend, { clock: options.clock, startedAt });
}

/** Answers a request the HTTP parser rejected with an S3 error, then closes the connection (spec S3S-023). */
function answerParserError(error: Error & { code?: string }, socket: Socket): void {
  brokenConnections.add(socket);
  if (socket.writable && error.code !== "ECONNRESET") {
    const { status, body } = parserErrorReply(error.code);
    const text = `HTTP/1.1 ${status} ${status === 400 ? "Bad Request" : "Error"}\r\ncontent-type: application/xml\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
    socket.end(text);
  } else {
    socket.destroy();
  }
}
