import { createHash } from "node:crypto";
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand,
  ListPartsCommand, PutObjectCommand, UploadPartCommand, UploadPartCopyCommand, type CompletedPart,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/index.js";
import { restrictBackend } from "../../src/testing/conformance/support/gated-backend.js";
import { expectS3Error, rawRequest, startHarness, type Harness } from "./support/harness.js";

const memory = new MemoryBackend();
const staged = new MemoryBackend();
let native: Harness;
let stagedHarness: Harness;
beforeAll(async () => {
  native = await startHarness({ backend: memory, minPartSize: 0 });
  stagedHarness = await startHarness({ backend: restrictBackend(staged, ["multipart"]).backend, minPartSize: 0 });
});
afterAll(async () => {
  await native.close();
  await stagedHarness.close();
});

const md5 = (text: string): string => createHash("md5").update(text).digest("hex");

async function start(h: Harness, key: string): Promise<string> {
  return (await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: key, ContentType: "text/x-mp", Metadata: { m: "1" } }))).UploadId as string;
}

async function part(h: Harness, key: string, uploadId: string, n: number, body: string): Promise<CompletedPart> {
  const answer = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: key, UploadId: uploadId, PartNumber: n, Body: Buffer.from(body) }));
  return { PartNumber: n, ETag: answer.ETag as string };
}

function complete(h: Harness, key: string, uploadId: string, parts: CompletedPart[], extra: Record<string, unknown> = {}) {
  return h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts }, ...extra }));
}

