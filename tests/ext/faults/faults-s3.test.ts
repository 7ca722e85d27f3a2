import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../../src/index.js";
import { withFaults } from "../../../src/ext/faults/index.js";
import { serveS3 } from "../../../src/s3-server/index.js";

const CREDENTIALS = { accessKeyId: "AKIDFAULTS", secretAccessKey: "faults-test-secret" };

/** What a real S3 client reports for a failed request: the S3 error code and the HTTP status. */
async function s3Failure(action: Promise<unknown>): Promise<{ code: string; status: number | undefined }> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof S3ServiceException)) throw error;
    return { code: error.name, status: error.$metadata.httpStatusCode };
  }
  return expect.fail("expected the request to fail");
}

describe("withFaults under serveS3", () => {
  it("FAULT-007 an S3 client sees injected faults as 503 SlowDown and 500 InternalError; the bucket is untouched", async () => {
    const inner = new Store({ backend: new MemoryBackend() });
    await inner.write("ok.txt", "fine");
    const faulty = withFaults(inner, [
      { operations: ["write"], paths: "down/**", error: "BACKEND_UNAVAILABLE" },
      { operations: ["readBytes", "read"], paths: "broken.txt", error: "CONFIG_INVALID" },
    ]);
    await using server = await serveS3({ buckets: { b: faulty }, credentials: CREDENTIALS, onWarning: () => undefined });
    const client = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      expect(await s3Failure(client.send(new PutObjectCommand({ Bucket: "b", Key: "down/x.txt", Body: "data" })))).toEqual({ code: "SlowDown", status: 503 });
      expect(await inner.exists("down")).toBe(false);
      await inner.write("broken.txt", "x");
      expect(await s3Failure(client.send(new GetObjectCommand({ Bucket: "b", Key: "broken.txt" })))).toEqual({ code: "InternalError", status: 500 });
      const ok = await client.send(new GetObjectCommand({ Bucket: "b", Key: "ok.txt" }));
      expect(await ok.Body?.transformToString()).toBe("fine");
      expect(faulty.calls.some((call) => call.rule === 0)).toBe(true);
      expect(faulty.calls.some((call) => call.rule === 1)).toBe(true);
    } finally {
      client.destroy();
    }
  });
});
