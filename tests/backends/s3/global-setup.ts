import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { TestProject } from "vitest/node";
import { serveS3 } from "../../../src/s3-server/index.js";

/** What the S3 tests connect to (spec S3S-T01), handed to them with vitest's `provide`/`inject`. */
export interface S3TestServer {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  /** Static credentials; `undefined` = the SDK's default chain (environment, profiles, …). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  /** Does the server honour `If-None-Match: *` on writes? */
  readonly conditionalWrites: boolean;
  /** Which server this is, naming its list of known gaps (`support/server-gaps.ts`): `serveS3`, `moto`, or another name. */
  readonly server: string;
  /**
   * Give every conformance case and differential store a bucket of its own (moto: its listings scan
   * every key of a bucket, so a shared bucket that keeps growing makes each listing slower).
   */
  readonly bucketPerBackend?: boolean;
  /** Set when the server could not be had (moto not installed): the tests are skipped with this reason. */
  readonly unavailable?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    s3TestServer: S3TestServer;
  }
}

/** The bucket the S3 tests use on every server. */
export const DEFAULT_BUCKET = "remote-store-test";

/**
 * Vitest globalSetup of the S3 tests (spec S3S-T01). By default it serves a `MemoryBackend`
 * with `serveS3` in this process (127.0.0.1, a free port, random credentials, no minimum part
 * size) and closes it afterwards. With `S3_TEST_ENDPOINT` it uses that server instead
 * (`S3_TEST_ACCESS_KEY_ID` + `S3_TEST_SECRET_ACCESS_KEY` or neither, `S3_TEST_BUCKET`,
 * `S3_TEST_REGION`, `S3_TEST_CONDITIONAL_WRITES=false`, `S3_TEST_SERVER` naming its gap list,
 * e.g. `moto`) and creates the bucket when it is missing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.S3_TEST_ENDPOINT;
  if (external !== undefined && external !== "") {
    const server: S3TestServer = {
      endpoint: external,
      bucket: process.env.S3_TEST_BUCKET ?? DEFAULT_BUCKET,
      region: process.env.S3_TEST_REGION ?? "us-east-1",
      credentials: externalCredentials(),
      conditionalWrites: process.env.S3_TEST_CONDITIONAL_WRITES !== "false",
      server: process.env.S3_TEST_SERVER ?? "external",
    };
    await ensureBucket(server);
    project.provide("s3TestServer", server);
    return async () => undefined;
  }
  const served = await serveS3({ minPartSize: 0, onWarning: (message) => process.stderr.write(`${message}\n`) });
  await served.store?.createFolder(DEFAULT_BUCKET);
  project.provide("s3TestServer", {
    endpoint: served.endpoint,
    bucket: DEFAULT_BUCKET,
    region: served.region,
    credentials: served.credentials[0],
    conditionalWrites: true,
    server: "serveS3",
  });
  return () => served.close();
}

/** Both credential variables or neither (then the SDK's default chain applies); one alone is an error. */
function externalCredentials(): S3TestServer["credentials"] {
  const accessKeyId = process.env.S3_TEST_ACCESS_KEY_ID;
  const secretAccessKey = process.env.S3_TEST_SECRET_ACCESS_KEY;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error("Set both S3_TEST_ACCESS_KEY_ID and S3_TEST_SECRET_ACCESS_KEY, or neither (then the SDK's default credential chain is used)");
  }
  return accessKeyId === undefined || secretAccessKey === undefined ? undefined : { accessKeyId, secretAccessKey };
}

/** Creates the test bucket on an external server when it does not exist yet. */
export async function ensureBucket(server: S3TestServer): Promise<void> {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    ...(server.credentials === undefined ? {} : { credentials: { ...server.credentials } }),
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: server.bucket }));
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
    const location = server.region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: server.region as never } };
    await client.send(new CreateBucketCommand({ Bucket: server.bucket, ...location }));
  } finally {
    client.destroy();
  }
}
