import { readFileSync } from "node:fs";
import { open, readdir, writeFile, type FileHandle } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bytes, chunks, collect, expectFailure, failingChunks, freshBackend, put, text, tree, writeOptions } from "./helpers.js";

type WriteMethod = "write" | "writeAtomic";
const METHODS: WriteMethod[] = ["write", "writeAtomic"];

async function rejectsWith(promise: Promise<unknown>, error: Error): Promise<void> {
  const outcome = await promise.then(
    () => "resolved",
    (caught: unknown) => caught,
  );
  expect(outcome).toBe(error);
}

describe("LocalBackend writes", () => {
  // spec LOC-043: write and writeAtomic are the same operation, so every test in this loop runs for both.
  for (const method of METHODS) {
    it(`LOC-042 LOC-023 ${method}: a failing stream propagates its own error and leaves the old file intact, no temp file`, async () => {
      const { backend, root } = await freshBackend();
      await put(backend, "d/f.txt", "old");
      const boom = new Error("boom");
      await rejectsWith(backend[method]("d/f.txt", failingChunks("partial", boom), writeOptions({ overwrite: true })), boom);
      expect(await text(backend, "d/f.txt")).toBe("old");
      expect(await readdir(nodePath.join(root, "d"))).toEqual(["f.txt"]);
    });

    it(`LOC-042 ${method}: a failing stream to a new path leaves no file and no new parent folders`, async () => {
      const { backend, root } = await freshBackend();
      await put(backend, "keep/a.txt");
      const boom = Object.assign(new Error("reset"), { code: "ECONNRESET" });
      await rejectsWith(backend[method]("keep/new/deeper/f.txt", failingChunks("x".repeat(300_000), boom), writeOptions()), boom);
      expect(await tree(backend)).toEqual({ files: ["keep/a.txt"], folders: ["keep"] });
      await backend.close();
      expect(await readdir(root)).toEqual(["keep"]);
      expect(await readdir(nodePath.join(root, "keep"))).toEqual(["a.txt"]);
    });

    it(`LOC-042 ${method}: a failing write with metadata leaves no sidecar behind`, async () => {
      const { backend, root } = await freshBackend();
      const boom = new Error("boom");
      await rejectsWith(backend[method]("n/f.txt", failingChunks("x", boom), writeOptions({ metadata: { k: "v" } })), boom);
      await backend.close();
      expect(await readdir(root)).toEqual([]);
    });

    it(`LOC-045 BE-006 ${method}: preconditions in the contract's order, before the content is read`, async () => {
      const { backend } = await freshBackend();
      await put(backend, "dir/file.txt", "seed");
      let pulled = false;
      const watched = (async function* () {
        pulled = true;
        yield bytes("never");
      })();
      await expectFailure(backend[method]("dir", watched, writeOptions({ overwrite: true })), "INVALID_PATH", "dir");
      await expectFailure(backend[method]("dir/file.txt/child", watched, writeOptions({ overwrite: true })), "INVALID_PATH", "dir/file.txt/child");
      await expectFailure(backend[method]("dir/file.txt", watched, writeOptions()), "ALREADY_EXISTS", "dir/file.txt");
      expect(pulled).toBe(false);
      expect(await text(backend, "dir/file.txt")).toBe("seed");
    });

    it(`LOC-041 ${method}: of concurrent exclusive creators exactly one succeeds`, async () => {
      const { backend } = await freshBackend();
      const writers = Array.from({ length: 12 }, (_, i) =>
        backend[method]("race/target.txt", chunks(`writer-${i}`, "-tail"), writeOptions()).then(
          () => ({ ok: true as const, i }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      );
      const outcomes = await Promise.all(writers);
      const winners = outcomes.filter((o) => o.ok);
      expect(winners).toHaveLength(1);
      for (const loser of outcomes.filter((o) => !o.ok)) expect(loser).toMatchObject({ error: { code: "ALREADY_EXISTS", path: "race/target.txt" } });
      expect(await text(backend, "race/target.txt")).toBe(`writer-${(winners[0] as { i: number }).i}-tail`);
      expect(await tree(backend)).toEqual({ files: ["race/target.txt"], folders: ["race"] });
    });

    it(`LOC-044 ${method}: the WriteResult agrees with getFileInfo`, async () => {
      const { backend } = await freshBackend();
      const result = await backend[method]("w/r.bin", chunks("abc", "de"), writeOptions({ contentType: "application/x-test", metadata: { a: "1" } }));
      const info = await backend.getFileInfo("w/r.bin");
      expect(result).toEqual({ path: "w/r.bin", size: 5, modifiedAt: info.modifiedAt, contentType: "application/x-test", metadata: { a: "1" } });
      expect(Object.isFrozen(result)).toBe(true);
      const plain = await backend[method]("w/p.txt", bytes(""), writeOptions());
      expect(plain).toEqual({ path: "w/p.txt", size: 0, modifiedAt: (await backend.getFileInfo("w/p.txt")).modifiedAt, contentType: "text/plain" });
      expect("metadata" in plain).toBe(false);
    });
  }

  it("LOC-040 the temp file of a write in progress is invisible to listings, probes and aggregates", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "d/old.txt", "old");
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedGate: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => {
      reachedGate = resolve;
    });
    const slow = (async function* () {
      yield bytes("first half ");
      reachedGate();
      await gate;
      yield bytes("second half");
    })();
    const pending = backend.writeAtomic("d/new.txt", slow, writeOptions());
    await reached;
    const onDisk = await readdir(nodePath.join(root, "d"));
    expect(onDisk.some((name) => name.startsWith(".remote-store-tmp-"))).toBe(true);
    expect((await collect(backend.iterChildren("d"))).map((e) => e.path)).toEqual(["d/old.txt"]);
    expect(await backend.exists("d/new.txt")).toBe(false);
    expect((await backend.getFolderInfo("d")).fileCount).toBe(1);
    release();
    await pending;
    expect(await text(backend, "d/new.txt")).toBe("first half second half");
    expect((await readdir(nodePath.join(root, "d"))).sort()).toEqual(["new.txt", "old.txt"]);
  });

  it("LOC-040 LOC-061 a temp file left by a crash stays invisible and goes with its folder", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "c/keep.txt");
    await backend.delete("c/keep.txt", { missingOk: false });
    await writeFile(nodePath.join(root, "c", ".remote-store-tmp-crashed"), "half a file");
    expect(await collect(backend.iterChildren("c"))).toEqual([]);
    expect(await backend.getFolderInfo("c")).toEqual({ path: "c", fileCount: 0, totalSize: 0 });
    await backend.deleteFolder("c", { recursive: false, missingOk: false });
    await backend.close();
    expect(await readdir(root)).toEqual([]);
  });

  it("LOC-042 a failed write does not remove parent folders another write still uses", async () => {
    const { backend } = await freshBackend();
    const boom = new Error("boom");
    const failing = backend.write("shared/a/fail.txt", failingChunks("x", boom), writeOptions());
    const good = backend.write("shared/a/ok.txt", chunks("ok"), writeOptions());
    const [failed, succeeded] = await Promise.allSettled([failing, good]);
    expect(failed.status).toBe("rejected");
    expect(succeeded.status).toBe("fulfilled");
    expect(await text(backend, "shared/a/ok.txt")).toBe("ok");
  });

  it("LOC-030 writes create parent folders; overwrite replaces content", async () => {
    const { backend } = await freshBackend();
    await put(backend, "a/b/c/deep.txt", "1");
    expect(await backend.isFolder("a/b")).toBe(true);
    await put(backend, "a/b/c/deep.txt", "22", { overwrite: true });
    expect(await text(backend, "a/b/c/deep.txt")).toBe("22");
    expect((await backend.getFileInfo("a/b/c/deep.txt")).size).toBe(2);
  });

  it("LOC-040 large streamed content round-trips byte-exact", async () => {
    const { backend } = await freshBackend();
    const block = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const source = (async function* () {
      for (let i = 0; i < 5; i++) yield block;
    })();
    const result = await backend.writeAtomic("big.bin", source, writeOptions({ contentType: "application/octet-stream" }));
    expect(result.size).toBe(5 * block.length);
    const back = await backend.readBytes("big.bin", { offset: block.length * 2 + 7, length: 10 });
    expect([...back]).toEqual([...block.subarray(7, 17)]);
  });

  it("LOC-041 BE-006 a caller's bytes are not kept: changing them afterwards does not change the file", async () => {
    const { backend } = await freshBackend();
    const data = bytes("abc");
    await backend.write("k.txt", data, writeOptions());
    data[0] = 122;
    expect(await text(backend, "k.txt")).toBe("abc");
  });

  it("LOC-043 writeAtomic fsyncs the temp file before the rename (the target still holds the old bytes); write does not fsync", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "d/f.txt", "old");
    const probe: FileHandle = await open(nodePath.join(root, "d", "f.txt"), "r");
    const proto = Object.getPrototypeOf(probe) as { sync: (this: FileHandle) => Promise<void> };
    await probe.close();
    const original = proto.sync;
    const targetAtSync: string[] = [];
    const sync = vi.spyOn(proto, "sync").mockImplementation(function (this: FileHandle) {
      targetAtSync.push(readFileSync(nodePath.join(root, "d", "f.txt"), "utf8"));
      return original.call(this);
    });
    try {
      await backend.writeAtomic("d/f.txt", chunks("new ", "content"), writeOptions({ overwrite: true }));
      expect(targetAtSync).toEqual(["old"]);
      expect(await text(backend, "d/f.txt")).toBe("new content");
      await backend.write("d/f.txt", bytes("plain"), writeOptions({ overwrite: true }));
      await backend.write("d/g.txt", bytes("plain"), writeOptions());
      expect(sync).toHaveBeenCalledTimes(1);
      expect(await text(backend, "d/f.txt")).toBe("plain");
    } finally {
      sync.mockRestore();
    }
  });

  it("LOC-092 no locks: racing overwriters both succeed; readers see whole contents; the attributes are one writer's", async () => {
    const { backend } = await freshBackend();
    await put(backend, "r.txt", "seed");
    const a = "A".repeat(200_000);
    const b = "B".repeat(300_000);
    const writes = [
      backend.write("r.txt", chunks(a.slice(0, 100_000), a.slice(100_000)), writeOptions({ overwrite: true, contentType: "text/x-a", metadata: { who: "a" } })),
      backend.write("r.txt", chunks(b.slice(0, 150_000), b.slice(150_000)), writeOptions({ overwrite: true, contentType: "text/x-b", metadata: { who: "b" } })),
    ];
    const reads = Array.from({ length: 6 }, () => text(backend, "r.txt"));
    await Promise.all(writes);
    for (const seen of await Promise.all(reads)) expect(["seed", a, b]).toContain(seen);
    expect([a, b]).toContain(await text(backend, "r.txt"));
    const info = await backend.getFileInfo("r.txt");
    expect([
      { contentType: "text/x-a", metadata: { who: "a" } },
      { contentType: "text/x-b", metadata: { who: "b" } },
    ]).toContainEqual({ contentType: info.contentType, metadata: info.metadata });
  });
});
