import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { checksumOf } from "../../src/s3-server/checksums.js";
import { afterContinue, rawExchange, rawRequest, RequestLog, sendRaw, sha256Hex, signHeaders, startHarness, type Harness } from "./support/harness.js";
import { signedChunkedRequest, unsignedChunkedBody } from "./support/chunked.js";

const log = new RequestLog();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ onRequest: log.record });
});
afterAll(() => h.close());

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

async function put(key: string, headers: Record<string, string>, body: Uint8Array) {
  const target = `/${h.bucket}/${key}`;
  return sendRaw(h.server, "PUT", target, await signHeaders(h.server, "PUT", target, headers), body);
}

describe("request bodies", () => {
  it("S3S-050 a streamed SDK body (aws-chunked, CRC32 trailer) lands in the store as its bytes", async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.from("tail")];
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "stream/a.bin", Body: Readable.from(chunks), ContentLength: 70_004 }));
    expect(Buffer.from(await h.bucketStore.readBytes("stream/a.bin")).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("S3S-050 a client that goes away mid-body leaves nothing: no object, the previous one kept, no temp file on disk", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rs-s3s-"));
    const local = new LocalBackend({ root: dir });
    const disk = await startHarness({ backend: local, onRequest: log.record }, "disk");
    try {
      await disk.bucketStore.write("kept.txt", "old content");
      await disk.bucketStore.createFolder("empty");
      for (const [key, server] of [["kept.txt", disk.server], ["fresh/new.txt", disk.server], ["gone.txt", h.server]] as const) {
        const bucket = server === disk.server ? "disk" : h.bucket;
        const target = `/${bucket}/${key}`;
        const headers = await signHeaders(server, "PUT", target, { "content-length": "100000", "x-amz-content-sha256": "UNSIGNED-PAYLOAD", expect: "100-continue" });
        const head = `PUT ${target} HTTP/1.1\r\n${Object.entries(headers).map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\n`;
        const socket = await afterContinue(server, head);
        socket.write(Buffer.alloc(30_000, 7));
        socket.destroy();
        const entry = await log.waitFor((e) => e.url === target);
        expect([entry.status, entry.errorCode, entry.clientGone]).toEqual([400, "IncompleteBody", true]);
      }
      expect(await disk.bucketStore.readText("kept.txt")).toBe("old content");
      expect(await disk.bucketStore.exists("fresh")).toBe(false);
      expect(await h.bucketStore.exists("gone.txt")).toBe(false);
      expect((await readdir(join(dir, "disk"))).sort()).toEqual(["empty", "kept.txt"]);
    } finally {
      await disk.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("S3S-051 a PUT without a length is MissingContentLength; one over 5 GiB is EntityTooLarge before anything is read", async () => {
    const target = `/${h.bucket}/nolength.txt`;
    const chunkedHeaders = await signHeaders(h.server, "PUT", target, { "transfer-encoding": "chunked", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const chunked = await sendRaw(h.server, "PUT", target, chunkedHeaders, enc("abc"));
    expect([chunked.status, chunked.code]).toEqual([411, "MissingContentLength"]);
    const hugeTarget = `/${h.bucket}/huge.bin`;
    const headers = await signHeaders(h.server, "PUT", hugeTarget, { "content-length": String(5 * 1024 ** 3 + 1), "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const answer = await rawExchange(h.server, `PUT ${hugeTarget} HTTP/1.1\r\n${Object.entries(headers).map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\n`, { halfClose: false });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain("<Code>EntityTooLarge</Code>");
    expect(await h.bucketStore.exists("nolength.txt")).toBe(false);
    expect(await h.bucketStore.exists("huge.bin")).toBe(false);
  });

  it("S3S-051 S3S-023 a body shorter than Content-Length is IncompleteBody; one followed by stray bytes is BadRequest; neither is stored", async () => {
    const shortTarget = `/${h.bucket}/short.txt`;
    const shortHeaders = await signHeaders(h.server, "PUT", shortTarget, { "content-length": "10", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const short = await rawExchange(h.server, `PUT ${shortTarget} HTTP/1.1\r\n${Object.entries(shortHeaders).map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\nabc`);
    expect(short).toMatch(/^HTTP\/1\.1 400/);
    expect(short).toContain("<Code>IncompleteBody</Code>");
    const target = `/${h.bucket}/long.txt`;
    const headers = await signHeaders(h.server, "PUT", target, { "content-length": "3", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const long = await rawExchange(h.server, `PUT ${target} HTTP/1.1\r\n${Object.entries(headers).map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\nabcdefgh`);
    expect(long).toContain("<Code>BadRequest</Code>");
    const entry = await log.waitFor((e) => e.url === target);
    expect([entry.status, entry.errorCode]).toEqual([400, "BadRequest"]);
    expect(await h.bucketStore.exists("short.txt")).toBe(false);
    expect(await h.bucketStore.exists("long.txt")).toBe(false);
  });

  it("S3S-052 a body that does not match x-amz-content-sha256 is XAmzContentSHA256Mismatch and keeps the previous object", async () => {
    await h.bucketStore.write("hashed.txt", "before", { overwrite: true });
    const bad = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/hashed.txt`, body: "after", payloadHash: sha256Hex("other") });
    expect([bad.status, bad.code]).toEqual([400, "XAmzContentSHA256Mismatch"]);
    expect(await h.bucketStore.readText("hashed.txt")).toBe("before");
    const unsigned = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/hashed.txt`, body: "after", payloadHash: "UNSIGNED-PAYLOAD" });
    expect(unsigned.status).toBe(200);
    expect(await h.bucketStore.readText("hashed.txt")).toBe("after");
  });

  it("S3S-052 an unknown x-amz-content-sha256 is InvalidArgument; SigV4a streaming is NotImplemented", async () => {
    const bad = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/x.txt`, body: "x", payloadHash: "not-a-hash" });
    expect([bad.status, bad.code]).toEqual([400, "InvalidArgument"]);
    const v4a = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/x.txt`, body: "x", payloadHash: "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", headers: { "x-amz-decoded-content-length": "1" } });
    expect([v4a.status, v4a.code]).toEqual([501, "NotImplemented"]);
    expect(await h.bucketStore.exists("x.txt")).toBe(false);
  });

  it("S3S-053 signed aws-chunked bodies (with and without a signed trailer) are verified chunk by chunk and stored", async () => {
    const chunks = [Buffer.alloc(65_536, 97), Buffer.alloc(1024, 98)];
    const plain = await signedChunkedRequest(h.server, "PUT", `/${h.bucket}/signed/plain.bin`, chunks);
    expect((await sendRaw(h.server, "PUT", `/${h.bucket}/signed/plain.bin`, plain.headers, plain.body)).status).toBe(200);
    const crc = await checksumOf("CRC32C", Buffer.concat(chunks));
    const trailed = await signedChunkedRequest(h.server, "PUT", `/${h.bucket}/signed/trailer.bin`, chunks, { trailer: { name: "x-amz-checksum-crc32c", value: crc } });
    const answer = await sendRaw(h.server, "PUT", `/${h.bucket}/signed/trailer.bin`, trailed.headers, trailed.body);
    expect([answer.status, answer.headers["x-amz-checksum-crc32c"]]).toEqual([200, crc]);
    for (const key of ["plain.bin", "trailer.bin"]) expect(Buffer.from(await h.bucketStore.readBytes(`signed/${key}`)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("S3S-053 a changed chunk or trailer is SignatureDoesNotMatch and nothing is stored", async () => {
    const chunks = [Buffer.alloc(9000, 1), Buffer.alloc(10, 2)];
    const tampered = await signedChunkedRequest(h.server, "PUT", `/${h.bucket}/signed/bad.bin`, chunks, { tamperChunk: 1 });
    const answer = await sendRaw(h.server, "PUT", `/${h.bucket}/signed/bad.bin`, tampered.headers, tampered.body);
    expect([answer.status, answer.code]).toEqual([403, "SignatureDoesNotMatch"]);
    const trailer = await signedChunkedRequest(h.server, "PUT", `/${h.bucket}/signed/bad.bin`, chunks, { trailer: { name: "x-amz-checksum-crc32", value: await checksumOf("CRC32", Buffer.concat(chunks)) } });
    const changed = Buffer.from(trailer.body.toString("latin1").replace(/x-amz-trailer-signature:[0-9a-f]/, (m) => `${m.slice(0, -1)}${m.endsWith("0") ? "1" : "0"}`), "latin1");
    const bad = await sendRaw(h.server, "PUT", `/${h.bucket}/signed/bad.bin`, trailer.headers, changed);
    expect([bad.status, bad.code]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(await h.bucketStore.exists("signed/bad.bin")).toBe(false);
  });

  it("S3S-053 in a signed mode a chunk without chunk-signature is IncompleteBody; so is a chunk header over 4 KiB", async () => {
    const signedMode = { "content-encoding": "aws-chunked", "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "x-amz-decoded-content-length": "5" };
    const unsignedChunks = await put("signed/missing.bin", signedMode, Buffer.from("5\r\nhello\r\n0\r\n\r\n"));
    expect([unsignedChunks.status, unsignedChunks.code]).toEqual([400, "IncompleteBody"]);
    const unsignedMode = { "content-encoding": "aws-chunked", "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length": "5" };
    const longLine = await put("signed/missing.bin", unsignedMode, Buffer.from(`5;${"x".repeat(5000)}\r\nhello\r\n0\r\n\r\n`));
    expect([longLine.status, longLine.code]).toEqual([400, "IncompleteBody"]);
    expect(await h.bucketStore.exists("signed/missing.bin")).toBe(false);
  });

  it("S3S-053 malformed aws-chunked framing and a wrong decoded length are IncompleteBody; any hex case and chunk size are accepted", async () => {
    const base = { "content-encoding": "aws-chunked", "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-trailer": "x-amz-checksum-crc32" };
    const crc = await checksumOf("CRC32", enc("hello world"));
    const good = Buffer.from(`B\r\nhello world\r\n0\r\nx-amz-checksum-crc32:${crc}\r\n\r\n`);
    const ok = await put("framed/upper.txt", { ...base, "x-amz-decoded-content-length": "11" }, good);
    expect(ok.status).toBe(200);
    const bodies: [string, Buffer, string][] = [
      ["not hex", Buffer.from(`zz\r\nhello world\r\n0\r\n\r\n`), "11"],
      ["no CRLF after a chunk", Buffer.from(`b\r\nhello worldXX0\r\n\r\n`), "11"],
      ["no final chunk", Buffer.from(`b\r\nhello world\r\n`), "11"],
      ["ends inside a chunk", Buffer.from(`ff\r\nhello world`), "11"],
      ["decoded length too small", unsignedChunkedBody(["hello world"], `x-amz-checksum-crc32:${crc}`), "5"],
      ["decoded length too large", unsignedChunkedBody(["hello world"], `x-amz-checksum-crc32:${crc}`), "20"],
    ];
    for (const [label, body, length] of bodies) {
      const answer = await put("framed/bad.txt", { ...base, "x-amz-decoded-content-length": length }, body);
      expect([label, answer.status, answer.code]).toEqual([label, 400, "IncompleteBody"]);
    }
    expect(await h.bucketStore.exists("framed/bad.txt")).toBe(false);
    const noDecoded = await put("framed/bad.txt", base, good);
    expect([noDecoded.status, noDecoded.code]).toEqual([411, "MissingContentLength"]);
  });

  it("S3S-053 the aws-chunked token is removed from the stored Content-Encoding", async () => {
    const body = unsignedChunkedBody(["zipped"], undefined);
    const answer = await put("framed/enc.txt", { "content-encoding": "gzip,aws-chunked", "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length": "6" }, body);
    expect(answer.status).toBe(200);
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "framed/enc.txt" }));
    expect(got.ContentEncoding).toBe("gzip");
    await got.Body?.transformToByteArray();
  });

  it("S3S-054 Content-MD5 is checked: a wrong one is BadDigest, a malformed one InvalidDigest; nothing is stored", async () => {
    const md5 = (text: string): string => createHash("md5").update(text).digest("base64");
    const ok = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/md5.txt`, body: "body", headers: { "content-md5": md5("body") } });
    expect(ok.status).toBe(200);
    const wrong = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/md5-bad.txt`, body: "body", headers: { "content-md5": md5("other") } });
    expect([wrong.status, wrong.code]).toEqual([400, "BadDigest"]);
    const malformed = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/md5-bad.txt`, body: "body", headers: { "content-md5": "nope" } });
    expect([malformed.status, malformed.code]).toEqual([400, "InvalidDigest"]);
    expect(await h.bucketStore.exists("md5-bad.txt")).toBe(false);
  });
});
