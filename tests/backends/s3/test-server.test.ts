import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CASES } from "../../../src/testing/index.js";
import { rawClient } from "./support/raw-client.js";
import { testServer } from "./support/server.js";
import { FOREIGN_KEYS_TEST, gapsOf } from "./support/server-gaps.js";

describe("the server the S3 tests run against", () => {
  it("S3S-T01 the setup provides a reachable server whose test bucket exists (serveS3 in-process unless S3_TEST_ENDPOINT names another)", async () => {
    const server = testServer();
    expect(server.server).toBe(process.env.S3_TEST_ENDPOINT ? (process.env.S3_TEST_SERVER ?? "external") : "serveS3");
    if (server.server === "serveS3") {
      expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.credentials?.accessKeyId).toMatch(/^RS/);
    }
    const client = rawClient();
    expect((await client.send(new HeadBucketCommand({ Bucket: server.bucket }))).$metadata.httpStatusCode).toBe(200);
    client.destroy();
  });

  it("S3S-T02 every known gap names an existing test and gives a reason; an unknown server has none", () => {
    const known = new Set([...CONFORMANCE_CASES.map((c) => c.id), FOREIGN_KEYS_TEST]);
    for (const server of ["serveS3", "moto"]) {
      const gaps = gapsOf(server);
      expect(gaps.size).toBeGreaterThan(0);
      for (const [id, reason] of gaps) {
        expect([server, id, known.has(id)]).toEqual([server, id, true]);
        expect(reason.length).toBeGreaterThan(20);
      }
    }
    expect(gapsOf("some-other-server").size).toBe(0);
  });
});
