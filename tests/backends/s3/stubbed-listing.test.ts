import { describe, expect, it } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import { Store } from "../../../src/index.js";
import { stubClient, type StubHandler } from "./support/stub-client.js";

const when = new Date("2026-03-04T05:06:07.890Z");

function storeWith(handlers: Record<string, StubHandler>) {
  const stub = stubClient({
    HeadObjectCommand: (input) => ({ ContentLength: 1, LastModified: when, ContentType: "text/plain", Metadata: { key: String(input.Key) } }),
    ...handlers,
  });
  return { stub, store: new Store({ backend: new S3Backend({ bucket: "bkt", client: stub.client, prefix: "p", pageSize: 2 }) }) };
}

describe("listing pages with a stubbed client (servers that order, encode or paginate differently)", () => {
  it("S3-050 pages are followed to the end, merged, de-duplicated and sorted in code point order whatever the server's order", async () => {
    const pages = [
      { Contents: [{ Key: "p/d/\u{1F600}.txt" }, { Key: "p/d/b.txt" }], CommonPrefixes: [{ Prefix: "p/d/z/" }], IsTruncated: true, NextContinuationToken: "t1" },
      { Contents: [{ Key: "p/d/\uFF5E.txt" }, { Key: "p/d/a.txt" }], CommonPrefixes: [{ Prefix: "p/d/z/" }, { Prefix: "p/d/m/" }], IsTruncated: true, NextContinuationToken: "t2" },
      { Contents: [{ Key: "p/d/" }], IsTruncated: false },
    ];
    const { stub, store } = storeWith({ ListObjectsV2Command: (input, call) => (input.MaxKeys === 1 ? { KeyCount: 1 } : pages[call - 1]) });
    const names = (await store.iterChildren("d").toArray()).map((e) => `${e.kind}:${e.name}`);
    expect(names).toEqual(["file:a.txt", "file:b.txt", "folder:m", "folder:z", "file:\uFF5E.txt", "file:\u{1F600}.txt"]);
    const tokens = stub.calls.filter((c) => c.command === "ListObjectsV2Command").map((c) => [c.input.Prefix, c.input.Delimiter, c.input.MaxKeys, c.input.ContinuationToken]);
    expect(tokens).toEqual([["p/d/", "/", 2, undefined], ["p/d/", "/", 2, "t1"], ["p/d/", "/", 2, "t2"]]);
  });

  it("S3-050 a truncated page without a continuation token is followed with StartAfter", async () => {
    const { stub, store } = storeWith({
      ListObjectsV2Command: (input) => (input.StartAfter === undefined ? { Contents: [{ Key: "p/a" }, { Key: "p/b" }], IsTruncated: true } : { Contents: [{ Key: "p/c" }], IsTruncated: false }),
    });
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["a", "b", "c"]);
    expect(stub.calls.filter((c) => c.command === "ListObjectsV2Command").map((c) => c.input.StartAfter)).toEqual([undefined, "p/b"]);
  });

  it("S3-050 keys are decoded when the server applies EncodingType=url (spaces as +), and used as they are when it does not", async () => {
    const { store } = storeWith({ ListObjectsV2Command: () => ({ EncodingType: "url", Contents: [{ Key: "p/a+b%2Bc%25.txt" }, { Key: "p/%01ctl" }], IsTruncated: false }) });
    expect((await store.listFiles("").toArray()).map((f) => f.path)).toEqual(["\u0001ctl", "a b+c%.txt"]);
    const plain = storeWith({ ListObjectsV2Command: () => ({ Contents: [{ Key: "p/a+b%2B.txt" }], IsTruncated: false }) });
    expect((await plain.store.listFiles("").toArray()).map((f) => f.path)).toEqual(["a+b%2B.txt"]);
  });

  it("S3-051 S3-040 listed files carry what their HEAD says (times in whole seconds); files gone before their HEAD are left out", async () => {
    const { store } = storeWith({
      ListObjectsV2Command: () => ({ Contents: [{ Key: "p/gone.txt" }, { Key: "p/here.txt" }], IsTruncated: false }),
      HeadObjectCommand: (input) => {
        if (input.Key === "p/gone.txt") throw Object.assign(new Error("NotFound"), { name: "NotFound", $metadata: { httpStatusCode: 404 } });
        return { ContentLength: 3, LastModified: when, ContentType: "text/x", Metadata: { "rs--417574686f72": "=?UTF-8?B?WsO2ZQ==?=" } };
      },
    });
    const files = await store.listFiles("").toArray();
    expect(files).toEqual([{ kind: "file", path: "here.txt", name: "here.txt", size: 3, modifiedAt: new Date("2026-03-04T05:06:07.000Z"), contentType: "text/x", metadata: { Author: "Zöe" } }]);
  });

  it("S3-055 the newest time of a folder needs one HEAD when the newest object was not moved, and more only when it was", async () => {
    const at = (day: number): Date => new Date(Date.UTC(2026, 0, day));
    const listed = (names: [string, number][]) => names.map(([key, day]) => ({ Key: `p/f/${key}`, Size: 1, LastModified: at(day) }));
    const head = (day: number, kept?: number) => ({ ContentLength: 1, LastModified: at(day), ...(kept === undefined ? {} : { Metadata: { "rs-mtime": String(at(kept).getTime()) } }) });
    const plain = storeWith({ ListObjectsV2Command: () => ({ Contents: listed([["a", 1], ["b", 3], ["c", 2]]), IsTruncated: false }), HeadObjectCommand: () => head(3) });
    expect((await plain.store.getFolderInfo("f")).modifiedAt).toEqual(at(3));
    expect(plain.stub.calls.filter((c) => c.command === "HeadObjectCommand").map((c) => c.input.Key)).toEqual(["p/f/b"]);
    const heads: Record<string, unknown> = { "p/f/moved": head(5, 1), "p/f/mid": head(4), "p/f/old": head(2) };
    const moved = storeWith({ ListObjectsV2Command: () => ({ Contents: listed([["old", 2], ["moved", 5], ["mid", 4]]), IsTruncated: false }), HeadObjectCommand: (input) => heads[String(input.Key)] });
    expect(await moved.store.getFolderInfo("f")).toEqual({ path: "f", fileCount: 3, totalSize: 3, modifiedAt: at(4) });
    expect(moved.stub.calls.filter((c) => c.command === "HeadObjectCommand")[0]?.input.Key).toBe("p/f/moved");
  });
});
