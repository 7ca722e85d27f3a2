import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, CreateMultipartUploadCommand, DeleteBucketCommand, GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { MemoryBackend, Registry, Store } from "../../src/index.js";
import { serveS3 } from "../../src/s3-server/index.js";
import { clientFor, CREDENTIALS, expectS3Error, rawRequest } from "./support/harness.js";

describe("buckets as top-level folders", () => {
  it("S3S-010 ListBuckets lists the top-level folders (not files); CreateBucket makes one; HeadBucket and GetBucketLocation answer", async () => {
    const backend = new MemoryBackend();
    const tree = new Store({ backend });
    await tree.write("loose-file.txt", "not a bucket");
    await tree.createFolder("existing");
    await using server = await serveS3({ backend, credentials: CREDENTIALS });
    const client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: "made.by-s3" }));
    expect(await tree.isFolder("made.by-s3")).toBe(true);
    expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["existing", "made.by-s3"]);
    expect((await client.send(new HeadBucketCommand({ Bucket: "existing" }))).$metadata.httpStatusCode).toBe(200);
    expect((await client.send(new GetBucketLocationCommand({ Bucket: "existing" }))).LocationConstraint).toBeUndefined();
    expect((await client.send(new CreateBucketCommand({ Bucket: "existing" }))).$metadata.httpStatusCode).toBe(200);
    client.destroy();
  });

  it("S3S-010 names that break S3's rules are InvalidBucketName; outside us-east-1 an existing bucket is BucketAlreadyOwnedByYou", async () => {
    await using server = await serveS3({ credentials: CREDENTIALS, region: "eu-west-1" });
    const client = clientFor(server);
    for (const name of ["ab", "Upper", "-start", "end-", "a..b", "192.168.1.1", "under_score", "x".repeat(64)]) {
      const answer = await rawRequest(server, { method: "PUT", target: `/${name}` });
      expect([name, answer.status, answer.code]).toEqual([name, 400, "InvalidBucketName"]);
    }
    expect(await server.store?.listFolders("").toArray()).toEqual([]);
    await client.send(new CreateBucketCommand({ Bucket: "mine", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await expectS3Error(client.send(new CreateBucketCommand({ Bucket: "mine" })), "BucketAlreadyOwnedByYou", 409);
    expect((await client.send(new GetBucketLocationCommand({ Bucket: "mine" }))).LocationConstraint).toBe("eu-west-1");
    client.destroy();
  });

  it("S3S-011 DeleteBucket refuses a bucket with a file, an empty folder or an open upload (BucketNotEmpty) and deletes an empty one", async () => {
    await using server = await serveS3({ credentials: CREDENTIALS });
    const client = clientFor(server);
    const tree = server.store as Store;
    for (const name of ["with-file", "with-folder", "with-upload", "empty"]) await client.send(new CreateBucketCommand({ Bucket: name }));
    await client.send(new PutObjectCommand({ Bucket: "with-file", Key: "f", Body: "f" }));
    await tree.createFolder("with-folder/sub");
    await client.send(new CreateMultipartUploadCommand({ Bucket: "with-upload", Key: "pending" }));
    for (const name of ["with-file", "with-folder", "with-upload"]) {
      await expectS3Error(client.send(new DeleteBucketCommand({ Bucket: name })), "BucketNotEmpty", 409);
      expect(await tree.isFolder(name)).toBe(true);
    }
    expect((await client.send(new DeleteBucketCommand({ Bucket: "empty" }))).$metadata.httpStatusCode).toBe(204);
    expect(await tree.exists("empty")).toBe(false);
    client.destroy();
  });

  it("S3S-013 a missing bucket is NoSuchBucket (HEAD: 404 without body); creation dates are the server's creation time, else its start", async () => {
    let now = Date.now();
    const backend = new MemoryBackend();
    await new Store({ backend }).createFolder("old");
    await using server = await serveS3({ backend, credentials: CREDENTIALS, clock: () => new Date(now) });
    const started = now;
    now += 5000;
    const client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: "new-one" }));
    const buckets = await client.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => [b.Name, b.CreationDate?.getTime()])).toEqual([["new-one", started + 5000], ["old", started]]);
    await expectS3Error(client.send(new GetObjectCommand({ Bucket: "missing", Key: "k" })), "NoSuchBucket", 404);
    await expectS3Error(client.send(new ListObjectsV2Command({ Bucket: "missing" })), "NoSuchBucket", 404);
    await expectS3Error(client.send(new HeadBucketCommand({ Bucket: "missing" })), "NotFound", 404);
    await expectS3Error(client.send(new DeleteBucketCommand({ Bucket: "missing" })), "NoSuchBucket", 404);
    client.destroy();
  });
});

describe("a fixed set of buckets", () => {
  it("S3S-012 buckets: stores of any backend under fixed names; CreateBucket of another name and DeleteBucket are NotImplemented", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rs-s3s-buckets-"));
    const memory = new Store({ backend: new MemoryBackend() });
    const disk = new Store({ backend: new LocalBackend({ root: dir }) });
    try {
      await using server = await serveS3({ credentials: CREDENTIALS, buckets: { mem: memory, disk } });
      expect(server.store).toBeUndefined();
      const client = clientFor(server);
      expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["disk", "mem"]);
      await client.send(new PutObjectCommand({ Bucket: "disk", Key: "on/disk.txt", Body: "disk" }));
      await client.send(new PutObjectCommand({ Bucket: "mem", Key: "in/memory.txt", Body: "memory" }));
      expect([await disk.readText("on/disk.txt"), await memory.readText("in/memory.txt")]).toEqual(["disk", "memory"]);
      expect((await client.send(new CreateBucketCommand({ Bucket: "mem" }))).$metadata.httpStatusCode).toBe(200);
      await expectS3Error(client.send(new CreateBucketCommand({ Bucket: "another" })), "NotImplemented", 501);
      await expectS3Error(client.send(new DeleteBucketCommand({ Bucket: "mem" })), "NotImplemented", 501);
      await expectS3Error(client.send(new GetObjectCommand({ Bucket: "another", Key: "k" })), "NoSuchBucket", 404);
      client.destroy();
    } finally {
      await disk.close();
      await rm(dir, { recursive: true, force: true });
    }
    await expect(serveS3({ buckets: { "a/b": memory } })).rejects.toThrow(TypeError);
  });

  it("S3S-012 registry: every store of a Registry under its name", async () => {
    await using registry = new Registry({ backends: { m: { type: "memory" } }, stores: { docs: { backend: "m", rootPath: "docs" }, media: { backend: "m", rootPath: "media" } } });
    await using server = await serveS3({ credentials: CREDENTIALS, registry });
    const client = clientFor(server);
    expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["docs", "media"]);
    await client.send(new PutObjectCommand({ Bucket: "docs", Key: "a.txt", Body: "in docs" }));
    expect(await registry.getStore("docs").readText("a.txt")).toBe("in docs");
    expect(await registry.getStore("media").exists("a.txt")).toBe(false);
    client.destroy();
  });
});
