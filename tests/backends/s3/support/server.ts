import { describe, inject, it } from "vitest";
import { S3Backend, type S3BackendOptions } from "../../../../src/s3.js";
import { ensureBucket, type S3TestServer } from "../global-setup.js";

/** The server the globalSetup started (spec S3-T01, S3S-T01). Fails loudly when the setup did not run. */
export function testServer(): S3TestServer {
  const server = inject("s3TestServer");
  if (server === undefined) {
    throw new Error("The S3 tests need their globalSetup (tests/backends/s3/global-setup.ts): run them through the s3 vitest project");
  }
  return server;
}

/**
 * Registers `body` under `title` — or, when the setup could not provide the server (moto not
 * installed), one skipped case whose title gives the reason (spec S3S-T03).
 */
export function describeOnTestServer(title: string, body: () => void): void {
  const reason = testServer().unavailable;
  if (reason === undefined) describe(title, body);
  else describe(title, () => it.skip(`SKIPPED: ${reason}`, () => undefined));
}

/** A random key prefix, so that every test (and every conformance case) starts empty. */
export function randomPrefix(label = "t"): string {
  return `rs-test/${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The client options of the test server. */
export function serverOptions(): Pick<S3BackendOptions, "endpoint" | "region" | "forcePathStyle" | "credentials" | "bucket" | "conditionalWrites"> {
  const server = testServer();
  return {
    bucket: server.bucket,
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    ...(server.credentials === undefined ? {} : { credentials: { ...server.credentials } }),
    conditionalWrites: server.conditionalWrites,
  };
}

/**
 * A fresh backend for a conformance case or a differential store: under a random prefix of the
 * test bucket, or — on a server that wants it (`bucketPerBackend`) — in a new bucket of its own.
 */
export async function makeFreshBackend(extra: Partial<S3BackendOptions> = {}): Promise<S3Backend> {
  const server = testServer();
  if (server.bucketPerBackend !== true) return makeBackend(extra);
  const bucket = `rs-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  await ensureBucket({ ...server, bucket });
  return new S3Backend({ ...serverOptions(), bucket, prefix: randomPrefix(), ...extra });
}

/** A fresh backend under a random prefix of the test server's bucket. */
export function makeBackend(extra: Partial<S3BackendOptions> = {}): S3Backend {
  return new S3Backend({ ...serverOptions(), prefix: randomPrefix(), ...extra });
}
