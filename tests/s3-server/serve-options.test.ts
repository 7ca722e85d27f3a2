import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import * as entry from "../../src/s3-server/index.js";
import { serveS3 } from "../../src/s3-server/index.js";
import { afterContinue, clientFor, CREDENTIALS, rawRequest, RequestLog, signHeaders } from "./support/harness.js";

const ROOT = new URL("../../", import.meta.url);

/** Every module a source file reaches through relative imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: URL): void => {
    if (seen.has(file.pathname)) return;
    seen.add(file.pathname);
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) visit(new URL((spec as string).replace(/\.js$/, ".ts"), file));
  };
  visit(new URL(start, ROOT));
  return seen;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("serveS3: entry, options, lifecycle", () => {
  it("S3S-001 the entry exports serveS3 only (types aside), is built and exported as remote-store/s3-server, and no core entry reaches it", () => {
    expect(Object.keys(entry)).toEqual(["serveS3"]);
    expect(readFileSync(new URL("src/s3-server/index.ts", ROOT), "utf8")).not.toContain("export *");
    const pkg = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as { exports: Record<string, unknown> };
    expect(JSON.stringify(pkg.exports["./s3-server"])).toContain('"default":"./dist/s3-server.js"');
    expect(readFileSync(new URL("tsup.config.ts", ROOT), "utf8")).toContain('"s3-server": "src/s3-server/index.ts"');
    for (const core of ["src/index.ts", "src/index.node.ts"]) {
      expect([core, [...reachable(core)].filter((path) => path.includes("/s3-server/"))]).toEqual([core, []]);
    }
  });

  it("S3S-002 bad options are TypeError/RangeError naming the option, before anything is bound; secrets are never echoed", async () => {
    const port = await freePort();
    const cases: [Record<string, unknown>, ErrorConstructor, string][] = [
      [{ port: 70000 }, RangeError, "port"],
      [{ port: "80" }, TypeError, "port"],
      [{ host: "" }, TypeError, "host"],
      [{ region: 5 }, TypeError, "region"],
      [{ minPartSize: -1 }, RangeError, "minPartSize"],
      [{ anonymous: "yes" }, TypeError, "anonymous"],
      [{ cors: "https://x" }, TypeError, "cors"],
      [{ clock: new Date() }, TypeError, "clock"],
      [{ onRequest: 1 }, TypeError, "onRequest"],
      [{ backend: {} }, TypeError, "backend"],
      [{ buckets: { a: "store" } }, TypeError, "buckets.a"],
      [{ registry: {} }, TypeError, "registry"],
      [{ backend: new MemoryBackend(), buckets: {} }, TypeError, "backend"],
      [{ credentials: [] }, TypeError, "credentials"],
      [{ credentials: { accessKeyId: "AK" } }, TypeError, "credentials.secretAccessKey"],
      [{ credentials: [CREDENTIALS, { ...CREDENTIALS }] }, TypeError, "credentials[1].accessKeyId"],
      [{ credentials: { accessKeyId: "", secretAccessKey: "TOP-SECRET" } }, TypeError, "credentials.accessKeyId"],
    ];
    for (const [options, kind, name] of cases) {
      const error = await serveS3({ port, ...options }).then(() => undefined, (e: unknown) => e);
      expect([name, error instanceof kind]).toEqual([name, true]);
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain("TOP-SECRET");
    }
    await expect(serveS3("options" as never)).rejects.toThrow(TypeError);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(port, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it("S3S-003 endpoint, port and region; random credentials when none are given; inspection shows no secret; store over the tree", async () => {
    await using server = await serveS3();
    expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
    expect([server.region, server.host]).toEqual(["us-east-1", "127.0.0.1"]);
    const [pair] = server.credentials;
    expect(server.credentials).toHaveLength(1);
    expect(pair?.accessKeyId).toMatch(/^RS[0-9A-F]{18}$/);
    expect(pair?.secretAccessKey.length).toBeGreaterThanOrEqual(40);
    expect(server.credentials).not.toBe(server.credentials);
    expect(String(server)).toBe(`S3Server(${server.endpoint})`);
    expect(inspect(server)).not.toContain(pair?.secretAccessKey as string);
    const unsigned = await rawRequest(server, { method: "GET", target: "/", sign: false });
    expect([unsigned.status, unsigned.code]).toEqual([403, "AccessDenied"]);
    const client = clientFor(server, { credentials: pair as { accessKeyId: string; secretAccessKey: string } });
    await client.send(new CreateBucketCommand({ Bucket: "via-generated" }));
    expect(await server.store?.isFolder("via-generated")).toBe(true);
    await server.store?.close();
    await client.send(new CreateBucketCommand({ Bucket: "after-closing-the-view" }));
    expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["after-closing-the-view", "via-generated"]);
    client.destroy();
    await using other = await serveS3({ region: "eu-central-1", credentials: [CREDENTIALS, { accessKeyId: "SECOND", secretAccessKey: "s" }] });
    expect([other.region, other.credentials.map((c) => c.accessKeyId)]).toEqual(["eu-central-1", [CREDENTIALS.accessKeyId, "SECOND"]]);
  });

  it("S3S-003 the README example: a memory tree, served, written through the SDK, read through the Store", async () => {
    const backend = new MemoryBackend();
    const tree = new Store({ backend });
    await tree.createFolder("bkt");
    await using server = await serveS3({ backend, credentials: { accessKeyId: "AK", secretAccessKey: "SK" } });
    const s3 = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: { accessKeyId: "AK", secretAccessKey: "SK" } });
    await s3.send(new PutObjectCommand({ Bucket: "bkt", Key: "docs/a.txt", Body: "hello" }));
    expect(await tree.readText("bkt/docs/a.txt")).toBe("hello");
    s3.destroy();
  });

  it("S3S-004 close lets a request in progress finish, refuses new connections, aborts open uploads, and closes only what the server created", async () => {
    const backend = new MemoryBackend();
    const server = await serveS3({ backend, credentials: CREDENTIALS, minPartSize: 0 });
    const client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: "bkt" }));
    const upload = await client.send(new CreateMultipartUploadCommand({ Bucket: "bkt", Key: "open" }));
    await client.send(new UploadPartCommand({ Bucket: "bkt", Key: "open", UploadId: upload.UploadId, PartNumber: 1, Body: "p" }));
    expect(await backend.listMultipartUploads()).toHaveLength(1);
    client.destroy();
    const headers = await signHeaders(server, "PUT", "/bkt/late.txt", { "content-length": "10", "x-amz-content-sha256": "UNSIGNED-PAYLOAD", expect: "100-continue" });
    const socket = await afterContinue(server, `PUT /bkt/late.txt HTTP/1.1\r\n${Object.entries(headers).map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\n`);
    const answer = new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
      socket.on("close", () => resolve(text));
    });
    const closing = server.close();
    expect(server.close()).toBe(closing);
    socket.write("0123456789");
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    await closing;
    const store = new Store({ backend });
    expect(await store.readText("bkt/late.txt")).toBe("0123456789");
    expect(await backend.listMultipartUploads()).toEqual([]);
    await expect(rawRequest(server, { method: "GET", target: "/" })).rejects.toThrow(/ECONNREFUSED/);
    await store.close();
  });

  it("S3S-004 the default MemoryBackend is closed with the server; Symbol.asyncDispose closes it", async () => {
    let tree: Store | undefined;
    {
      await using server = await serveS3({ credentials: CREDENTIALS });
      tree = server.store;
      await tree?.createFolder("x");
    }
    await expect(tree?.isFolder("x")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("S3S-005 onRequest gets one entry per request after it ended: method, url, operation, status, error code, request id", async () => {
    const log = new RequestLog();
    await using server = await serveS3({ credentials: CREDENTIALS, onRequest: log.record });
    const client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: "logged" }));
    await client.send(new GetObjectCommand({ Bucket: "logged", Key: "none" })).catch(() => undefined);
    client.destroy();
    await rawRequest(server, { method: "OPTIONS", target: "/logged/k", sign: false, headers: { origin: "https://x", "access-control-request-method": "GET" } });
    const entries = await Promise.all([log.waitFor((e) => e.operation === "CreateBucket"), log.waitFor((e) => e.operation === "GetObject"), log.waitFor((e) => e.operation === "CorsPreflight")]);
    expect(entries.map((e) => [e.method, e.url.split("?")[0], e.status, e.errorCode, e.clientGone])).toEqual([
      ["PUT", "/logged/", 200, undefined, false],
      ["GET", "/logged/none", 404, "NoSuchKey", false],
      ["OPTIONS", "/logged/k", 200, undefined, false],
    ]);
    expect(entries[1]?.requestId).toMatch(/^[0-9A-F]{16}$/);
  });
});
