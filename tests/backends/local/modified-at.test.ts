import { readdir, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../../../src/index.js";
import { bytes, chunks, expectFailure, freshBackend, put, text, writeOptions } from "./helpers.js";

describe("LocalBackend setModifiedAt", () => {
  it("LOC-004 LOC-046 declares setModifiedAt; a write with modifiedAt stores exactly that time", async () => {
    const { backend, root } = await freshBackend();
    expect(backend.capabilities.has("setModifiedAt")).toBe(true);
    const times = ["2001-02-03T04:05:06.789Z", "1999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.001Z", "1969-07-20T20:17:40.123Z", "2400-01-01T00:00:00.000Z"];
    for (const [i, iso] of times.entries()) {
      const when = new Date(iso);
      const write = i % 2 === 0 ? backend.write.bind(backend) : backend.writeAtomic.bind(backend);
      const result = await write(`t${i}.txt`, i % 2 === 0 ? bytes("x") : chunks("x", "y"), writeOptions({ modifiedAt: when }));
      expect(result.modifiedAt?.toISOString()).toBe(iso);
      expect((await backend.getFileInfo(`t${i}.txt`)).modifiedAt.toISOString()).toBe(iso);
      expect((await stat(nodePath.join(root, `t${i}.txt`))).mtime.toISOString()).toBe(iso);
    }
  });

  it("LOC-046 an overwrite with modifiedAt replaces bytes and time together; without it the time is now", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt", "old");
    const when = new Date("2010-10-10T10:10:10.010Z");
    await backend.write("f.txt", bytes("new"), writeOptions({ overwrite: true, modifiedAt: when }));
    expect([await text(backend, "f.txt"), (await backend.getFileInfo("f.txt")).modifiedAt.toISOString()]).toEqual(["new", when.toISOString()]);
    const before = Date.now();
    await backend.write("f.txt", bytes("newer"), writeOptions({ overwrite: true }));
    expect((await backend.getFileInfo("f.txt")).modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("LOC-046 a time the file system cannot store is InvalidArgument with the path, and nothing is written", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "keep.txt", "keep");
    for (const when of [new Date(-8.64e15), new Date(8.64e15)]) {
      await expectFailure(backend.write("d/far.txt", bytes("x"), writeOptions({ modifiedAt: when })), "INVALID_ARGUMENT", "d/far.txt");
      await expectFailure(backend.write("keep.txt", bytes("x"), writeOptions({ overwrite: true, modifiedAt: when })), "INVALID_ARGUMENT", "keep.txt");
    }
    expect(await text(backend, "keep.txt")).toBe("keep");
    await backend.close();
    expect(await readdir(root)).toEqual(["keep.txt"]);
  });

  it("LOC-046 the Store passes modifiedAt through, and copies of such a file get a new time", async () => {
    const { backend } = await freshBackend();
    const store = new Store({ backend });
    const when = new Date("2005-05-05T05:05:05.555Z");
    await store.writeText("a/f.txt", "f", { modifiedAt: when });
    await store.copyFolder("a", "b");
    await store.moveFolder("a", "c");
    expect((await store.getFileInfo("c/f.txt")).modifiedAt.toISOString()).toBe(when.toISOString());
    expect((await store.getFileInfo("b/f.txt")).modifiedAt.getTime()).toBeGreaterThan(when.getTime());
  });
});
