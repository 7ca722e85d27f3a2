import type { TestProject } from "vitest/node";
import { S3RVER_CREDENTIALS, startS3rver } from "./support/s3rver-process.js";

/** What the S3 tests connect to (spec S3-T01), handed to them with vitest's `provide`/`inject`. */
export interface S3TestServer {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Does the server honour `If-None-Match: *` on writes? s3rver does not. */
  readonly conditionalWrites: boolean;
  /** `"s3rver"` for the loopback server this setup starts, `"external"` for one named by the environment. */
  readonly kind: "s3rver" | "external";
}

declare module "vitest" {
  export interface ProvidedContext {
    s3TestServer: S3TestServer;
  }
}

/**
 * Vitest globalSetup of the S3 tests (spec S3-T01): starts s3rver on 127.0.0.1 in a child
 * process and stops it afterwards. With `S3_TEST_ENDPOINT` set, uses that server instead
 * (`S3_TEST_BUCKET`, `S3_TEST_REGION`, `S3_TEST_ACCESS_KEY_ID`, `S3_TEST_SECRET_ACCESS_KEY`,
 * `S3_TEST_CONDITIONAL_WRITES=false` to disable `If-None-Match`), e.g. a MinIO container.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.S3_TEST_ENDPOINT;
  if (external !== undefined && external !== "") {
    project.provide("s3TestServer", {
      endpoint: external,
      bucket: process.env.S3_TEST_BUCKET ?? "remote-store-test",
      region: process.env.S3_TEST_REGION ?? "us-east-1",
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID ?? "",
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY ?? "",
      conditionalWrites: process.env.S3_TEST_CONDITIONAL_WRITES !== "false",
      kind: "external",
    });
    return async () => undefined;
  }
  const server = await startS3rver();
  project.provide("s3TestServer", {
    endpoint: server.endpoint,
    bucket: server.bucket,
    region: "us-east-1",
    ...S3RVER_CREDENTIALS,
    conditionalWrites: false,
    kind: "s3rver",
  });
  return () => server.stop();
}
