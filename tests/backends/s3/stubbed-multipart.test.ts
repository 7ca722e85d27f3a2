import { describe, expect, it } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import type { S3Context } from "../../../src/backends/s3/context.js";
import { uploadContent } from "../../../src/backends/s3/upload.js";
import { Store } from "../../../src/index.js";
import { capture, expectCode } from "../../errors/expect-code.js";
import { serviceError, stubClient, type StubHandler } from "./support/stub-client.js";

const MiB = 1024 * 1024;

function storeWith(handlers: Record<string, StubHandler>, options: { prefix?: string } = {}) {
  const stub = stubClient(handlers);
  const backend = new S3Backend({ bucket: "bkt", client: stub.client, partSize: 5 * MiB, queueSize: 2, ...options });
  return { stub, store: new Store({ backend }) };
}

async function* chunks(total: number, chunk: number, failAfter = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += chunk) {
    if (sent >= failAfter) throw new Error("the source failed");
    yield new Uint8Array(Math.min(chunk, total - sent)).fill(sent / chunk);
  }
}

const multipartHandlers = (overrides: Record<string, StubHandler> = {}): Record<string, StubHandler> => ({
  CreateMultipartUploadCommand: () => ({ UploadId: "u-1" }),
  UploadPartCommand: (input) => ({ ETag: `"e${String(input.PartNumber)}"` }),
  CompleteMultipartUploadCommand: () => ({ ETag: '"done"' }),
  AbortMultipartUploadCommand: () => ({}),
  ...overrides,
});

