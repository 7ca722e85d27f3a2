import type { Backend } from "../../contract/backend.js";
import { serveS3, type S3Server } from "../../s3-server/serve-s3.js";
import { isValidBucketName } from "../../s3-server/buckets.js";
import type { S3Credentials, ServeS3Options } from "../../s3-server/server-options.js";
import type { Store } from "../../store/store.js";
import { describeType, isObject } from "../../shared/checks/objects.js";
import { fixtureEntries, type FixtureEntry, type FixtureTree } from "../fixtures/fixture-tree.js";

/** A seed for {@link startS3Server}: bucket name → the bucket's contents as a fixture tree (spec FIX-001). */
export type S3Seed = Readonly<Record<string, FixtureTree>>;

/** Options of {@link startS3Server} (spec FIX-040): `serveS3`'s, with one backend and at most one key pair. */
export interface StartS3ServerOptions extends Omit<ServeS3Options, "backend" | "buckets" | "registry" | "credentials"> {
  /** Buckets to create, each with its files and folders; default none. */
  readonly seed?: S3Seed;
  /** The backend to serve (each top-level folder a bucket); not closed. Default: a new `MemoryBackend`, closed with the server. */
  readonly backend?: Backend;
  /** The key pair clients sign with; default a random one. */
  readonly credentials?: S3Credentials;
}

/** What an S3 SDK client needs to reach the server: `new S3Client(s3.clientOptions)`. */
export interface S3ClientOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly forcePathStyle: true;
}

/** A running test server (spec FIX-041). */
export interface StartedS3Server extends AsyncDisposable {
  /** The `serveS3` server. */
  readonly server: S3Server;
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly region: string;
  /** The key pair clients sign with (with `anonymous` and no credentials: a placeholder pair the server accepts). */
  readonly credentials: S3Credentials;
  /** Options for `new S3Client(…)`; fresh plain objects on every read. */
  readonly clientOptions: S3ClientOptions;
  /** A Store over the whole served backend, each bucket a top-level folder: for `dumpStore(s3.store, "bucket")`. */
  readonly store: Store;
  /** Stops the server (waiting for requests in progress); idempotent. */
  close(): Promise<void>;
}

/** The key pair shown for an anonymous server without credentials: it accepts any signature (spec S3S-031). */
const ANONYMOUS_PAIR: S3Credentials = Object.freeze({ accessKeyId: "anonymous", secretAccessKey: "anonymous" });

/**
 * Starts `serveS3` on 127.0.0.1 and a free port over a memory tree (or `backend`), seeded with
 * `seed`, and resolves to it with ready-made SDK client options (spec FIX-040..FIX-044).
 *
 * ```ts
 * await using s3 = await startS3Server({ seed: { bucket: { "a.txt": "hi" } } });
 * const client = new S3Client(s3.clientOptions);
 * ```
 * @throws `TypeError`/`RangeError` for bad options or a malformed seed, before anything starts;
 * the Store's error for a seed it refuses (the server is closed first).
 */
export async function startS3Server(options: StartS3ServerOptions = {}): Promise<StartedS3Server> {
  if (!isObject(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  const { seed, credentials, ...rest } = options;
  const buckets = seedBuckets(seed);
  if (credentials !== undefined && (!isObject(credentials) || Array.isArray(credentials))) {
    throw new TypeError(`credentials must be one { accessKeyId, secretAccessKey } pair, got ${describeType(credentials)}`);
  }
  const server = await serveS3({ ...rest, ...(credentials === undefined ? {} : { credentials }) });
  const store = server.store as Store;
  try {
    for (const [bucket, entries] of buckets) {
      await store.createFolder(bucket, { existOk: true });
      const contents = store.child(bucket);
      for (const entry of entries) if (entry.kind === "folder") await contents.createFolder(entry.path, { existOk: true });
      for (const entry of entries) if (entry.kind === "file") await contents.write(entry.path, entry.content);
    }
  } catch (error) {
    await server.close();
    throw error;
  }
  const pair = server.credentials[0] ?? ANONYMOUS_PAIR;
  return {
    server,
    endpoint: server.endpoint,
    region: server.region,
    credentials: Object.freeze({ accessKeyId: pair.accessKeyId, secretAccessKey: pair.secretAccessKey }),
    get clientOptions(): S3ClientOptions {
      return { endpoint: server.endpoint, region: server.region, credentials: { accessKeyId: pair.accessKeyId, secretAccessKey: pair.secretAccessKey }, forcePathStyle: true };
    },
    store,
    close: () => server.close(),
    [Symbol.asyncDispose]: () => server.close(),
  };
}

/** Checks a seed (spec FIX-042) before anything starts. */
function seedBuckets(seed: unknown): [string, FixtureEntry[]][] {
  if (seed === undefined) return [];
  if (!isObject(seed) || Array.isArray(seed) || (Object.getPrototypeOf(seed) !== Object.prototype && Object.getPrototypeOf(seed) !== null)) {
    throw new TypeError(`seed must be a plain object of buckets, got ${describeType(seed)}`);
  }
  return Object.entries(seed as Record<string, unknown>).map(([bucket, tree]) => {
    // S3's bucket naming rules (spec S3S-010), so that every SDK can address a seeded bucket.
    if (!isValidBucketName(bucket)) {
      throw new TypeError(`seed[${JSON.stringify(bucket)}] is not a valid S3 bucket name (3-63 characters of a-z 0-9 . -, starting and ending with a letter or digit)`);
    }
    try {
      return [bucket, fixtureEntries(tree)];
    } catch (error) {
      throw new TypeError(`seed[${JSON.stringify(bucket)}]: ${(error as Error).message}`, { cause: error });
    }
  });
}
