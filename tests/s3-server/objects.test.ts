import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CopyObjectCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/index.js";
import { sendReply } from "../../src/s3-server/responses.js";
import { expectS3Error, rawRequest, startHarness, type Harness } from "./support/harness.js";

let now = Date.UTC(2030, 0, 1, 12, 0, 0, 250);
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend: new MemoryBackend({ clock: () => new Date(now) }) });
});
afterAll(() => h.close());

const text = async (output: { Body?: { transformToString(): Promise<string> } }): Promise<string> => (await output.Body?.transformToString()) ?? "";

describe("objects", () => {
  it("S3S-070 PutObject keeps content type and user metadata in the tree and the other headers beside it", async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "meta/a.txt", Body: "hello", ContentType: "text/x-test", Metadata: { Owner: "alice", "tag-1": "v" }, CacheControl: "max-age=60", ContentDisposition: "attachment; filename=a.txt", ContentLanguage: "en", Expires: new Date("2031-01-01T00:00:00Z") }));
    const info = await h.bucketStore.getFileInfo("meta/a.txt");
    expect({ type: info.contentType, metadata: info.metadata }).toEqual({ type: "text/x-test", metadata: { owner: "alice", "tag-1": "v" } });
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "meta/a.txt" }));
    expect(await text(got)).toBe("hello");
    expect({ type: got.ContentType, meta: got.Metadata, cache: got.CacheControl, disp: got.ContentDisposition, lang: got.ContentLanguage, expires: got.ExpiresString }).toEqual({
      type: "text/x-test", meta: { owner: "alice", "tag-1": "v" }, cache: "max-age=60", disp: "attachment; filename=a.txt", lang: "en", expires: "Wed, 01 Jan 2031 00:00:00 GMT",
    });
    const bare = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/meta/bare`, body: "x" });
    expect(bare.status).toBe(200);
    expect((await h.bucketStore.getFileInfo("meta/bare")).contentType).toBe("binary/octet-stream");
  });

  it("S3S-070 metadata over 2 KiB is MetadataTooLarge and metadata the Store refuses is InvalidArgument; nothing is stored", async () => {
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "meta/big.txt", Body: "x", Metadata: { big: "v".repeat(2046) } })), "MetadataTooLarge", 400);
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "meta/big.txt", Body: "x", Metadata: { _private: "v" } })), "InvalidArgument", 400);
    expect(await h.bucketStore.exists("meta/big.txt")).toBe(false);
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "meta/limit.txt", Body: "x", Metadata: { big: "v".repeat(2045) } }));
  });

  it("S3S-071 the ETag of a PUT is the quoted MD5 of the bytes", async () => {
    const put = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "etag/hello", Body: "hello" }));
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "etag/hello" }));
    expect([head.ETag, head.ContentLength]).toEqual(['"5d41402abc4b2a76b9719d911017c592"', 5]);
    const empty = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "etag/empty", Body: new Uint8Array(0) }));
    expect(empty.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
  });

  it("S3S-072 GET and HEAD answer the object's headers; a missing key is NoSuchKey (HEAD: 404 without body); response-* overrides apply", async () => {
    await h.bucketStore.write("get/a.json", '{"a":1}', { overwrite: true });
    const head = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/get/a.json` });
    expect([head.status, head.body, head.headers["content-length"], head.headers["content-type"], head.headers["accept-ranges"]]).toEqual([200, "", "7", "application/json", "bytes"]);
    expect(head.headers["last-modified"]).toBe("Tue, 01 Jan 2030 12:00:00 GMT");
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get/a.json", ResponseContentType: "text/plain", ResponseContentDisposition: "inline" }));
    expect([got.ContentType, got.ContentDisposition, await text(got)]).toEqual(["text/plain", "inline", '{"a":1}']);
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get/missing" })), "NoSuchKey", 404);
    await expectS3Error(h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "get/missing" })), "NotFound", 404);
    const headMissing = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/get/missing` });
    expect([headMissing.status, headMissing.body]).toEqual([404, ""]);
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get" })), "NoSuchKey", 404);
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get/a.json", VersionId: "v1" })), "NotImplemented", 501);
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get/a.json", PartNumber: 1 })), "NotImplemented", 501);
  });

  it("S3S-072 the headers describe the bytes sent even when the file is replaced between reads", async () => {
    await h.bucketStore.write("get/changing.txt", "version one", { overwrite: true });
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "get/changing.txt" }));
    await h.bucketStore.write("get/changing.txt", "v2", { overwrite: true });
    expect([got.ContentLength, await text(got)]).toEqual([11, "version one"]);
  });

  it("S3S-072 a streamed body of many chunks leaves no listener behind on the response (each wait for drain cleans up)", async () => {
    const counts: number[][] = [];
    const server = createServer((_req, res) => {
      const before = [res.listenerCount("close"), res.listenerCount("error"), res.listenerCount("drain")];
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 40) controller.enqueue(new Uint8Array(64 * 1024));
          else controller.close();
        },
      });
      void sendReply(res, { status: 200, body: { stream, length: 40 * 64 * 1024 } }, { head: false }).then(() => counts.push(before, [res.listenerCount("close"), res.listenerCount("error"), res.listenerCount("drain")]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect((await response.arrayBuffer()).byteLength).toBe(40 * 64 * 1024);
      expect(counts[1]).toEqual(counts[0]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("S3S-073 ranges: a-b, a-, -n are 206 with Content-Range; past the end is 416 InvalidRange; other forms give the whole object", async () => {
    await h.bucketStore.write("range/ten", "0123456789", { overwrite: true });
    await h.bucketStore.write("range/empty", "", { overwrite: true });
    const cases: [string, string, string][] = [["bytes=0-3", "0123", "bytes 0-3/10"], ["bytes=5-100", "56789", "bytes 5-9/10"], ["bytes=-3", "789", "bytes 7-9/10"], ["bytes=7-", "789", "bytes 7-9/10"]];
    for (const [range, body, contentRange] of cases) {
      const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "range/ten", Range: range }));
      expect([got.$metadata.httpStatusCode, got.ContentRange, await text(got)]).toEqual([206, contentRange, body]);
    }
    for (const range of ["bytes=10-", "bytes=20-30", "bytes=-0"]) {
      const e = await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "range/ten", Range: range })), "InvalidRange", 416);
      expect(e.$metadata.httpStatusCode).toBe(416);
    }
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "range/empty", Range: "bytes=0-" })), "InvalidRange", 416);
    const raw416 = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/range/ten`, headers: { range: "bytes=10-" } });
    expect(raw416.headers["content-range"]).toBe("bytes */10");
    for (const range of ["bytes=0-1,4-5", "items=0-1", "garbage"]) {
      const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "range/ten", Range: range }));
      expect([got.$metadata.httpStatusCode, await text(got)]).toEqual([200, "0123456789"]);
    }
  });

  it("S3S-074 conditional GET/HEAD: If-Match, If-Unmodified-Since (412), If-None-Match, If-Modified-Since (304) in S3's order", async () => {
    await h.bucketStore.write("cond/a", "hello", { overwrite: true });
    const etag = '"5d41402abc4b2a76b9719d911017c592"';
    const modified = new Date(now);
    const before = new Date(now - 10_000);
    const after = new Date(now + 10_000);
    const get = (extra: Record<string, unknown>) => h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "cond/a", ...extra }));
    await expectS3Error(get({ IfMatch: '"other"' }), "PreconditionFailed", 412);
    await expectS3Error(get({ IfUnmodifiedSince: before }), "PreconditionFailed", 412);
    expect((await get({ IfMatch: etag, IfUnmodifiedSince: before })).$metadata.httpStatusCode).toBe(200);
    expect((await get({ IfMatch: "*" })).$metadata.httpStatusCode).toBe(200);
    await expectS3Error(get({ IfNoneMatch: etag }), "Unknown", 304);
    await expectS3Error(get({ IfModifiedSince: after }), "Unknown", 304);
    await expectS3Error(get({ IfModifiedSince: modified }), "Unknown", 304);
    await expectS3Error(get({ IfNoneMatch: etag, IfModifiedSince: before }), "Unknown", 304);
    expect((await get({ IfNoneMatch: '"other"', IfModifiedSince: after })).$metadata.httpStatusCode).toBe(200);
    expect((await get({ IfModifiedSince: before })).$metadata.httpStatusCode).toBe(200);
    expect((await get({ IfNoneMatch: '"other"' })).$metadata.httpStatusCode).toBe(200);
    const notModified = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/cond/a`, headers: { "if-none-match": etag } });
    expect([notModified.status, notModified.body, notModified.headers.etag, notModified.headers["content-type"]]).toEqual([304, "", etag, undefined]);
    const headFailed = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/cond/a`, headers: { "if-match": '"x"' } });
    expect([headFailed.status, headFailed.body]).toEqual([412, ""]);
    expect((await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/cond/a`, headers: { "if-modified-since": "not a date" } })).status).toBe(200);
  });

  it("S3S-075 If-None-Match: * writes only a new key; If-Match only over that ETag (412), and needs an object (404); nothing changes on failure", async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/a", Body: "first", IfNoneMatch: "*" }));
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/a", Body: "second", IfNoneMatch: "*" })), "PreconditionFailed", 412);
    expect(await h.bucketStore.readText("cw/a")).toBe("first");
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/a", Body: "third", IfMatch: '"0000"' })), "PreconditionFailed", 412);
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/none", Body: "x", IfMatch: '"0000"' })), "NoSuchKey", 404);
    const matched = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/a", Body: "fourth", IfMatch: `"${md5("first")}"` }));
    expect(matched.ETag).toBe(`"${md5("fourth")}"`);
    expect(await h.bucketStore.readText("cw/a")).toBe("fourth");
    const otherValue = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/cw/b`, body: "x", headers: { "if-none-match": '"abc"' } });
    expect([otherValue.status, otherValue.code]).toEqual([501, "NotImplemented"]);
    expect(await h.bucketStore.exists("cw/none")).toBe(false);
    expect(await h.bucketStore.exists("cw/b")).toBe(false);
  });

  it("S3S-075 of concurrent exclusive creators of one key exactly one wins", async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "cw/race", Body: `writer ${i}`, IfNoneMatch: "*" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => ((r).reason as Error).name)).toEqual(Array(7).fill("PreconditionFailed"));
  });

  it("S3S-076 DeleteObject is idempotent; DeleteObjects reports deleted keys (verbose) or only errors (quiet)", async () => {
    await h.bucketStore.write("del/a", "a", { overwrite: true });
    expect((await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "del/a" }))).$metadata.httpStatusCode).toBe(204);
    expect((await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "del/a" }))).$metadata.httpStatusCode).toBe(204);
    for (const name of ["x", "y", "z"]) await h.bucketStore.write(`del/${name}`, name, { overwrite: true });
    const verbose = await h.client.send(new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Objects: [{ Key: "del/x" }, { Key: "del/missing" }, { Key: "del/../bad" }] } }));
    expect(verbose.Deleted?.map((d) => d.Key)).toEqual(["del/x", "del/missing"]);
    expect(verbose.Errors?.map((e) => [e.Key, e.Code])).toEqual([["del/../bad", "InvalidArgument"]]);
    const quiet = await h.client.send(new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Quiet: true, Objects: [{ Key: "del/y" }, { Key: "del/z" }] } }));
    expect([quiet.Deleted, quiet.Errors]).toEqual([undefined, undefined]);
    expect(await h.bucketStore.exists("del")).toBe(false);
    const tooMany = h.client.send(new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Objects: Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` })) } }));
    await expectS3Error(tooMany, "MalformedXML", 400);
  });

  it("S3S-077 CopyObject: COPY keeps type, metadata and kept headers, REPLACE takes the request's; across buckets; onto itself needs REPLACE", async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "copy/src.txt", Body: "copied", ContentType: "text/plain", Metadata: { m: "1" }, CacheControl: "no-cache" }));
    const copied = await h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "copy/dst one.txt", CopySource: `${h.bucket}/copy/src.txt` }));
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5("copied")}"`);
    const dst = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "copy/dst one.txt" }));
    expect([await text(dst), dst.ContentType, dst.Metadata, dst.CacheControl]).toEqual(["copied", "text/plain", { m: "1" }, "no-cache"]);
    await h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "copy/replaced.txt", CopySource: `/${h.bucket}/copy%2Fsrc.txt`, MetadataDirective: "REPLACE", ContentType: "text/x-new", Metadata: { n: "2" } }));
    const replaced = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "copy/replaced.txt" }));
    expect([replaced.ContentType, replaced.Metadata, replaced.CacheControl]).toEqual(["text/x-new", { n: "2" }, undefined]);
    await h.server.store?.createFolder("other");
    await h.client.send(new CopyObjectCommand({ Bucket: "other", Key: "from-bkt.txt", CopySource: `${h.bucket}/copy/src.txt` }));
    expect(await h.tree.readText("other/from-bkt.txt")).toBe("copied");
    await expectS3Error(h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "copy/src.txt", CopySource: `${h.bucket}/copy/src.txt` })), "InvalidRequest", 400);
    await h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "copy/src.txt", CopySource: `${h.bucket}/copy/src.txt`, MetadataDirective: "REPLACE", Metadata: { fresh: "yes" } }));
    expect((await h.bucketStore.getFileInfo("copy/src.txt")).metadata).toEqual({ fresh: "yes" });
  });

  it("S3S-077 CopyObject errors: missing source, bad source header, versions, source conditions; nothing is written", async () => {
    await h.bucketStore.write("copy/cond.txt", "c", { overwrite: true });
    const copy = (extra: Record<string, unknown>) => h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "copy/out.txt", CopySource: `${h.bucket}/copy/cond.txt`, ...extra }));
    await expectS3Error(copy({ CopySource: `${h.bucket}/copy/none.txt` }), "NoSuchKey", 404);
    await expectS3Error(copy({ CopySource: "no-slash" }), "InvalidArgument", 400);
    await expectS3Error(copy({ CopySource: "missing-bucket/k" }), "NoSuchBucket", 404);
    await expectS3Error(copy({ CopySource: `${h.bucket}/copy/cond.txt?versionId=v2` }), "NotImplemented", 501);
    await expectS3Error(copy({ CopySourceIfMatch: '"nope"' }), "PreconditionFailed", 412);
    await expectS3Error(copy({ CopySourceIfNoneMatch: `"${md5("c")}"` }), "PreconditionFailed", 412);
    await expectS3Error(copy({ CopySourceIfModifiedSince: new Date(now + 60_000) }), "PreconditionFailed", 412);
    await expectS3Error(copy({ CopySourceIfUnmodifiedSince: new Date(now - 60_000) }), "PreconditionFailed", 412);
    await expectS3Error(copy({ MetadataDirective: "MERGE" }), "InvalidArgument", 400);
    await expectS3Error(copy({ IfNoneMatch: "*", Key: "copy/cond.txt", MetadataDirective: "REPLACE" }), "PreconditionFailed", 412);
    expect(await h.bucketStore.exists("copy/out.txt")).toBe(false);
  });

  it("S3S-078 keys over 1,024 UTF-8 bytes are KeyTooLongError; DeleteObject takes versionId=null only", async () => {
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "é".repeat(513), Body: "x" })), "KeyTooLongError", 400);
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "é".repeat(512), Body: "x" }));
    await expectS3Error(h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "x", VersionId: "v1" })), "NotImplemented", 501);
    expect((await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "é".repeat(512), VersionId: "null" }))).$metadata.httpStatusCode).toBe(204);
  });

  it("S3S-079 times come from the store: Last-Modified in whole seconds, listings with milliseconds", async () => {
    now = Date.UTC(2031, 5, 7, 8, 9, 10, 987);
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "time/t", Body: "t" }));
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "time/t" }));
    expect(head.LastModified?.toISOString()).toBe("2031-06-07T08:09:10.000Z");
    const listed = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&prefix=time%2F` });
    expect(listed.body).toContain("<LastModified>2031-06-07T08:09:10.987Z</LastModified>");
  });
});

function md5(value: string): string {
  return createHash("md5").update(value).digest("hex");
}
