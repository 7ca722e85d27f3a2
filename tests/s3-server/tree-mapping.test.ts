import { CompleteMultipartUploadCommand, CopyObjectCommand, CreateMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Backend } from "../../src/backends/s3/index.js";
import { Store } from "../../src/index.js";
import { CREDENTIALS, expectS3Error, rawRequest, startHarness, type Harness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ minPartSize: 0 });
});
afterAll(() => h.close());

async function keys(prefix: string): Promise<string[]> {
  const listed = await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key as string);
}

describe("a tree under a flat key space", () => {
  it("S3S-090 keys the Store's path rules refuse are InvalidArgument and change nothing", async () => {
    for (const raw of ["a//b", "./x", "a/./b", "a/../b", "a%5Cb", "%2Flead", "nul%00byte", "..", "."]) {
      const put = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/${raw}`, body: "x" });
      expect([raw, put.status, put.code]).toEqual([raw, 400, "InvalidArgument"]);
      const get = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/${raw}` });
      expect([raw, get.status, get.code]).toEqual([raw, 400, "InvalidArgument"]);
    }
    expect(await h.bucketStore.listFiles("", { recursive: true }).toArray()).toEqual([]);
  });

  it("S3S-091 PUT p/ with an empty body creates and marks the folder; a body is InvalidArgument; GET/HEAD answer a zero-byte object", async () => {
    const put = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "marked/deep/", Body: new Uint8Array(0), ContentType: "application/x-directory" }));
    expect(put.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
    expect(await h.bucketStore.isFolder("marked/deep")).toBe(true);
    await expectS3Error(h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "marked/full/", Body: "content" })), "InvalidArgument", 400);
    expect(await h.bucketStore.exists("marked/full")).toBe(false);
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "marked/deep/" }));
    expect([head.ContentLength, head.ContentType, head.ETag]).toEqual([0, "application/x-directory", '"d41d8cd98f00b204e9800998ecf8427e"']);
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "marked/deep/" }));
    expect((await got.Body?.transformToByteArray())?.length).toBe(0);
    await expectS3Error(h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: "marked/" })), "NotFound", 404);
    await expectS3Error(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: "nowhere/" })), "NoSuchKey", 404);
  });

  it("S3S-091 DELETE p/ removes an empty folder, and only unmarks one that holds files", async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "d1/", Body: new Uint8Array(0) }));
    await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "d1/" }));
    expect(await h.bucketStore.exists("d1")).toBe(false);
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "d2/", Body: new Uint8Array(0) }));
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "d2/f", Body: "f" }));
    expect(await keys("d2")).toEqual(["d2/", "d2/f"]);
    await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "d2/" }));
    expect(await keys("d2")).toEqual(["d2/f"]);
    expect(await h.bucketStore.readText("d2/f")).toBe("f");
  });

  it("S3S-091 copies and multipart uploads to a folder key are InvalidArgument", async () => {
    await h.bucketStore.write("src.txt", "s", { overwrite: true });
    await expectS3Error(h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "to-folder/", CopySource: `${h.bucket}/src.txt` })), "InvalidArgument", 400);
    await expectS3Error(h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "x.txt", CopySource: `${h.bucket}/marked/deep/` })), "InvalidArgument", 400);
    await expectS3Error(h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "to-folder/" })), "InvalidArgument", 400);
    expect(await h.bucketStore.exists("to-folder")).toBe(false);
  });

  it("S3S-092 listings show empty and marked folders as p/; implicit folders vanish with their last key, marked ones stay", async () => {
    await h.bucketStore.createFolder("list/empty-by-store");
    await h.bucketStore.write("list/implicit/a.txt", "a");
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "list/kept/", Body: new Uint8Array(0) }));
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "list/kept/b.txt", Body: "b" }));
    expect(await keys("list/")).toEqual(["list/empty-by-store/", "list/implicit/a.txt", "list/kept/", "list/kept/b.txt"]);
    await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "list/implicit/a.txt" }));
    await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "list/kept/b.txt" }));
    expect(await keys("list/")).toEqual(["list/empty-by-store/", "list/kept/"]);
    expect(await h.bucketStore.exists("list/implicit")).toBe(false);
    expect(await h.bucketStore.isFolder("list/kept")).toBe(true);
  });

  it("S3S-092 S3Backend over this server keeps empty folders as memory does", async () => {
    const store = new Store({ backend: new S3Backend({ bucket: h.bucket, prefix: "via-s3", endpoint: h.server.endpoint, forcePathStyle: true, region: "us-east-1", credentials: { ...CREDENTIALS } }) });
    await store.write("dir/sub/file.txt", "x");
    await store.createFolder("empty");
    await store.delete("dir/sub/file.txt");
    expect((await store.listFolders("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["dir", "dir/sub", "empty"]);
    expect((await h.bucketStore.listFolders("via-s3", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["via-s3/dir", "via-s3/dir/sub", "via-s3/empty"]);
    await store.close();
  });

  it("S3S-093 a key that needs a file and a folder at one path is 409 KeyConflict naming both keys, and changes nothing", async () => {
    await h.bucketStore.write("conflict/a", "file a");
    await h.bucketStore.write("conflict/dir/x", "x");
    await h.bucketStore.createFolder("conflict/empty");
    const cases: [string, string][] = [["conflict/a/b", "conflict/a"], ["conflict/a/b/c", "conflict/a"], ["conflict/dir", "conflict/dir/x"], ["conflict/empty", "conflict/empty/"]];
    for (const [key, conflicting] of cases) {
      const answer = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/${key}`, body: "new" });
      expect([key, answer.status, answer.code]).toEqual([key, 409, "KeyConflict"]);
      expect(answer.body).toContain(`<Key>${key}</Key>`);
      expect(answer.body).toContain(`<ConflictingKey>${conflicting}</ConflictingKey>`);
      expect(answer.body).toContain(`&quot;${conflicting}&quot;`);
    }
    const folderOverFile = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/conflict/a/`, body: "" });
    expect([folderOverFile.status, folderOverFile.code]).toEqual([409, "KeyConflict"]);
    expect(folderOverFile.body).toContain("<ConflictingKey>conflict/a</ConflictingKey>");
    await expectS3Error(h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "conflict/dir", CopySource: `${h.bucket}/conflict/a` })), "KeyConflict", 409);
    const upload = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: "conflict/late" }));
    const part = await h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: "conflict/late", UploadId: upload.UploadId, PartNumber: 1, Body: "late" }));
    await h.bucketStore.write("conflict/late/inner", "i");
    const complete = h.client.send(new CompleteMultipartUploadCommand({ Bucket: h.bucket, Key: "conflict/late", UploadId: upload.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    await expectS3Error(complete, "KeyConflict", 409);
    expect(await h.bucketStore.readText("conflict/a")).toBe("file a");
    expect(await h.bucketStore.isFolder("conflict/dir")).toBe(true);
    expect(await h.bucketStore.isFolder("conflict/empty")).toBe(true);
    expect(await h.bucketStore.isFolder("conflict/late")).toBe(true);
  });
});
