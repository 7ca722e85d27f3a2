import { CreateBucketCommand, DeleteBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { BackendUnavailable, CapabilityNotSupported, ConfigError, DirectoryNotEmpty, InvalidArgument, InvalidPath, MemoryBackend, NotFound, PermissionDenied, QuotaExceeded, AlreadyExists } from "../../src/index.js";
import { S3Error, toS3Error } from "../../src/s3-server/errors.js";
import { serveS3 } from "../../src/s3-server/index.js";
import { restrictBackend } from "../../src/testing/conformance/support/gated-backend.js";
import { clientFor, CREDENTIALS, expectS3Error, rawRequest, startHarness } from "./support/harness.js";
import { faultyBackend } from "./support/faulty-backend.js";

describe("errors and responses", () => {
  it("S3S-150 errors are S3 XML documents with S3 statuses; HEAD errors have no body; every answer has request ids and a Date", async () => {
    await using h = asDisposable(await startHarness());
    const missing = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/nothing` });
    expect([missing.status, missing.headers["content-type"], missing.code]).toEqual([404, "application/xml", "NoSuchKey"]);
    expect(missing.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>[^<]+<\/Message><Key>nothing<\/Key><Resource>\/bkt\/nothing<\/Resource><RequestId>[0-9A-F]{16}<\/RequestId><\/Error>$/);
    expect(missing.body).toContain(`<RequestId>${String(missing.headers["x-amz-request-id"])}</RequestId>`);
    const head = await rawRequest(h.server, { method: "HEAD", target: `/${h.bucket}/nothing` });
    expect([head.status, head.body]).toEqual([404, ""]);
    const ok = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2` });
    expect(ok.body).toContain('<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">');
    for (const answer of [missing, head, ok]) {
      expect(typeof answer.headers["x-amz-request-id"]).toBe("string");
      expect(typeof answer.headers["x-amz-id-2"]).toBe("string");
      expect(Number.isNaN(Date.parse(String(answer.headers.date)))).toBe(false);
    }
    for (const body of ["<Delete><Object><Key>a</Key></Object>", "<!DOCTYPE x [<!ENTITY e 'e'>]><Delete><Object><Key>&e;</Key></Object></Delete>", "<Delete/>", "plain text", "<Delete><Object/></Delete>"]) {
      const answer = await rawRequest(h.server, { method: "POST", target: `/${h.bucket}?delete`, body });
      expect([body, answer.status, answer.code]).toEqual([body, 400, "MalformedXML"]);
    }
  });

  it("S3S-151 library errors map to S3 codes, naming the library code and the key; anything else is InternalError", () => {
    const cases: [Error, string, number][] = [
      [new NotFound("gone", { path: "k" }), "NoSuchKey", 404],
      [new AlreadyExists("there", { path: "k" }), "PreconditionFailed", 412],
      [new InvalidArgument("bad", { path: "k" }), "InvalidArgument", 400],
      [new QuotaExceeded("full", { path: "k" }), "EntityTooLarge", 400],
      [new PermissionDenied("no", { path: "k" }), "AccessDenied", 403],
      [new CapabilityNotSupported("cannot", { capability: "copy" }), "NotImplemented", 501],
      [new BackendUnavailable("down", { path: "k" }), "ServiceUnavailable", 503],
      [new DirectoryNotEmpty("full", { path: "k" }), "InternalError", 500],
      [new ConfigError("config"), "InternalError", 500],
      [new Error("boom"), "InternalError", 500],
    ];
    for (const [error, code, status] of cases) {
      const mapped = toS3Error(error, { key: "dir/k" });
      expect([error.message, mapped.code, mapped.status, mapped.cause]).toEqual([error.message, code, status, error]);
      if (code !== "InternalError") expect(mapped.message).toContain(`(key "dir/k")`);
    }
    expect(toS3Error(new InvalidPath("p", { path: "k" }), { writing: true }).code).toBe("KeyConflict");
    expect(toS3Error(new InvalidPath("p", { path: "k" })).code).toBe("NoSuchKey");
    const same = new S3Error("BadDigest");
    expect(toS3Error(same)).toBe(same);
  });

  it("S3S-151 through a real server: an unavailable backend is 503, a denied one 403, a full one 400, an unexpected failure 500 and a warning", async () => {
    const warnings: string[] = [];
    const faulty = faultyBackend(new MemoryBackend({ maxSize: 10 }));
    await using server = await serveS3({ backend: faulty.backend, credentials: CREDENTIALS, onWarning: (m) => warnings.push(m) });
    const client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: "bkt" }));
    await client.send(new PutObjectCommand({ Bucket: "bkt", Key: "k", Body: "12345" }));
    await expectS3Error(client.send(new PutObjectCommand({ Bucket: "bkt", Key: "big", Body: "1234567890" })), "EntityTooLarge", 400);
    const table: [Error, string, number][] = [
      [new BackendUnavailable("down", { path: "bkt/k", backend: "memory" }), "ServiceUnavailable", 503],
      [new PermissionDenied("denied", { path: "bkt/k", backend: "memory" }), "AccessDenied", 403],
      [new TypeError("unexpected"), "InternalError", 500],
    ];
    for (const [fault, code, status] of table) {
      faulty.faults.set("getFileInfo", fault);
      const error = await expectS3Error(client.send(new GetObjectCommand({ Bucket: "bkt", Key: "k" })), code, status);
      if (code === "ServiceUnavailable") expect(error.message).toContain("BACKEND_UNAVAILABLE");
      faulty.faults.clear();
    }
    expect(warnings.some((w) => w.includes("internal error") && w.includes("unexpected"))).toBe(true);
    client.destroy();
  });

  it("S3S-151 a store without a capability the operation needs answers NotImplemented", async () => {
    await using server = await serveS3({ backend: restrictBackend(new MemoryBackend(), ["createFolder"]).backend, credentials: CREDENTIALS });
    const client = clientFor(server);
    await server.store?.write("b/x", "x");
    await expectS3Error(client.send(new PutObjectCommand({ Bucket: "b", Key: "folder/", Body: new Uint8Array(0) })), "NotImplemented", 501);
    client.destroy();
  });

  it("S3S-152 success statuses: 200, 204 for deletes and aborts, CreateBucket answers Location", async () => {
    await using server = await serveS3({ credentials: CREDENTIALS });
    const created = await rawRequest(server, { method: "PUT", target: "/made" });
    expect([created.status, created.headers.location]).toEqual([200, "/made"]);
    expect((await rawRequest(server, { method: "PUT", target: "/made/k", body: "k" })).status).toBe(200);
    expect((await rawRequest(server, { method: "DELETE", target: "/made/k" })).status).toBe(204);
    const client = clientFor(server);
    expect((await client.send(new DeleteBucketCommand({ Bucket: "made" }))).$metadata.httpStatusCode).toBe(204);
    client.destroy();
  });
});

function asDisposable<T extends { close(): Promise<void> }>(value: T): T & AsyncDisposable {
  return Object.assign(value, { [Symbol.asyncDispose]: () => value.close() });
}
