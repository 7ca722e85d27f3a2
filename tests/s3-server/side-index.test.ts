import { createHash } from "node:crypto";
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/index.js";
import { clientFor, startHarness, type Harness } from "./support/harness.js";
import { serveS3 } from "../../src/s3-server/index.js";
import { CREDENTIALS } from "./support/harness.js";

let now = Date.UTC(2030, 0, 1);
const backend = new MemoryBackend({ clock: () => new Date(now) });
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend, minPartSize: 0 });
});
afterAll(() => h.close());

const md5 = (text: string): string => `"${createHash("md5").update(text).digest("hex")}"`;
const tick = (): void => void (now += 1000);

async function uploadInTwoParts(key: string): Promise<string> {
  const { UploadId } = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: key, ChecksumAlgorithm: "CRC32" }));
  const parts = [];
  for (const [i, body] of ["hello", "world"].entries()) {
    const part = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: key, UploadId, PartNumber: i + 1, Body: body, ChecksumAlgorithm: "CRC32" }));
    parts.push({ PartNumber: i + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
  }
  const done = await h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
  return done.ETag as string;
}

describe("the side index", () => {
  it("S3S-100 the tree keeps only content, content type, metadata and time; ETag, checksum and kept headers live beside it", async () => {
    tick();
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "clean.txt", Body: "clean", ContentType: "text/plain", Metadata: { k: "v" }, CacheControl: "no-store", ChecksumAlgorithm: "SHA256" }));
    const info = await h.bucketStore.getFileInfo("clean.txt");
    expect(info).toEqual({ kind: "file", path: "clean.txt", name: "clean.txt", size: 5, modifiedAt: new Date(now), contentType: "text/plain", metadata: { k: "v" } });
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "clean.txt", ChecksumMode: "ENABLED" }));
    expect([head.ETag, head.CacheControl, typeof head.ChecksumSHA256]).toEqual([md5("clean"), "no-store", "string"]);
  });

  it("S3S-101 a file changed behind the server's back gets its plain MD5 recomputed, without checksum or kept headers", async () => {
    tick();
    expect(await uploadInTwoParts("multi.bin")).toBe('"065947336a2f2a95ba8899f3675c3be6-2"');
    tick();
    await h.bucketStore.write("clean.txt", "changed by a Store user", { overwrite: true });
    await h.bucketStore.write("multi.bin", "rewritten", { overwrite: true });
    await h.bucketStore.write("never-served.txt", "direct");
    const clean = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "clean.txt", ChecksumMode: "ENABLED" }));
    expect([clean.ETag, clean.CacheControl, clean.ChecksumSHA256, await clean.Body?.transformToString()]).toEqual([md5("changed by a Store user"), undefined, undefined, "changed by a Store user"]);
    const multi = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "multi.bin" }));
    expect([multi.ETag, multi.PartsCount]).toEqual([md5("rewritten"), undefined]);
    expect((await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "never-served.txt" }))).ETag).toBe(md5("direct"));
  });

  it("S3S-101 a change that keeps size and modifiedAt to the millisecond is not noticed (as specified)", async () => {
    tick();
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "same.txt", Body: "aaaa" }));
    await h.bucketStore.write("same.txt", "bbbb", { overwrite: true });
    expect((await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "same.txt" }))).ETag).toBe(md5("aaaa"));
  });

  it("S3S-102 a new server over the same store recomputes ETags from content and forgets checksums and kept headers", async () => {
    tick();
    await uploadInTwoParts("again.bin");
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "kept.txt", Body: "kept", CacheControl: "max-age=1", ChecksumAlgorithm: "CRC32C" }));
    await using second = await serveS3({ backend, credentials: CREDENTIALS });
    const client = clientFor(second);
    const multi = await client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "again.bin", ChecksumMode: "ENABLED" }));
    expect([multi.ETag, multi.ChecksumCRC32]).toEqual([md5("helloworld"), undefined]);
    const kept = await client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "kept.txt", ChecksumMode: "ENABLED" }));
    expect([kept.ETag, kept.CacheControl, kept.ChecksumCRC32C]).toEqual([md5("kept"), undefined, undefined]);
    client.destroy();
  });
});
