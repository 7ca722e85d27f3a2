import { describe, expect, it } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import { Store, type BackendWriteOptions } from "../../../src/index.js";
import { expectCode } from "../../errors/expect-code.js";
import { serviceError, stubClient, type StubHandler } from "./support/stub-client.js";

/** A backend under the prefix `p/` on a stub that records every request (spec S3-T03). */
function stubbed(handlers: Record<string, StubHandler> = {}) {
  const stub = stubClient(handlers);
  return { stub, backend: new S3Backend({ bucket: "bkt", client: stub.client, prefix: "p" }) };
}

/** Backend write options: the Store resolves a content type for every write. */
function put(overwrite: boolean): BackendWriteOptions {
  return { overwrite, contentType: "application/octet-stream", metadata: undefined };
}

const found = { ContentLength: 3, LastModified: new Date("2026-01-01T00:00:00Z"), ContentType: "text/plain" };

/** A HEAD handler answering for `keys` and 404 for every other key. */
function headOf(...keys: string[]): StubHandler {
  return (input) => {
    if (keys.includes(String(input.Key))) return found;
    throw serviceError("NotFound", 404);
  };
}

describe("S3Backend requests per operation (stubbed client)", () => {
  it("S3-015 isFile is one HEAD, isFolder one one-key listing, exists both; the root costs no request; a path below a file is false", async () => {
    const { stub, backend } = stubbed({ HeadObjectCommand: headOf("p/f.txt") });
    expect(await backend.isFile("f.txt")).toBe(true);
    expect(stub.calls.map((c) => [c.command, c.input.Key])).toEqual([["HeadObjectCommand", "p/f.txt"]]);
    stub.calls.length = 0;
    expect(await backend.isFolder("dir")).toBe(false);
    expect(stub.calls.map((c) => [c.command, c.input.Prefix, c.input.MaxKeys])).toEqual([["ListObjectsV2Command", "p/dir/", 1]]);
    stub.calls.length = 0;
    expect(await backend.exists("f.txt")).toBe(true);
    expect(stub.names().sort()).toEqual(["HeadObjectCommand", "ListObjectsV2Command"]);
    stub.calls.length = 0;
    expect([await backend.exists(""), await backend.isFolder(""), await backend.isFile("")]).toEqual([true, true, false]);
    expect(stub.calls).toEqual([]);
    expect([await backend.isFile("f.txt/below"), await backend.exists("f.txt/below")]).toEqual([false, false]);
  });

  it("S3-030 a top-level write with overwrite is one listing and the PUT; a nested one adds a HEAD per ancestor, and without overwrite a HEAD of the target", async () => {
    const top = stubbed();
    await top.backend.write("a.txt", new Uint8Array([1]), put(true));
    expect(top.stub.names()).toEqual(["ListObjectsV2Command", "PutObjectCommand"]);
    const nested = stubbed();
    await nested.backend.write("x/y/z.txt", new Uint8Array([1]), put(false));
    const checks = nested.stub.calls.filter((c) => c.command !== "PutObjectCommand");
    expect(checks.filter((c) => c.command === "HeadObjectCommand").map((c) => c.input.Key).sort()).toEqual(["p/x", "p/x/y", "p/x/y/z.txt"]);
    expect(checks.filter((c) => c.command === "ListObjectsV2Command").map((c) => c.input.Prefix)).toEqual(["p/x/y/z.txt/"]);
    expect(nested.stub.names().at(-1)).toBe("PutObjectCommand");
    expect(nested.stub.names().filter((n) => n === "PutObjectCommand")).toHaveLength(1);
  });

  it("S3-030 a folder at the path, a file in place of a parent, and an existing file without overwrite are refused before any PUT", async () => {
    const folder = stubbed({ ListObjectsV2Command: (input) => (input.Prefix === "p/d/" ? { KeyCount: 1, Contents: [{ Key: "p/d/x" }], IsTruncated: false } : { KeyCount: 0, IsTruncated: false }) });
    await expectCode(folder.backend.write("d", new Uint8Array([1]), put(true)), "INVALID_PATH", "d");
    const parent = stubbed({ HeadObjectCommand: headOf("p/f") });
    await expectCode(parent.backend.write("f/g.txt", new Uint8Array([1]), put(true)), "INVALID_PATH", "f/g.txt");
    const existing = stubbed({ HeadObjectCommand: headOf("p/e.txt") });
    await expectCode(existing.backend.write("e.txt", new Uint8Array([1]), put(false)), "ALREADY_EXISTS", "e.txt");
    for (const { stub } of [folder, parent, existing]) expect(stub.names()).not.toContain("PutObjectCommand");
  });

  it("S3-034 writeAtomic makes the same requests as write: the checks, then one PUT", async () => {
    const plain = stubbed();
    const atomic = stubbed();
    await plain.backend.write("d/a.txt", new Uint8Array([1, 2]), put(false));
    await atomic.backend.writeAtomic("d/a.txt", new Uint8Array([1, 2]), put(false));
    expect(atomic.stub.names().sort()).toEqual(plain.stub.names().sort());
    expect(atomic.stub.calls.find((c) => c.command === "PutObjectCommand")?.input).toEqual(plain.stub.calls.find((c) => c.command === "PutObjectCommand")?.input);
  });

  it("S3-035 the resolved content type is sent as Content-Type", async () => {
    const { stub } = stubbed();
    const store = new Store({ backend: new S3Backend({ bucket: "bkt", client: stub.client, prefix: "p" }) });
    await store.write("page.html", "<p>", { overwrite: true });
    await store.write("data.bin", "x", { overwrite: true, contentType: "application/x-custom" });
    const types = stub.calls.filter((c) => c.command === "PutObjectCommand").map((c) => [c.input.Key, c.input.ContentType]);
    expect(types).toEqual([["p/page.html", "text/html"], ["p/data.bin", "application/x-custom"]]);
  });

  it("S3-060 delete is a HEAD, then DeleteObject; a folder is InvalidPath even with missingOk; missing is NotFound unless missingOk", async () => {
    const file = stubbed({ HeadObjectCommand: headOf("p/f.txt"), DeleteObjectCommand: () => ({}) });
    await file.backend.delete("f.txt", { missingOk: false });
    expect(file.stub.names()[0]).toBe("HeadObjectCommand");
    expect(file.stub.calls.filter((c) => c.command === "DeleteObjectCommand").map((c) => c.input.Key)).toEqual(["p/f.txt"]);
    const folder = stubbed({ ListObjectsV2Command: (input) => (input.Prefix === "p/d/" ? { KeyCount: 1, Contents: [{ Key: "p/d/x" }], IsTruncated: false } : { KeyCount: 0, IsTruncated: false }) });
    await expectCode(folder.backend.delete("d", { missingOk: true }), "INVALID_PATH", "d");
    const missing = stubbed();
    await expectCode(missing.backend.delete("m.txt", { missingOk: false }), "NOT_FOUND", "m.txt");
    await missing.backend.delete("m.txt", { missingOk: true });
    for (const { stub } of [folder, missing]) expect(stub.names()).not.toContain("DeleteObjectCommand");
  });
});