describe.each([
  ["the store's own multipart", () => native],
  ["the server's staging area", () => stagedHarness],
])("multipart uploads through %s", (_label, harness) => {
  it("S3S-120 S3S-123 parts in any order, concurrently, assemble in order; nothing is visible before completion; the ETag is MD5-of-MD5s-N", async () => {
    const h = harness();
    const id = await start(h, "mp/a.txt");
    const parts = await Promise.all([part(h, "mp/a.txt", id, 3, "three"), part(h, "mp/a.txt", id, 1, "one-"), part(h, "mp/a.txt", id, 2, "two-")]);
    expect(await h.bucketStore.exists("mp")).toBe(false);
    await expectS3Error(h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "mp/a.txt" })), "NotFound", 404);
    const done = await complete(h, "mp/a.txt", id, parts.sort((a, b) => (a.PartNumber as number) - (b.PartNumber as number)));
    const expected = createHash("md5").update(Buffer.from(md5("one-") + md5("two-") + md5("three"), "hex")).digest("hex");
    expect([done.ETag, done.Key, done.Bucket, done.Location]).toEqual([`"${expected}-3"`, "mp/a.txt", h.bucket, `${h.server.endpoint}/${h.bucket}/mp/a.txt`]);
    expect(await h.bucketStore.readText("mp/a.txt")).toBe("one-two-three");
    const info = await h.bucketStore.getFileInfo("mp/a.txt");
    expect([info.contentType, info.metadata]).toEqual(["text/x-mp", { m: "1" }]);
    expect((await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "mp/a.txt" }))).PartsCount).toBe(3);
    await expectS3Error(h.client.send(new ListPartsCommand({ Bucket: h.bucket, Key: "mp/a.txt", UploadId: id })), "NoSuchUpload", 404);
  });

  it("S3S-121 a re-uploaded part replaces the old one; a failed re-upload keeps it; bad part numbers and unknown ids are refused", async () => {
    const h = harness();
    const id = await start(h, "mp/b.txt");
    await part(h, "mp/b.txt", id, 1, "old");
    const fresh = await part(h, "mp/b.txt", id, 1, "new");
    const failed = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/mp/b.txt?partNumber=1&uploadId=${id}`, body: "bad", headers: { "x-amz-checksum-crc32": "AAAAAA==" } });
    expect([failed.status, failed.code]).toEqual([400, "BadDigest"]);
    for (const n of ["0", "10001", "1.5", "x"]) {
      const answer = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/mp/b.txt?partNumber=${n}&uploadId=${id}`, body: "x" });
      expect([n, answer.status, answer.code]).toEqual([n, 400, "InvalidArgument"]);
    }
    await expectS3Error(h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "mp/b.txt", UploadId: "nope", PartNumber: 1, Body: "x" })), "NoSuchUpload", 404);
    await expectS3Error(h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "mp/other.txt", UploadId: id, PartNumber: 1, Body: "x" })), "NoSuchUpload", 404);
    await complete(h, "mp/b.txt", id, [fresh]);
    expect(await h.bucketStore.readText("mp/b.txt")).toBe("new");
  });

  it("S3S-122 UploadPartCopy copies a source (or a range of it) into a part", async () => {
    const h = harness();
    await h.bucketStore.write("src.bin", "0123456789", { overwrite: true });
    const id = await start(h, "mp/copy.bin");
    const whole = await h.client.send(new UploadPartCopyCommand({ Bucket: h.bucket, Key: "mp/copy.bin", UploadId: id, PartNumber: 1, CopySource: `${h.bucket}/src.bin` }));
    const ranged = await h.client.send(new UploadPartCopyCommand({ Bucket: h.bucket, Key: "mp/copy.bin", UploadId: id, PartNumber: 2, CopySource: `${h.bucket}/src.bin`, CopySourceRange: "bytes=2-4" }));
    expect([whole.CopyPartResult?.ETag, ranged.CopyPartResult?.ETag]).toEqual([`"${md5("0123456789")}"`, `"${md5("234")}"`]);
    await expectS3Error(h.client.send(new UploadPartCopyCommand({ Bucket: h.bucket, Key: "mp/copy.bin", UploadId: id, PartNumber: 3, CopySource: `${h.bucket}/src.bin`, CopySourceRange: "bytes=5-10" })), "InvalidArgument", 400);
    await expectS3Error(h.client.send(new UploadPartCopyCommand({ Bucket: h.bucket, Key: "mp/copy.bin", UploadId: id, PartNumber: 3, CopySource: `${h.bucket}/src.bin`, CopySourceIfMatch: '"x"' })), "PreconditionFailed", 412);
    await complete(h, "mp/copy.bin", id, [{ PartNumber: 1, ETag: whole.CopyPartResult?.ETag }, { PartNumber: 2, ETag: ranged.CopyPartResult?.ETag }]);
    expect(await h.bucketStore.readText("mp/copy.bin")).toBe("0123456789234");
  });

  it("S3S-123 completion refuses bad XML, an empty list, a wrong order and unknown or stale parts, leaving the upload open; unlisted parts are discarded", async () => {
    const h = harness();
    const id = await start(h, "mp/c.txt");
    const [p1, p2, p3] = [await part(h, "mp/c.txt", id, 1, "a"), await part(h, "mp/c.txt", id, 2, "b"), await part(h, "mp/c.txt", id, 3, "c")];
    const target = `/${h.bucket}/mp/c.txt?uploadId=${id}`;
    for (const body of ["<CompleteMultipartUpload><Part>", "<CompleteMultipartUpload></CompleteMultipartUpload>", "<Other/>", "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>"]) {
      const answer = await rawRequest(h.server, { method: "POST", target, body });
      expect([body, answer.status, answer.code]).toEqual([body, 400, "MalformedXML"]);
    }
    await expectS3Error(complete(h, "mp/c.txt", id, [p2, p1]), "InvalidPartOrder", 400);
    await expectS3Error(complete(h, "mp/c.txt", id, [p1, { PartNumber: 2, ETag: `"${md5("zz")}"` }]), "InvalidPart", 400);
    await expectS3Error(complete(h, "mp/c.txt", id, [p1, { PartNumber: 9, ETag: p2?.ETag }]), "InvalidPart", 400);
    expect(await h.bucketStore.exists("mp/c.txt")).toBe(false);
    await complete(h, "mp/c.txt", id, [p1, p3]);
    expect(await h.bucketStore.readText("mp/c.txt")).toBe("ac");
  });

  it("S3S-125 abort discards the upload: 204, then NoSuchUpload, and nothing is left behind", async () => {
    const h = harness();
    const id = await start(h, "mp/aborted.txt");
    await part(h, "mp/aborted.txt", id, 1, "gone");
    expect((await h.client.send(new AbortMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/aborted.txt", UploadId: id }))).$metadata.httpStatusCode).toBe(204);
    await expectS3Error(h.client.send(new AbortMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/aborted.txt", UploadId: id })), "NoSuchUpload", 404);
    await expectS3Error(h.client.send(new ListPartsCommand({ Bucket: h.bucket, Key: "mp/aborted.txt", UploadId: id })), "NoSuchUpload", 404);
    expect(await h.bucketStore.exists("mp/aborted.txt")).toBe(false);
    const uploads = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, Prefix: "mp/aborted" }));
    expect(uploads.Uploads).toBeUndefined();
  });

  it("S3S-128 completion honours If-None-Match (the upload stays open) and of two concurrent completions one wins", async () => {
    const h = harness();
    await h.bucketStore.write("mp/exists.txt", "there", { overwrite: true });
    const id = await start(h, "mp/exists.txt");
    const p = await part(h, "mp/exists.txt", id, 1, "new");
    await expectS3Error(complete(h, "mp/exists.txt", id, [p], { IfNoneMatch: "*" }), "PreconditionFailed", 412);
    expect(await h.bucketStore.readText("mp/exists.txt")).toBe("there");
    const both = await Promise.allSettled([complete(h, "mp/exists.txt", id, [p]), complete(h, "mp/exists.txt", id, [p])]);
    expect(both.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as Error).name)).sort()).toEqual(["NoSuchUpload", "ok"]);
    expect(await h.bucketStore.readText("mp/exists.txt")).toBe("new");
  });
});

