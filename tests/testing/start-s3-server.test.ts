import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isRemoteStoreError, MemoryBackend, Store } from "../../src/index.js";
import { dumpStore } from "../../src/testing/index.js";
import { startS3Server } from "../../src/testing/s3/index.js";

const text = async (output: { Body?: { transformToString(): Promise<string> } }): Promise<string> => (await output.Body?.transformToString()) ?? "";

describe("startS3Server (remote-store/testing/s3)", () => {
  it("FIX-040 FIX-041 FIX-042 two lines give an SDK client on a seeded memory tree; put, get, list, then dumpStore", async () => {
    await using s3 = await startS3Server({ seed: { bucket: { "a.txt": "hi", "docs/readme.md": "# r", "empty/": null }, other: {} } });
    const client = new S3Client(s3.clientOptions);
    try {
      expect(await text(await client.send(new GetObjectCommand({ Bucket: "bucket", Key: "a.txt" })))).toBe("hi");
      await client.send(new PutObjectCommand({ Bucket: "bucket", Key: "docs/new.txt", Body: "written by the SDK" }));
      await client.send(new PutObjectCommand({ Bucket: "other", Key: "x.bin", Body: new Uint8Array([0xff, 0x00]) }));
      const listed = await client.send(new ListObjectsV2Command({ Bucket: "bucket", Prefix: "docs/" }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(["docs/new.txt", "docs/readme.md"]);
    } finally {
      client.destroy();
    }
    expect(await dumpStore(s3.store, "bucket")).toEqual({ "a.txt": "hi", "docs/new.txt": "written by the SDK", "docs/readme.md": "# r", "empty/": null });
    expect(await dumpStore(s3.store)).toMatchObject({ "other/x.bin": new Uint8Array([0xff, 0x00]) });
  });

  it("FIX-040 FIX-042 the README example: seed, run SDK code, dump the bucket", async () => {
    const codeUnderTest = async (client: S3Client): Promise<void> => {
      await client.send(new PutObjectCommand({ Bucket: "bucket", Key: "docs/report.csv", Body: "a,b\n" }));
    };
    await using s3 = await startS3Server({ seed: { bucket: { "a.txt": "hi", "docs/": null } } });
    const client = new S3Client(s3.clientOptions);
    await codeUnderTest(client);
    client.destroy();
    expect(await dumpStore(s3.store, "bucket")).toEqual({ "a.txt": "hi", "docs/report.csv": "a,b\n" });
  });

  it("FIX-041 FIX-044 clientOptions are fresh plain objects for 127.0.0.1 with path-style addressing; endpoint, region and credentials match the server", async () => {
    const s3 = await startS3Server({ credentials: { accessKeyId: "TESTKEY", secretAccessKey: "testsecret" }, region: "eu-west-1" });
    try {
      const options = s3.clientOptions;
      expect(options).toEqual({ endpoint: s3.endpoint, region: "eu-west-1", credentials: { accessKeyId: "TESTKEY", secretAccessKey: "testsecret" }, forcePathStyle: true });
      expect(s3.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s3.clientOptions).not.toBe(options);
      expect(s3.clientOptions.credentials).not.toBe(options.credentials);
      expect(s3.server.port).toBeGreaterThan(0);
      const client = new S3Client(options);
      await client.send(new CreateBucketCommand({ Bucket: "made" }));
      client.destroy();
      expect(await s3.store.isFolder("made")).toBe(true);
    } finally {
      await s3.close();
      await s3.close();
    }
    await expect(fetch(`${s3.endpoint}/made`)).rejects.toThrow();
  });

  it("FIX-041 with anonymous and no credentials the placeholder pair signs requests the server accepts", async () => {
    await using s3 = await startS3Server({ anonymous: true, onWarning: () => undefined, seed: { pub: { "p.txt": "public" } } });
    expect(s3.clientOptions.credentials).toEqual({ accessKeyId: "anonymous", secretAccessKey: "anonymous" });
    const client = new S3Client(s3.clientOptions);
    expect(await text(await client.send(new GetObjectCommand({ Bucket: "pub", Key: "p.txt" })))).toBe("public");
    client.destroy();
    expect(await (await fetch(`${s3.endpoint}/pub/p.txt`)).text()).toBe("public");
  });

  it("FIX-040 a given backend is served and seeded, and the helper does not close it", async () => {
    const backend = new MemoryBackend();
    const s3 = await startS3Server({ backend, seed: { kept: { "k.txt": "k" } } });
    await s3.close();
    await using after = new Store({ backend });
    expect(await after.readText("kept/k.txt")).toBe("k");
  });

  it("FIX-042 a malformed seed is a TypeError naming the bucket or key, and nothing starts", async () => {
    let requests = 0;
    const onRequest = (): void => void requests++;
    await expect(startS3Server({ seed: [] as never, onRequest })).rejects.toThrow(/seed must be a plain object/);
    await expect(startS3Server({ seed: { Bad_Name: {} }, onRequest })).rejects.toThrow(/seed\["Bad_Name"\] is not a valid S3 bucket name/);
    await expect(startS3Server({ seed: { bkt: { "a.txt": 1 as never } } })).rejects.toThrow(/seed\["bkt"\]: tree\["a.txt"\]/);
    await expect(startS3Server({ seed: { bkt: "x" as never } })).rejects.toThrow(TypeError);
    await expect(startS3Server({ credentials: [{ accessKeyId: "a", secretAccessKey: "b" }] as never })).rejects.toThrow(/one \{ accessKeyId, secretAccessKey \} pair/);
    await expect(startS3Server({ port: 70_000 })).rejects.toThrow(RangeError);
    expect(requests).toBe(0);
  });

  it("FIX-043 a seed the store refuses rejects with the Store's error after closing the server", async () => {
    const port = await listenOnce(0);
    const error = await startS3Server({ port, seed: { bkt: { "a.txt": "file", "a.txt/b.txt": "below a file" } } }).catch((e: unknown) => e);
    expect(isRemoteStoreError(error) && ["INVALID_PATH", "ALREADY_EXISTS"].includes(error.code)).toBe(true);
    expect(await listenOnce(port)).toBe(port);
  });

  it("FIX-040 PKG-001 remote-store/testing does not import the S3 helper or the server", () => {
    const index = readFileSync(new URL("../../src/testing/index.ts", import.meta.url), "utf8");
    const portable = readFileSync(new URL("../../src/testing/portable.ts", import.meta.url), "utf8");
    for (const text of [index, portable]) expect(text).not.toMatch(/s3-server|\/s3\/|start-s3-server/);
  });
});

/** Listens on 127.0.0.1:`port` (0: a free one), closes again, and resolves to the port: it was free. */
async function listenOnce(port: number): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return bound;
}