describe("automatic multipart uploads with a stubbed client (failures a test server does not produce)", () => {
  it("S3-032 a streamed write above the threshold is uploaded in partSize parts and completed in part order", async () => {
    const { stub, store } = storeWith(multipartHandlers());
    const result = await store.write("big.bin", chunks(12 * MiB, MiB));
    expect(result.size).toBe(12 * MiB);
    const parts = stub.calls.filter((c) => c.command === "UploadPartCommand").map((c) => [c.input.PartNumber, c.input.BodyLength]);
    expect(parts.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([[1, 5 * MiB], [2, 5 * MiB], [3, 2 * MiB]]);
    const complete = stub.calls.find((c) => c.command === "CompleteMultipartUploadCommand");
    expect(complete?.input.MultipartUpload).toEqual({ Parts: [{ PartNumber: 1, ETag: '"e1"' }, { PartNumber: 2, ETag: '"e2"' }, { PartNumber: 3, ETag: '"e3"' }] });
    expect(complete?.input.IfNoneMatch).toBe("*");
    expect(stub.names()).not.toContain("AbortMultipartUploadCommand");
  });

  it("S3-032 a source failing after the threshold aborts the upload and rejects with the source's error; nothing is completed", async () => {
    const { stub, store } = storeWith(multipartHandlers());
    const { error } = await capture(store.write("big.bin", chunks(20 * MiB, MiB, 11 * MiB)));
    expect((error as Error).message).toBe("the source failed");
    expect(stub.names()).toContain("AbortMultipartUploadCommand");
    expect(stub.calls.find((c) => c.command === "AbortMultipartUploadCommand")?.input).toMatchObject({ Bucket: "bkt", Key: "big.bin", UploadId: "u-1" });
    expect(stub.names()).not.toContain("CompleteMultipartUploadCommand");
  });

  it("S3-032 a failing part aborts the upload and stops reading the source; the error is mapped for the path", async () => {
    let pulled = 0;
    async function* counting(): AsyncGenerator<Uint8Array> {
      for (pulled = 0; pulled < 100; pulled++) yield new Uint8Array(MiB);
    }
    const { stub, store } = storeWith(multipartHandlers({ UploadPartCommand: (input) => {
      if (input.PartNumber === 2) throw serviceError("InternalError", 500);
      return { ETag: '"ok"' };
    } }));
    await expectCode(store.write("dir/big.bin", counting()), "BACKEND_UNAVAILABLE", "dir/big.bin");
    expect(stub.names()).toContain("AbortMultipartUploadCommand");
    expect(stub.names()).not.toContain("CompleteMultipartUploadCommand");
    expect(pulled).toBeLessThan(100);
  });

  it("S3-032 S3-033 a refused completion (412) aborts the upload and is ALREADY_EXISTS; a failing abort does not hide it", async () => {
    const { stub, store } = storeWith(multipartHandlers({
      CompleteMultipartUploadCommand: () => {
        throw serviceError("PreconditionFailed", 412);
      },
      AbortMultipartUploadCommand: () => {
        throw serviceError("MethodNotAllowed", 405);
      },
    }));
    await expectCode(store.write("race.bin", chunks(6 * MiB, MiB)), "ALREADY_EXISTS", "race.bin");
    expect(stub.names()).toContain("AbortMultipartUploadCommand");
  });

  it("S3-032 content above partSize × the part limit is QUOTA_EXCEEDED and aborted (limit lowered from 10,000 to 3 here)", async () => {
    const stub = stubClient(multipartHandlers());
    const backend = new S3Backend({ bucket: "bkt", client: stub.client, partSize: 5 * MiB });
    const ctx = (backend as unknown as { ctx: S3Context }).ctx;
    const target = { key: "huge.bin", path: "huge.bin", contentType: "application/octet-stream", metadata: {}, exclusive: false };
    await expectCode(uploadContent(ctx, target, chunks(16 * MiB, MiB), 3), "QUOTA_EXCEEDED", "huge.bin");
    expect(stub.calls.filter((c) => c.command === "UploadPartCommand")).toHaveLength(3);
    expect(stub.names()).toContain("AbortMultipartUploadCommand");
    expect(await uploadContent(ctx, { ...target, key: "fits.bin" }, chunks(15 * MiB, MiB), 3)).toBe(15 * MiB);
  });

  it("S3-031 content up to the threshold is one PUT with its length, even when streamed", async () => {
    const { stub, store } = storeWith({});
    await store.write("small.bin", chunks(5 * MiB, MiB));
    const puts = stub.calls.filter((c) => c.command === "PutObjectCommand");
    expect(puts.map((c) => [c.input.ContentLength, c.input.BodyLength])).toEqual([[5 * MiB, 5 * MiB]]);
    expect(stub.names()).not.toContain("CreateMultipartUploadCommand");
  });
});

describe("the Store's multipart API with a stubbed client (exact requests and failures)", () => {
  const api = (overrides: Record<string, StubHandler> = {}) => {
    let completed = false;
    return storeWith(
      multipartHandlers({
        ListPartsCommand: (input) =>
          input.PartNumberMarker === undefined
            ? { Parts: [{ PartNumber: 2, ETag: '"e2"', Size: 3 }], IsTruncated: true, NextPartNumberMarker: "2" }
            : { Parts: [{ PartNumber: 1, ETag: '"e1"', Size: 5 }], IsTruncated: false },
        CompleteMultipartUploadCommand: () => {
          completed = true;
          return { ETag: '"done"' };
        },
        HeadObjectCommand: (input) => {
          if (!completed || input.Key !== "p/up/file.bin") throw serviceError("NotFound", 404);
          return { ContentLength: 8, ContentType: "application/octet-stream", LastModified: new Date(), Metadata: { k: "v" } };
        },
        ...overrides,
      }),
      { prefix: "p" },
    );
  };

  it("S3-080 upload ids carry the path; listParts pages through every part; complete sends the sorted list with If-None-Match", async () => {
    const { stub, store } = api();
    const upload = await store.startMultipartUpload("up/file.bin", { metadata: { k: "v" } });
    expect(upload.uploadId.endsWith(".u-1")).toBe(true);
    expect(stub.calls.find((c) => c.command === "CreateMultipartUploadCommand")?.input).toMatchObject({ Bucket: "bkt", Key: "p/up/file.bin", Metadata: { k: "v" } });
    expect(await upload.uploadPart(1, "hello")).toEqual({ partNumber: 1, size: 5, etag: '"e1"' });
    expect(await upload.listParts()).toEqual([{ partNumber: 1, size: 5, etag: '"e1"' }, { partNumber: 2, size: 3, etag: '"e2"' }]);
    const result = await upload.complete();
    expect(result).toMatchObject({ path: "up/file.bin", size: 8, metadata: { k: "v" } });
    const complete = stub.calls.find((c) => c.command === "CompleteMultipartUploadCommand");
    expect(complete?.input).toMatchObject({ Key: "p/up/file.bin", UploadId: "u-1", IfNoneMatch: "*", MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"e1"' }, { PartNumber: 2, ETag: '"e2"' }] } });
  });

  it("S3-080 InvalidPart at completion is INVALID_ARGUMENT naming the path; the upload stays usable", async () => {
    const { store } = api({ CompleteMultipartUploadCommand: () => {
      throw serviceError("InvalidPart", 400);
    } });
    const upload = await store.startMultipartUpload("up/file.bin");
    await expectCode(upload.complete([{ partNumber: 1, etag: '"stale"' }]), "INVALID_ARGUMENT", "up/file.bin");
    await upload.abort();
  });

  it("S3-080 NoSuchUpload is NOT_FOUND naming the path; abort sends AbortMultipartUpload for the key", async () => {
    const { stub, store } = api({ UploadPartCommand: () => {
      throw serviceError("NoSuchUpload", 404);
    } });
    const upload = await store.startMultipartUpload("up/file.bin");
    await expectCode(upload.uploadPart(1, "x"), "NOT_FOUND", "up/file.bin");
    await upload.abort();
    expect(stub.calls.find((c) => c.command === "AbortMultipartUploadCommand")?.input).toMatchObject({ Key: "p/up/file.bin", UploadId: "u-1" });
  });

  it("S3-080 listMultipartUploads pages through the uploads below the prefix and reports backend paths and start times", async () => {
    const started = new Date("2026-01-02T03:04:05Z");
    const { stub, store } = api({
      ListMultipartUploadsCommand: (input) =>
        input.KeyMarker === undefined
          ? { Uploads: [{ Key: "p/a.bin", UploadId: "u-a", Initiated: started }, { Key: "p/bad//key", UploadId: "u-x", Initiated: started }], IsTruncated: true, NextKeyMarker: "p/a.bin", NextUploadIdMarker: "u-a" }
          : { Uploads: [{ Key: "p/b/c.bin", UploadId: "u-b", Initiated: started }], IsTruncated: false },
    });
    const uploads = await store.listMultipartUploads();
    expect(uploads.map((u) => [u.path, u.uploadId.split(".")[1], u.startedAt.getTime()])).toEqual([
      ["a.bin", "u-a", started.getTime()],
      ["b/c.bin", "u-b", started.getTime()],
    ]);
    expect(stub.calls.filter((c) => c.command === "ListMultipartUploadsCommand").map((c) => c.input.Prefix)).toEqual(["p/", "p/"]);
  });
});

describe("server-side copies over 5 GiB with a stubbed client (no test server holds such objects)", () => {
  it("S3-070 a copy of a 6 GiB object is a multipart UploadPartCopy in contiguous 512 MiB ranges, completed in order", async () => {
    const size = 6 * 1024 * MiB;
    const stub = stubClient(
      multipartHandlers({
        HeadObjectCommand: (input) => {
          if (input.Key !== "big.bin") throw serviceError("NotFound", 404);
          return { ContentLength: size, ContentType: "video/mp4", LastModified: new Date(), Metadata: { k: "v" } };
        },
        UploadPartCopyCommand: (input) => ({ CopyPartResult: { ETag: `"c${String(input.PartNumber)}"` } }),
      }),
    );
    const store = new Store({ backend: new S3Backend({ bucket: "bkt", client: stub.client }) });
    await store.copy("big.bin", "copy.bin");
    const ranges = stub.calls.filter((c) => c.command === "UploadPartCopyCommand").map((c) => c.input.CopySourceRange as string);
    expect(ranges).toHaveLength(12);
    let next = 0;
    for (const range of ranges.sort((a, b) => Number(/=(\d+)/.exec(a)?.[1]) - Number(/=(\d+)/.exec(b)?.[1]))) {
      const [, start, end] = /bytes=(\d+)-(\d+)/.exec(range) ?? [];
      expect(Number(start)).toBe(next);
      next = Number(end) + 1;
    }
    expect(next).toBe(size);
    expect(stub.calls.find((c) => c.command === "CreateMultipartUploadCommand")?.input).toMatchObject({ Key: "copy.bin", ContentType: "video/mp4", Metadata: { k: "v" } });
    expect(stub.names()).not.toContain("CopyObjectCommand");
  });
});
