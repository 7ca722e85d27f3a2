import { Readable } from "node:stream";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

// S3S-T06: the JavaScript SDK's own helpers, with their defaults — lib-storage's Upload (a stream
// of unknown length, so parts are cut by the helper, each sent with the SDK's default CRC32) and
// s3-request-presigner URLs used with plain fetch, no SDK on the request.
const PART = 5 * 1024 * 1024;

let h: Harness;

/** A body of `size` bytes in 1 MiB chunks, as a stream whose length the SDK cannot know. */
function streamOf(size: number): { readonly stream: Readable; readonly bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 997) bytes[i] = (i / 997) % 251;
  const chunks: Buffer[] = [];
  for (let i = 0; i < size; i += 1024 * 1024) chunks.push(bytes.subarray(i, i + 1024 * 1024));
  return { stream: Readable.from(chunks), bytes };
}

describe("the JavaScript SDK's helpers against serveS3", () => {
  beforeAll(async () => {
    h = await startHarness({}, "jsclients");
  });
  afterAll(() => h?.close());

  it("S3S-T06 lib-storage's Upload of a stream of unknown length (three parts, default CRC32 checksums) and of a small stream (one PutObject)", async () => {
    const big = streamOf(2 * PART + 12345);
    const done = await new Upload({ client: h.client, params: { Bucket: h.bucket, Key: "upload/big.bin", Body: big.stream, ContentType: "application/x-test", Metadata: { via: "upload" } }, partSize: PART, queueSize: 2 }).done();
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(Buffer.from(await h.bucketStore.readBytes("upload/big.bin")).equals(big.bytes)).toBe(true);
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "upload/big.bin", ChecksumMode: "ENABLED" }));
    expect([head.ContentLength, head.ContentType, head.Metadata, head.ChecksumCRC32?.endsWith("-3"), head.ChecksumType]).toEqual([big.bytes.length, "application/x-test", { via: "upload" }, true, "COMPOSITE"]);
    const small = streamOf(1000);
    const one = await new Upload({ client: h.client, params: { Bucket: h.bucket, Key: "upload/small.bin", Body: small.stream }, partSize: PART }).done();
    expect(one.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Buffer.from(await h.bucketStore.readBytes("upload/small.bin")).equals(small.bytes)).toBe(true);
    expect(await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "upload/small.bin", ChecksumMode: "ENABLED" })).then((r) => r.Body?.transformToByteArray())).toEqual(new Uint8Array(small.bytes));
  });

  it("S3S-T06 s3-request-presigner URLs with plain fetch: PUT with a content type, ranged GET, HEAD; a URL for another key or past its expiry is refused", async () => {
    const put = await getSignedUrl(h.client, new PutObjectCommand({ Bucket: h.bucket, Key: "presigned/a b+c.txt", ContentType: "text/plain" }), { expiresIn: 600 });
    const stored = await fetch(put, { method: "PUT", body: "presigned with fetch", headers: { "content-type": "text/plain" } });
    expect(stored.status).toBe(200);
    expect(await h.bucketStore.readText("presigned/a b+c.txt")).toBe("presigned with fetch");
    const get = await getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: "presigned/a b+c.txt" }), { expiresIn: 600 });
    const ranged = await fetch(get, { headers: { range: "bytes=10-14" } });
    expect([ranged.status, ranged.headers.get("content-range"), await ranged.text()]).toEqual([206, "bytes 10-14/20", "with "]);
    const head = await fetch(await getSignedUrl(h.client, new HeadObjectCommand({ Bucket: h.bucket, Key: "presigned/a b+c.txt" }), { expiresIn: 600 }), { method: "HEAD" });
    expect([head.status, head.headers.get("content-length"), head.headers.get("content-type")]).toEqual([200, "20", "text/plain"]);
    const otherKey = get.replace("a%20b%2Bc.txt", "other.txt");
    expect(otherKey).not.toBe(get);
    const refused = await fetch(otherKey);
    expect([refused.status, /<Code>SignatureDoesNotMatch<\/Code>/.test(await refused.text())]).toEqual([403, true]);
    // Signed an hour ago for one second: expired without waiting for the clock.
    const expired = await getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: "presigned/a b+c.txt" }), { expiresIn: 1, signingDate: new Date(Date.now() - 3600_000) });
    const late = await fetch(expired);
    expect([late.status, /<Code>AccessDenied<\/Code>/.test(await late.text())]).toEqual([403, true]);
  });
});
