import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { expect, it } from "vitest";
import { CONFORMANCE_CASES } from "../../../src/testing/index.js";
import { rawClient } from "./support/raw-client.js";
import { describeOnTestServer, testServer } from "./support/server.js";
import { FOREIGN_KEYS_TEST, MOTO_FULL_VARIABLE, THOUSAND_KEYS_TEST, gapsOf, leftOutOn } from "./support/server-gaps.js";

describeOnTestServer("the server the S3 tests run against", () => {
  it("S3S-T01 S3S-T03 the setup provides a reachable server whose test bucket exists (serveS3 in-process, moto on 127.0.0.1, or S3_TEST_ENDPOINT)", async () => {
    const server = testServer();
    if (process.env.S3_TEST_ENDPOINT && server.server !== "moto") expect(server.server).toBe(process.env.S3_TEST_SERVER ?? "external");
    else expect(["serveS3", "moto"]).toContain(server.server);
    if (server.server === "serveS3") expect(server.credentials?.accessKeyId).toMatch(/^RS/);
    if (!process.env.S3_TEST_ENDPOINT) expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
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

  it("S3S-T04 what CI leaves out on moto for time names existing tests with reasons; S3_MOTO_FULL=1 and the other servers leave nothing out", () => {
    const known = new Set([...CONFORMANCE_CASES.map((c) => c.id), THOUSAND_KEYS_TEST]);
    const saved = process.env[MOTO_FULL_VARIABLE];
    try {
      delete process.env[MOTO_FULL_VARIABLE];
      const leftOut = leftOutOn("moto");
      expect([...leftOut.keys()].filter((id) => !known.has(id))).toEqual([]);
      expect([...leftOut.values()].every((reason) => reason.includes("S3_MOTO_FULL=1"))).toBe(true);
      expect([leftOutOn("serveS3").size, leftOutOn("external").size]).toEqual([0, 0]);
      process.env[MOTO_FULL_VARIABLE] = "1";
      expect(leftOutOn("moto").size).toBe(0);
    } finally {
      if (saved === undefined) delete process.env[MOTO_FULL_VARIABLE];
      else process.env[MOTO_FULL_VARIABLE] = saved;
    }
  });
});
