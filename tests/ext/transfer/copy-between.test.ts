import { describe, expect, it } from "vitest";
import { copyBetween } from "../../../src/ext/transfer/index.js";
import { exportTree, MemoryBackend, Store, type Backend, type ByteRange } from "../../../src/index.js";
import { localStore, memoryStore, wrapBackend } from "../support/backends.js";
import { expectCode, expectTypeError } from "../support/expect.js";

function bigBytes(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + 7) & 0xff;
  return out;
}

describe("copyBetween", () => {
  it("XFER-001 copies a file memory→memory and memory→local, streaming (no readBytes)", async () => {
    const backend = wrapBackend(new MemoryBackend(), { chunkSize: 4096 });
    const src = new Store({ backend });
    const content = bigBytes(100_000);
    await src.write("dir/data.bin", content);
    for (const dst of [memoryStore(), await localStore()]) {
      const result = await copyBetween(src, "dir/data.bin", dst, "copy/data.bin");
      expect(result.path).toBe("copy/data.bin");
      expect(result.size).toBe(content.length);
      expect(Buffer.from(await dst.readBytes("copy/data.bin")).equals(content)).toBe(true);
    }
    expect(backend.readBytesCalls).toBe(0);
  });

  it("XFER-002 wrong argument types are TypeErrors and a missing capability is thrown before any I/O", async () => {
    const src = memoryStore();
    const dst = memoryStore();
    await src.write("a.txt", "a");
    await expectTypeError(() => copyBetween({} as never, "a.txt", dst, "b.txt"), "src");
    await expectTypeError(() => copyBetween(src, "a.txt", null as never, "b.txt"), "dst");
    await expectTypeError(() => copyBetween(src, "a.txt", dst, "b.txt", { overwrite: "yes" as never }), "overwrite");
    await expectTypeError(() => copyBetween(src, "a.txt", dst, "b.txt", { onProgress: 1 as never }), "onProgress");
    await expectTypeError(() => copyBetween(src, 3 as never, dst, "b.txt"), "srcPath");
    await expectCode(() => copyBetween(src, "a.txt", dst, ""), "INVALID_PATH", "");
    await expectCode(() => copyBetween(src, "../a.txt", dst, "b.txt"), "INVALID_PATH");
    const noRead = new Store({ backend: wrapBackend(src.backend, { without: ["read"] }) });
    const noWrite = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["write"] }) });
    await expectCode(() => copyBetween(noRead, "a.txt", dst, "b.txt"), "CAPABILITY_NOT_SUPPORTED");
    await expectCode(() => copyBetween(src, "a.txt", noWrite, "b.txt"), "CAPABILITY_NOT_SUPPORTED");
    expect(await dst.exists("b.txt")).toBe(false);
  });

  it("XFER-003 keeps content type and metadata; a destination without userMetadata gets the content only", async () => {
    const src = memoryStore();
    await src.write("a.dat", "hello", { contentType: "text/x-custom", metadata: { owner: "ann" } });
    const mem = memoryStore();
    await copyBetween(src, "a.dat", mem, "b.dat");
    const info = await mem.getFileInfo("b.dat");
    expect(info.contentType).toBe("text/x-custom");
    expect(info.metadata).toEqual({ owner: "ann" });
    const local = await localStore();
    await copyBetween(src, "a.dat", local, "b.dat");
    expect((await local.getFileInfo("b.dat")).contentType).toBe("text/x-custom");
    expect((await local.getFileInfo("b.dat")).metadata).toEqual({ owner: "ann" });
    const plain = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["userMetadata"] }) });
    await copyBetween(src, "a.dat", plain, "b.dat");
    expect((await plain.getFileInfo("b.dat")).metadata).toBeUndefined();
    expect(await plain.readText("b.dat")).toBe("hello");
    const noInfo = new Store({ backend: wrapBackend(src.backend, { without: ["metadata"] }) });
    const guessed = memoryStore();
    await copyBetween(noInfo, "a.dat", guessed, "b.json");
    expect((await guessed.getFileInfo("b.json")).contentType).toBe("application/json");
  });

  it("XFER-004 an existing destination is AlreadyExists unless overwrite; missing source NotFound; folders InvalidPath", async () => {
    const src = memoryStore();
    const dst = memoryStore();
    await src.write("a.txt", "new");
    await src.write("folder/x.txt", "x");
    await dst.write("b.txt", "old");
    await expectCode(() => copyBetween(src, "a.txt", dst, "b.txt"), "ALREADY_EXISTS", "b.txt");
    expect(await dst.readText("b.txt")).toBe("old");
    await copyBetween(src, "a.txt", dst, "b.txt", { overwrite: true });
    expect(await dst.readText("b.txt")).toBe("new");
    await expectCode(() => copyBetween(src, "nope.txt", dst, "c.txt"), "NOT_FOUND", "nope.txt");
    await expectCode(() => copyBetween(src, "folder", dst, "c.txt"), "INVALID_PATH", "folder");
    await dst.write("taken/inner.txt", "i");
    await expectCode(() => copyBetween(src, "a.txt", dst, "taken", { overwrite: true }), "INVALID_PATH", "taken");
    expect(await dst.exists("c.txt")).toBe(false);
  });

  it("XFER-005 keepModifiedAt stores the source time where the destination can, else CapabilityNotSupported", async () => {
    const when = new Date("2020-02-02T02:02:02.123Z");
    const src = memoryStore({ clock: () => when });
    await src.write("a.txt", "a");
    const dst = memoryStore();
    await copyBetween(src, "a.txt", dst, "kept.txt", { keepModifiedAt: true });
    await copyBetween(src, "a.txt", dst, "fresh.txt");
    expect((await dst.getFileInfo("kept.txt")).modifiedAt).toEqual(when);
    expect((await dst.getFileInfo("fresh.txt")).modifiedAt.getTime()).toBeGreaterThan(when.getTime());
    const stamped = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["setModifiedAt"] }) });
    await expectCode(() => copyBetween(src, "a.txt", stamped, "a.txt", { keepModifiedAt: true }), "CAPABILITY_NOT_SUPPORTED");
    expect(await stamped.exists("a.txt")).toBe(false);
    const local = await localStore();
    if (local.supports("setModifiedAt")) {
      await copyBetween(src, "a.txt", local, "a.txt", { keepModifiedAt: true });
      expect((await local.getFileInfo("a.txt")).modifiedAt).toEqual(when);
    }
  });

  it("XFER-006 a source failing part-way leaves no partial file and keeps an overwritten file intact", async () => {
    const inner = new MemoryBackend();
    const backend = wrapBackend(inner, { failReads: { afterBytes: 150_000 }, chunkSize: 10_000 });
    const src = new Store({ backend });
    await src.write("big.bin", bigBytes(200_000));
    await src.write("small.bin", bigBytes(2_000));
    for (const dst of [memoryStore(), await localStore()]) {
      await dst.write("keep/old.bin", "previous");
      const before = await exportTree(dst);
      await expectCode(() => copyBetween(src, "big.bin", dst, "new/big.bin"), "BACKEND_UNAVAILABLE");
      await expectCode(() => copyBetween(src, "big.bin", dst, "keep/old.bin", { overwrite: true }), "BACKEND_UNAVAILABLE");
      await expectCode(() => copyBetween(src, "small.bin", dst, "keep/old.bin", { overwrite: true }), "BACKEND_UNAVAILABLE");
      expect(await exportTree(dst)).toEqual(before);
    }
    expect(backend.midStreamFailures).toBe(4);
  });

  it("XFER-006 the source stream is cancelled when the write refuses it before reading", async () => {
    const inner = new MemoryBackend();
    let cancelled = 0;
    const spying: Backend = new Proxy(inner, {
      get(target, property) {
        if (property === "read") {
          return async (path: string, range: ByteRange) => {
            const stream = await target.read(path, range);
            const reader = stream.getReader();
            return new ReadableStream<Uint8Array>({
              pull: async (controller) => {
                const { done, value } = await reader.read();
                if (done) controller.close();
                else controller.enqueue(value);
              },
              cancel: () => {
                cancelled++;
              },
            });
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const src = new Store({ backend: spying });
    await src.write("a.bin", bigBytes(100_000));
    const dst = memoryStore();
    await dst.write("a.bin", "exists");
    await expectCode(() => copyBetween(src, "a.bin", dst, "a.bin"), "ALREADY_EXISTS");
    expect(cancelled).toBe(1);
  });

  it("XFER-007 onProgress reports cumulative bytes and the total; a throwing callback aborts with nothing written", async () => {
    const src = new Store({ backend: wrapBackend(new MemoryBackend(), { chunkSize: 30_000 }) });
    await src.write("f.bin", bigBytes(100_000));
    await src.write("small.bin", bigBytes(3500));
    const dst = memoryStore();
    const seen: { bytesDone: number; bytesTotal: number | undefined }[] = [];
    await copyBetween(src, "f.bin", dst, "f.bin", { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.map((p) => p.bytesDone)).toEqual([30_000, 60_000, 90_000, 100_000]);
    expect(seen.every((p) => p.bytesTotal === 100_000)).toBe(true);
    seen.length = 0;
    await copyBetween(src, "small.bin", dst, "small.bin", { onProgress: (p) => seen.push({ ...p }) });
    expect(seen).toEqual([{ bytesDone: 3500, bytesTotal: 3500 }]);
    const boom = new Error("stop");
    const error = await copyBetween(src, "f.bin", dst, "g.bin", {
      onProgress: (p) => {
        if (p.bytesDone > 30_000) throw boom;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(await dst.exists("g.bin")).toBe(false);
  });

  it("XFER-008 the same backend path is a no-op; other paths on the same backend copy", async () => {
    const store = memoryStore();
    await store.write("a/b.txt", "content", { metadata: { k: "v" } });
    const before = await store.getFileInfo("a/b.txt");
    const result = await copyBetween(store, "a/b.txt", store.child("a"), "b.txt");
    expect(result.path).toBe("b.txt");
    expect(result.size).toBe(7);
    expect(await store.getFileInfo("a/b.txt")).toEqual(before);
    await copyBetween(store, "a/b.txt", store.child("a"), "c.txt");
    expect(await store.readText("a/c.txt")).toBe("content");
    await expectCode(() => copyBetween(store, "missing", store, "missing"), "NOT_FOUND", "missing");
  });
});
