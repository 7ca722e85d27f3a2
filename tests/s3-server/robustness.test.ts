import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { checksumOf } from "../../src/s3-server/checksums.js";
import { clientFor, rawRequest, startHarness, type Harness } from "./support/harness.js";

/** Random inputs per property: small in CI, `S3_SERVER_FUZZ_RUNS` for long runs. */
const FUZZ_RUNS = Number(process.env.S3_SERVER_FUZZ_RUNS ?? "40");
/** `<requests>x<clients>`: 200x10 in CI, e.g. 10000x100 for a long run. */
const [LOAD_REQUESTS, LOAD_CLIENTS] = (process.env.S3_SERVER_LOAD ?? "200x10").split("x").map(Number) as [number, number];
/** MiB of the streamed-upload memory check; unset: not run (it needs a quiet machine). */
const LARGE_UPLOAD_MIB = Number(process.env.S3_SERVER_LARGE_UPLOAD_MIB ?? "0");

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ minPartSize: 0 });
});
afterAll(() => h.close());

const PAYLOAD = "hello world";

/** A normal answer or an S3 client error; 501 NotImplemented is S3's answer to unknown parameters. */
const acceptable = (status: number): boolean => status < 500 || status === 501;

/** A mutation of a byte string: flip, cut, insert or replace a run of bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
);

function mutate(body: Buffer, change: { readonly kind: string; readonly at: number; readonly bits?: number; readonly length?: number; readonly bytes?: Uint8Array }): Buffer {
  const at = change.at % Math.max(body.length, 1);
  if (change.kind === "flip") {
    const copy = Buffer.from(body);
    copy[at] = (copy[at] as number) ^ (change.bits as number);
    return copy;
  }
  if (change.kind === "cut") return Buffer.concat([body.subarray(0, at), body.subarray(at + (change.length as number))]);
  return Buffer.concat([body.subarray(0, at), Buffer.from(change.bytes as Uint8Array), body.subarray(at)]);
}

describe("robustness", () => {
  it(`S3S-160 ${FUZZ_RUNS} mutated aws-chunked bodies: a 4xx or the exact payload, never a 5xx, never a partial object`, async () => {
    const crc = await checksumOf("CRC32", new TextEncoder().encode(PAYLOAD));
    const valid = Buffer.from(`5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:${crc}\r\n\r\n`);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
        const body = changes.reduce<Buffer>((b, change) => mutate(b, change), valid);
        const key = `fuzz/chunked-${n++}`;
        const answer = await rawRequest(h.server, {
          method: "PUT", target: `/${h.bucket}/${key}`, body, payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
          headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": String(PAYLOAD.length), "x-amz-trailer": "x-amz-checksum-crc32" },
        });
        expect([answer.status, acceptable(answer.status)]).toEqual([answer.status, true]);
        if (answer.status === 200) expect(await h.bucketStore.readText(key)).toBe(PAYLOAD);
        else expect(await h.bucketStore.exists(key)).toBe(false);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 60_000);

  it(`S3S-160 ${FUZZ_RUNS} random XML documents, query strings and header values are answered without a 5xx`, async () => {
    const xmlish = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(fc.constantFrom("<Delete>", "</Delete>", "<Object>", "</Object>", "<Key>", "</Key>", "a", "&amp;", "&#x41;", "<Quiet>true</Quiet>", "<!--", "-->", "<", ">", "&"), { maxLength: 14 }).map((parts) => parts.join("")),
    );
    const token = fc.string({ unit: fc.constantFrom(..."abcxyz-_.~%20+=&/?0123456789".split("")), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(xmlish, token, token, fc.string({ unit: fc.constantFrom(..."bytes=-0123456789,*\" abc".split("")), maxLength: 16 }), async (xml, name, value, range) => {
        const deleted = await rawRequest(h.server, { method: "POST", target: `/${h.bucket}?delete`, body: xml });
        expect([xml, acceptable(deleted.status)]).toEqual([xml, true]);
        const listed = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&${encodeURIComponent(name)}=${encodeURIComponent(value)}` });
        expect([name, value, acceptable(listed.status)]).toEqual([name, value, true]);
        const ranged = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/fuzz/chunked-0`, headers: { range, "if-match": value, "if-modified-since": range } });
        expect([range, acceptable(ranged.status)]).toEqual([range, true]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 60_000);

  it(`S3S-161 ${LOAD_REQUESTS} requests from ${LOAD_CLIENTS} concurrent clients all succeed and lose nothing`, async () => {
    const clients = Array.from({ length: LOAD_CLIENTS }, () => clientFor(h.server));
    let next = 0;
    const written = new Map<string, string>();
    await Promise.all(
      clients.map(async (client) => {
        for (let i = next++; i < LOAD_REQUESTS; i = next++) {
          const key = `load/${String(i % 1000).padStart(3, "0")}/obj-${i}`;
          if (i % 3 === 2 && written.size > 0) {
            const listed = await client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: "load/", MaxKeys: 50 }));
            expect(listed.$metadata.httpStatusCode).toBe(200);
            continue;
          }
          const body = `object ${i}`;
          await client.send(new PutObjectCommand({ Bucket: h.bucket, Key: key, Body: body }));
          written.set(key, body);
          const got = await client.send(new GetObjectCommand({ Bucket: h.bucket, Key: key }));
          expect(await got.Body?.transformToString()).toBe(body);
        }
      }),
    );
    for (const client of clients) client.destroy();
    const files = await h.bucketStore.listFiles("load", { recursive: true }).toArray();
    expect(files.length).toBe(written.size);
    for (const file of files.slice(0, 50)) expect(await h.bucketStore.readText(file.path)).toBe(written.get(file.path));
  }, Math.max(60_000, LOAD_REQUESTS * 30));

  it.skipIf(LARGE_UPLOAD_MIB === 0)(`S3S-162 a ${LARGE_UPLOAD_MIB} MiB Upload to a store on disk raises resident memory by far less than its size`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "rs-s3s-large-"));
    const disk = await startHarness({ backend: new LocalBackend({ root: dir }) }, "large");
    try {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      const source = Readable.from((function* () {
        for (let i = 0; i < LARGE_UPLOAD_MIB; i++) yield chunk;
      })());
      const before = process.memoryUsage().rss;
      let peak = before;
      const upload = new Upload({ client: disk.client, params: { Bucket: "large", Key: "big.bin", Body: source }, partSize: 8 * 1024 * 1024, queueSize: 4 });
      upload.on("httpUploadProgress", () => void (peak = Math.max(peak, process.memoryUsage().rss)));
      await upload.done();
      const size = LARGE_UPLOAD_MIB * 1024 * 1024;
      expect((await disk.bucketStore.getFileInfo("big.bin")).size).toBe(size);
      process.stderr.write(`S3S-162: ${LARGE_UPLOAD_MIB} MiB uploaded; resident memory rose by ${((peak - before) / 2 ** 20).toFixed(0)} MiB\n`);
      expect(peak - before).toBeLessThan(Math.min(size / 4, 512 * 1024 * 1024));
    } finally {
      await disk.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
