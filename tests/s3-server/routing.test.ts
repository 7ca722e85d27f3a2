import { Agent } from "node:http";
import type { LookupFunction } from "node:net";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, expectS3Error, rawExchange, rawRequest, sendRaw, signHeaders, startHarness, type Harness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Resolves every host name (e.g. `bkt.localhost`) to 127.0.0.1, as a DNS entry would. */
const loopback: LookupFunction = (_host, options, callback) => {
  if (typeof options === "object" && options.all === true) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

describe("addressing", () => {
  it("S3S-020 virtual-host style: the bucket comes from the Host (bucket.localhost) and the whole path is the key", async () => {
    const client = clientFor(h.server, { endpoint: `http://localhost:${h.server.port}`, forcePathStyle: false, requestHandler: { httpAgent: new Agent({ lookup: loopback }) } });
    await client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "vhost/a b.txt", Body: "virtual" }));
    const got = await client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "vhost/a b.txt" }));
    expect(await got.Body?.transformToString()).toBe("virtual");
    const listed = await client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: "vhost/" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["vhost/a b.txt"]);
    expect(await h.bucketStore.readText("vhost/a b.txt")).toBe("virtual");
    client.destroy();
  });

  it("S3S-020 path style: /bkt and /bkt/ are the bucket; the key is decoded once; bad percent-encoding is InvalidURI", async () => {
    for (const target of [`/${h.bucket}`, `/${h.bucket}/`]) {
      const answer = await rawRequest(h.server, { method: "GET", target: `${target}?list-type=2` });
      expect([target, answer.status]).toEqual([target, 200]);
    }
    const put = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/once%2541.txt`, body: "x" });
    expect(put.status).toBe(200);
    expect(await h.bucketStore.exists("once%41.txt")).toBe(true);
    const bad = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/bad%zz`, sign: false });
    expect([bad.status, bad.code]).toEqual([400, "InvalidURI"]);
  });

  it("S3S-021 query values keep '+' (no form decoding) and a bare subresource equals name=", async () => {
    await h.bucketStore.write("plus/a+b", "p");
    await h.bucketStore.write("plus/a b", "s");
    const plus = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&prefix=plus/a+` });
    expect(plus.body).toContain("<Key>plus/a+b</Key>");
    expect(plus.body).not.toContain("<Key>plus/a b</Key>");
    for (const query of ["uploads", "uploads="]) {
      const answer = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?${query}` });
      expect([query, answer.status, answer.body.includes("<ListMultipartUploadsResult")]).toEqual([query, 200, true]);
    }
  });

  it("S3S-022 parameters an operation does not take are NotImplemented (x-id is fine); unknown methods MethodNotAllowed; nothing changes", async () => {
    for (const [method, target] of [["GET", `/${h.bucket}?acl`], ["PUT", `/${h.bucket}?versioning`], ["GET", `/${h.bucket}/k?tagging`], ["PUT", `/${h.bucket}/k?retention`], ["GET", `/${h.bucket}?list-type=2&surprise=1`], ["POST", `/${h.bucket}/k?restore`], ["POST", `/${h.bucket}`]] as const) {
      const answer = await rawRequest(h.server, { method, target, ...(method === "GET" ? {} : { body: "" }) });
      expect([method, target, answer.status, answer.code]).toEqual([method, target, 501, "NotImplemented"]);
    }
    expect((await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&x-id=ListObjectsV2` })).status).toBe(200);
    for (const [method, target] of [["PATCH", `/${h.bucket}/k`], ["POST", "/"], ["DELETE", "/"], ["POST", `/${h.bucket}/k`]] as const) {
      const answer = await rawRequest(h.server, { method, target, body: "" });
      const expected = method === "POST" && target.endsWith("/k") ? [501, "NotImplemented"] : [405, "MethodNotAllowed"];
      expect([method, target, answer.status, answer.code]).toEqual([method, target, ...expected]);
    }
    expect(await h.bucketStore.exists("k")).toBe(false);
  });

  it("S3S-022 headers asking for features this server lacks are NotImplemented; other unknown headers are ignored", async () => {
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "tagged", Body: "x", Tagging: "a=b" })), "NotImplemented", 501);
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "tagged", Body: "x", ObjectLockMode: "GOVERNANCE", ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000) })), "NotImplemented", 501);
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "tagged", Body: "x", WebsiteRedirectLocation: "/x" })), "NotImplemented", 501);
    expect(await h.bucketStore.exists("tagged")).toBe(false);
    const odd = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/odd`, body: "x", headers: { "x-custom-thing": "1", "x-amz-storage-class": "GLACIER" } });
    expect(odd.status).toBe(200);
  });

  it("S3S-023 a header section over 8 KiB is RequestHeaderSectionTooLarge; an unparsable request is BadRequest; both close the connection", async () => {
    const big = await rawExchange(h.server, `GET /${h.bucket} HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(9000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 400/);
    expect(big).toContain("<Code>RequestHeaderSectionTooLarge</Code>");
    expect(big.toLowerCase()).toContain("connection: close");
    const garbage = await rawExchange(h.server, "THIS IS NOT HTTP\r\n\r\n");
    expect(garbage).toContain("<Code>BadRequest</Code>");
    const metadata = await signHeaders(h.server, "PUT", `/${h.bucket}/meta-heavy`, { "x-amz-content-sha256": "UNSIGNED-PAYLOAD", "content-length": "1", "x-amz-meta-big": "m".repeat(7000) });
    const answer = await sendRaw(h.server, "PUT", `/${h.bucket}/meta-heavy`, metadata, new Uint8Array([1]));
    expect([answer.status, answer.code]).toEqual([400, "MetadataTooLarge"]);
    expect(await h.bucketStore.exists("meta-heavy")).toBe(false);
  });
});
