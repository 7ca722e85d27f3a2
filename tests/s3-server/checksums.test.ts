import { Readable } from "node:stream";
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, ListPartsCommand, PutObjectCommand, UploadPartCommand, type ChecksumAlgorithm } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumOf, compositeChecksum } from "../../src/s3-server/checksums.js";
import { expectS3Error, rawRequest, startHarness, type Harness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ minPartSize: 0 });
});
afterAll(() => h.close());

const ALGORITHMS = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as const;
const field = (algorithm: string): `Checksum${string}` => `Checksum${algorithm}`;
/** The `Checksum<ALG>` member of an SDK output. */
const valueOf = (output: object, algorithm: string): unknown => (output as Record<string, unknown>)[field(algorithm)];

describe("checksums", () => {
  it("S3S-060 the five algorithms match AWS's values for 'hello' (the SDK's own implementations)", async () => {
    const values = await Promise.all(ALGORITHMS.map((a) => checksumOf(a, new TextEncoder().encode("hello"))));
    expect(values).toEqual(["NhCmhg==", "mnG7TA==", "M3eFcAZSQlc=", "qvTGHdzF6KLavt4PO0gs2a6pQ00=", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="]);
    expect(await compositeChecksum("CRC32", ["NhCmhg==", "OncRQw=="])).toBe("wpn7tg==-2");
  });

  it("S3S-060 S3S-061 each algorithm, as a header (Buffer body) or a trailer (stream body), is checked, kept and returned with checksum mode", async () => {
    for (const algorithm of ALGORITHMS) {
      const expected = await checksumOf(algorithm, new TextEncoder().encode("payload"));
      const header = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: `sum/${algorithm}/h`, Body: Buffer.from("payload"), ChecksumAlgorithm: algorithm }));
      expect([algorithm, valueOf(header, algorithm), header.ChecksumType]).toEqual([algorithm, expected, "FULL_OBJECT"]);
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: `sum/${algorithm}/t`, Body: Readable.from([Buffer.from("pay"), Buffer.from("load")]), ContentLength: 7, ChecksumAlgorithm: algorithm }));
      for (const key of ["h", "t"]) {
        const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: `sum/${algorithm}/${key}`, ChecksumMode: "ENABLED" }));
        expect([algorithm, key, valueOf(got, algorithm), await got.Body?.transformToString()]).toEqual([algorithm, key, expected, "payload"]);
      }
    }
  });

  it("S3S-061 checksums are answered only with x-amz-checksum-mode: ENABLED and never on a range; an object stored without one has none", async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "sum/mode", Body: Buffer.from("0123456789"), ChecksumAlgorithm: "SHA256" }));
    const plain = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/sum/mode` });
    expect(plain.headers["x-amz-checksum-sha256"]).toBeUndefined();
    const enabled = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/sum/mode`, headers: { "x-amz-checksum-mode": "ENABLED" } });
    expect([typeof enabled.headers["x-amz-checksum-sha256"], enabled.headers["x-amz-checksum-type"]]).toEqual(["string", "FULL_OBJECT"]);
    const ranged = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/sum/mode`, headers: { "x-amz-checksum-mode": "ENABLED", range: "bytes=0-3" } });
    expect([ranged.status, ranged.headers["x-amz-checksum-sha256"]]).toEqual([206, undefined]);
    await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/sum/none`, body: "no checksum" });
    const none = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/sum/none`, headers: { "x-amz-checksum-mode": "ENABLED" } });
    expect(Object.keys(none.headers).filter((name) => name.startsWith("x-amz-checksum"))).toEqual([]);
  });

  it("S3S-060 a wrong value is BadDigest; a malformed value, two checksum headers, a mismatched algorithm name or an unknown one are InvalidRequest; nothing is stored", async () => {
    await h.bucketStore.write("sum/bad", "previous", { overwrite: true });
    const put = (headers: Record<string, string>) => rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/sum/bad`, body: "hello", headers });
    const cases: [Record<string, string>, number, string][] = [
      [{ "x-amz-checksum-crc32": "AAAAAA==" }, 400, "BadDigest"],
      [{ "x-amz-checksum-sha256": await checksumOf("SHA256", new TextEncoder().encode("other")) }, 400, "BadDigest"],
      [{ "x-amz-checksum-crc32": "not base64!" }, 400, "InvalidRequest"],
      [{ "x-amz-checksum-crc32": "AAAA" }, 400, "InvalidRequest"],
      [{ "x-amz-checksum-crc32": "NhCmhg==", "x-amz-checksum-crc32c": "mnG7TA==" }, 400, "InvalidRequest"],
      [{ "x-amz-checksum-crc32": "NhCmhg==", "x-amz-sdk-checksum-algorithm": "CRC32C" }, 400, "InvalidRequest"],
      [{ "x-amz-sdk-checksum-algorithm": "MD4" }, 400, "InvalidRequest"],
    ];
    for (const [headers, status, code] of cases) {
      const answer = await put(headers);
      expect([headers, answer.status, answer.code]).toEqual([headers, status, code]);
    }
    expect(await h.bucketStore.readText("sum/bad")).toBe("previous");
    const body = Buffer.from("5\r\nhello\r\n0\r\n\r\n");
    const missing = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/sum/bad`, body, payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER", headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "5", "x-amz-trailer": "x-amz-checksum-crc32" } });
    expect([missing.status, missing.code]).toEqual([400, "InvalidRequest"]);
    const wrongTrailer = Buffer.from("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n");
    const bad = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/sum/bad`, body: wrongTrailer, payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER", headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "5", "x-amz-trailer": "x-amz-checksum-crc32" } });
    expect([bad.status, bad.code]).toEqual([400, "BadDigest"]);
    expect(await h.bucketStore.readText("sum/bad")).toBe("previous");
  });

  it("S3S-062 multipart: COMPOSITE over the part checksums (-N), FULL_OBJECT over the object; defaults and refused combinations", async () => {
    const upload = async (key: string, algorithm: ChecksumAlgorithm, type?: "COMPOSITE" | "FULL_OBJECT") => {
      const { UploadId, ChecksumType } = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: key, ChecksumAlgorithm: algorithm, ...(type === undefined ? {} : { ChecksumType: type }) }));
      const parts = [];
      for (const [i, body] of ["hello", "world"].entries()) {
        const part = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: key, UploadId, PartNumber: i + 1, Body: Buffer.from(body), ChecksumAlgorithm: algorithm }));
        parts.push({ PartNumber: i + 1, ETag: part.ETag, [field(algorithm)]: valueOf(part, algorithm) as string });
      }
      const done = await h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
      return { type: ChecksumType, value: valueOf(done, algorithm), doneType: done.ChecksumType };
    };
    expect(await upload("mp/crc32", "CRC32")).toEqual({ type: "COMPOSITE", value: "wpn7tg==-2", doneType: "COMPOSITE" });
    expect(await upload("mp/crc32-full", "CRC32", "FULL_OBJECT")).toEqual({ type: "FULL_OBJECT", value: "+esgrQ==", doneType: "FULL_OBJECT" });
    expect(await upload("mp/crc64", "CRC64NVME")).toEqual({ type: "FULL_OBJECT", value: await checksumOf("CRC64NVME", new TextEncoder().encode("helloworld")), doneType: "FULL_OBJECT" });
    const sha = await upload("mp/sha256", "SHA256");
    expect([sha.type, String(sha.value).endsWith("-2")]).toEqual(["COMPOSITE", true]);
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "mp/crc32", ChecksumMode: "ENABLED" }));
    expect([head.ChecksumCRC32, head.ChecksumType]).toEqual(["wpn7tg==-2", "COMPOSITE"]);
    await expectS3Error(h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/x", ChecksumAlgorithm: "SHA1", ChecksumType: "FULL_OBJECT" })), "InvalidRequest", 400);
    await expectS3Error(h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/x", ChecksumAlgorithm: "CRC64NVME", ChecksumType: "COMPOSITE" })), "InvalidRequest", 400);
  });

  it("S3S-062 part checksums: another algorithm than the upload's is InvalidRequest; a wrong one repeated at completion is InvalidPart; without an algorithm parts keep theirs", async () => {
    const { UploadId } = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/parts", ChecksumAlgorithm: "CRC32" }));
    await expectS3Error(h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "mp/parts", UploadId, PartNumber: 1, Body: Buffer.from("a"), ChecksumAlgorithm: "SHA256" })), "InvalidRequest", 400);
    const part = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "mp/parts", UploadId, PartNumber: 1, Body: Buffer.from("a"), ChecksumAlgorithm: "CRC32" }));
    await expectS3Error(h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/parts", UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumCRC32: "AAAAAA==" }] } })), "InvalidPart", 400);
    const plain = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/plain" }));
    const sent = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "mp/plain", UploadId: plain.UploadId, PartNumber: 1, Body: Buffer.from("hello") }));
    expect(sent.ChecksumCRC32).toBe("NhCmhg==");
    const parts = await h.client.send(new ListPartsCommand({ Bucket: h.bucket, Key: "mp/plain", UploadId: plain.UploadId }));
    expect(parts.Parts?.[0]?.ChecksumCRC32).toBe("NhCmhg==");
    await h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: "mp/plain", UploadId: plain.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: sent.ETag }] } }));
    const head = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/mp/plain`, headers: { "x-amz-checksum-mode": "ENABLED" } });
    expect(Object.keys(head.headers).filter((name) => name.startsWith("x-amz-checksum"))).toEqual([]);
  });
});