describe("multipart listings and limits", () => {
  it("S3S-120 the store's own multipart upload holds the parts (memory), and the staging area is used without it", async () => {
    const id = await start(native, "mp/where.txt");
    await part(native, "mp/where.txt", id, 1, "p");
    expect((await memory.listMultipartUploads()).map((u) => u.path)).toEqual(["bkt/mp/where.txt"]);
    const stagedId = await start(stagedHarness, "mp/where.txt");
    await part(stagedHarness, "mp/where.txt", stagedId, 1, "p");
    expect(await staged.listMultipartUploads()).toEqual([]);
    expect(await stagedHarness.bucketStore.exists("mp/where.txt")).toBe(false);
    await native.client.send(new AbortMultipartUploadCommand({ Bucket: native.bucket, Key: "mp/where.txt", UploadId: id }));
    await stagedHarness.client.send(new AbortMultipartUploadCommand({ Bucket: stagedHarness.bucket, Key: "mp/where.txt", UploadId: stagedId }));
    expect(await memory.listMultipartUploads()).toEqual([]);
  });

  it("S3S-124 every part but the last must reach minPartSize (5 MiB by default): EntityTooSmall, and the upload stays open", async () => {
    const h = await startHarness();
    try {
      const id = await start(h, "small.bin");
      const parts = [await part(h, "small.bin", id, 1, "tiny"), await part(h, "small.bin", id, 2, "last")];
      const error = await expectS3Error(complete(h, "small.bin", id, parts), "EntityTooSmall", 400);
      expect(error.message).toBeTruthy();
      expect((await h.client.send(new ListPartsCommand({ Bucket: h.bucket, Key: "small.bin", UploadId: id }))).Parts).toHaveLength(2);
      expect(await h.bucketStore.exists("small.bin")).toBe(false);
      await complete(h, "small.bin", id, [parts[0] as CompletedPart]);
      expect(await h.bucketStore.readText("small.bin")).toBe("tiny");
    } finally {
      await h.close();
    }
  });

  it("S3S-126 ListParts pages by max-parts and part-number-marker", async () => {
    const id = await start(native, "mp/listed.txt");
    for (const n of [5, 1, 3, 2, 4]) await part(native, "mp/listed.txt", id, n, `p${n}`);
    const first = await native.client.send(new ListPartsCommand({ Bucket: native.bucket, Key: "mp/listed.txt", UploadId: id, MaxParts: 2 }));
    expect([first.Parts?.map((p) => p.PartNumber), first.IsTruncated, first.NextPartNumberMarker, first.Parts?.[0]?.Size]).toEqual([[1, 2], true, "2", 2]);
    const rest = await native.client.send(new ListPartsCommand({ Bucket: native.bucket, Key: "mp/listed.txt", UploadId: id, PartNumberMarker: first.NextPartNumberMarker }));
    expect([rest.Parts?.map((p) => p.PartNumber), rest.IsTruncated, rest.Parts?.[0]?.ETag]).toEqual([[3, 4, 5], false, `"${md5("p3")}"`]);
    await native.client.send(new AbortMultipartUploadCommand({ Bucket: native.bucket, Key: "mp/listed.txt", UploadId: id }));
  });

  it("S3S-127 ListMultipartUploads orders by key then age, filters by prefix, rolls up by delimiter and pages with markers", async () => {
    const h = await startHarness({ minPartSize: 0, clock: ticking() }, "uploads");
    try {
      const ids: Record<string, string> = {};
      for (const key of ["b/1", "a", "b/2", "a", "c"]) ids[`${key}#${Object.keys(ids).filter((k) => k.startsWith(`${key}#`)).length}`] = await start(h, key);
      const all = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket }));
      expect(all.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([["a", ids["a#0"]], ["a", ids["a#1"]], ["b/1", ids["b/1#0"]], ["b/2", ids["b/2#0"]], ["c", ids["c#0"]]]);
      const rolled = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, Delimiter: "/" }));
      expect([rolled.Uploads?.map((u) => u.Key), rolled.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([["a", "a", "c"], ["b/"]]);
      const prefixed = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, Prefix: "b/" }));
      expect(prefixed.Uploads?.map((u) => u.Key)).toEqual(["b/1", "b/2"]);
      const page = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, MaxUploads: 1 }));
      expect([page.Uploads?.map((u) => u.UploadId), page.IsTruncated, page.NextKeyMarker, page.NextUploadIdMarker]).toEqual([[ids["a#0"]], true, "a", ids["a#0"]]);
      const next = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, MaxUploads: 2, KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker }));
      expect(next.Uploads?.map((u) => u.UploadId)).toEqual([ids["a#1"], ids["b/1#0"]]);
      const byKey = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, KeyMarker: "b/1" }));
      expect(byKey.Uploads?.map((u) => u.Key)).toEqual(["b/2", "c"]);
      expect(all.Uploads?.[0]?.Initiated?.getTime()).toBeLessThan(all.Uploads?.[1]?.Initiated?.getTime() as number);
    } finally {
      await h.close();
    }
  });

  it("S3S-050 S3S-062 lib-storage's Upload (5 MiB parts, CRC32) stores a 12 MiB object through three parts", async () => {
    const h = await startHarness({}, "big");
    try {
      const body = Buffer.alloc(12 * 1024 * 1024);
      for (let i = 0; i < body.length; i += 4096) body[i] = i % 251;
      const done = await new Upload({ client: h.client, params: { Bucket: h.bucket, Key: "big.bin", Body: body }, partSize: 5 * 1024 * 1024, queueSize: 2 }).done();
      expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
      expect(Buffer.from(await h.bucketStore.readBytes("big.bin")).equals(body)).toBe(true);
      const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "big.bin", ChecksumMode: "ENABLED" }));
      expect([head.ContentLength, head.ChecksumCRC32?.endsWith("-3"), head.ChecksumType]).toEqual([body.length, true, "COMPOSITE"]);
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "small.txt", Body: "small" }));
    } finally {
      await h.close();
    }
  });
});

/** A clock that moves one second per call from now, so upload initiation times differ without waiting. */
function ticking(): () => Date {
  let t = Date.now();
  return () => new Date((t += 1000));
}
