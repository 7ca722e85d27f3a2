import { describe, expect, it, vi } from "vitest";
import { CAPABILITIES, MemoryBackend, Store } from "../../../src/index.js";
import { expectCode, expectRangeError, expectTypeError } from "../../errors/expect-code.js";

const text = new TextEncoder();

function stepClock(start = Date.UTC(2024, 0, 1), step = 1000): { clock: () => Date; at: (i: number) => Date } {
  let calls = 0;
  return { clock: () => new Date(start + step * calls++), at: (i) => new Date(start + step * i) };
}

describe("MemoryBackend options", () => {
  it.each([["10"], [null], [Number.NaN], [{}]])("MEM-010 maxSize %s of the wrong type is a TypeError naming maxSize", async (maxSize) => {
    await expectTypeError(() => new MemoryBackend({ maxSize: maxSize as never }), "maxSize");
  });

  it.each([-1, 1.5, Number.NEGATIVE_INFINITY])("MEM-010 maxSize %s is a RangeError", async (maxSize) => {
    await expectRangeError(() => new MemoryBackend({ maxSize }));
  });

  it("MEM-010 maxSize defaults to unlimited and accepts 0 and Infinity", () => {
    expect(new MemoryBackend().maxSize).toBe(Number.POSITIVE_INFINITY);
    expect(new MemoryBackend({ maxSize: 0 }).maxSize).toBe(0);
    expect(new MemoryBackend({ maxSize: Number.POSITIVE_INFINITY }).maxSize).toBe(Number.POSITIVE_INFINITY);
  });

  it("MEM-010 options must be an object", async () => {
    await expectTypeError(() => new MemoryBackend(5 as never), "options");
    await expectTypeError(() => new MemoryBackend(null as never), "options");
  });

  it("MEM-011 clock stamps writes and copies deterministically; move keeps the time", async () => {
    const { clock, at } = stepClock();
    const store = new Store({ backend: new MemoryBackend({ clock }) });
    const written = await store.write("a.txt", "x");
    expect(written.modifiedAt).toEqual(at(0));
    expect((await store.getFileInfo("a.txt")).modifiedAt).toEqual(at(0));
    await store.copy("a.txt", "b.txt");
    expect((await store.getFileInfo("b.txt")).modifiedAt).toEqual(at(1));
    await store.move("a.txt", "c/a.txt");
    expect((await store.getFileInfo("c/a.txt")).modifiedAt).toEqual(at(0));
    await store.write("b.txt", "y", { overwrite: true });
    expect((await store.getFileInfo("b.txt")).modifiedAt).toEqual(at(2));
    expect((await store.getFolderInfo("")).modifiedAt).toEqual(at(2));
  });

  it("MEM-011 a clock that is not a function is a TypeError naming clock", async () => {
    await expectTypeError(() => new MemoryBackend({ clock: "now" as never }), "clock");
  });

  it("MEM-011 a clock returning an invalid Date fails the write with a TypeError, and nothing is written", async () => {
    const backend = new MemoryBackend({ clock: () => new Date(Number.NaN) });
    const store = new Store({ backend });
    await expectTypeError(store.write("dir/f", "x"), "clock");
    const other = new Store({ backend: new MemoryBackend({ clock: (() => 12345) as never }) });
    await expectTypeError(other.write("f", "x"), "clock");
    expect(await store.exists("dir")).toBe(false);
    expect(backend.usedBytes).toBe(0);
  });

  it("MEM-011 the default clock stamps the current time", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const before = Date.now();
    const { modifiedAt } = await store.write("f", "x");
    expect(modifiedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(modifiedAt?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("MEM-012 name defaults to a generated unique memory-… name", () => {
    const a = new MemoryBackend();
    const b = new MemoryBackend();
    expect(a.name).toMatch(/^memory-./);
    expect(b.name).toMatch(/^memory-./);
    expect(a.name).not.toBe(b.name);
    expect(new MemoryBackend({ name: "cache" }).name).toBe("cache");
  });

  it.each([[""], [5], [null]])("MEM-012 a name %j that is not a non-empty string is a TypeError naming name", async (name) => {
    await expectTypeError(() => new MemoryBackend({ name: name as never }), "name");
  });

  it("MEM-012 url is memory://<name>/<backend path> with each segment percent-encoded", async () => {
    const backend = new MemoryBackend({ name: "my cache" });
    expect(await backend.url("a b/é/x?#%.txt")).toBe("memory://my%20cache/a%20b/%C3%A9/x%3F%23%25.txt");
    const store = new Store({ backend, rootPath: "root" });
    expect(await store.url("not/written.txt")).toBe("memory://my%20cache/root/not/written.txt");
  });

  it("MEM-013 declares every capability", () => {
    const backend = new MemoryBackend();
    const named = ["read", "write", "delete", "list", "move", "copy", "atomicWrite", "atomicMove", "metadata", "userMetadata", "glob", "rangeRead", "url"];
    for (const capability of named) expect(backend.capabilities.has(capability as never)).toBe(true);
    expect([...backend.capabilities].sort()).toEqual([...CAPABILITIES].sort());
    expect(() => (backend.capabilities as Set<string>).add("x")).toThrow(TypeError);
  });

  it("MEM-014 usedBytes reports the stored content bytes", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    expect(backend.usedBytes).toBe(0);
    await store.write("a", "héllo");
    await store.write("b/c", new Uint8Array(10));
    await store.write("b/d", [text.encode("12"), "345"]);
    expect(backend.usedBytes).toBe(6 + 10 + 5);
  });

  it("MEM-014 BE-009 close frees the tree; every later call rejects with BackendUnavailable; close is idempotent", async () => {
    const backend = new MemoryBackend({ name: "closing" });
    const store = new Store({ backend });
    await store.write("a/b.txt", "data");
    await backend.close();
    await backend.close();
    expect(backend.usedBytes).toBe(0);
    const range = { offset: 0, length: undefined };
    const options = { overwrite: true, contentType: "text/plain", metadata: undefined };
    const calls: Array<() => unknown> = [
      () => backend.exists("a"), () => backend.isFile("a/b.txt"), () => backend.isFolder("a"),
      () => backend.read("a/b.txt", range), () => backend.readBytes("a/b.txt", range),
      () => backend.write("n", new Uint8Array(1), options), () => backend.writeAtomic("n", new Uint8Array(1), options),
      () => backend.delete("a/b.txt", { missingOk: true }), () => backend.deleteFolder("a", { recursive: true, missingOk: true }),
      () => collect(backend.listFiles("", { maxDepth: Number.POSITIVE_INFINITY })), () => collect(backend.listFolders("", { maxDepth: 0 })),
      () => collect(backend.iterChildren("")), () => backend.getFileInfo("a/b.txt"), () => backend.getFolderInfo(""),
      () => backend.move("a/b.txt", "c", { overwrite: false }), () => backend.copy("a/b.txt", "c", { overwrite: false }),
      () => backend.url("a/b.txt"),
    ];
    for (const call of calls) {
      const error = await expectCode(call, "BACKEND_UNAVAILABLE", undefined);
      expect(error.backend).toBe("closing");
    }
  });

  it("MEM-002 writes, moves and copies create parents; emptied folders persist; non-recursive delete of a non-empty folder fails", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("w/x/f", "1");
    expect(await store.isFolder("w/x")).toBe(true);
    await store.move("w/x/f", "m/y/f");
    await store.copy("m/y/f", "c/z/f");
    expect(await store.isFolder("m/y")).toBe(true);
    expect(await store.isFolder("c/z")).toBe(true);
    expect(await store.isFolder("w/x")).toBe(true);
    await store.delete("c/z/f");
    expect(await store.isFolder("c/z")).toBe(true);
    await expectCode(store.deleteFolder("c"), "DIRECTORY_NOT_EMPTY", "c");
    await store.deleteFolder("c/z");
    await store.deleteFolder("c");
    expect(await store.exists("c")).toBe(false);
  });

  it("MEM-004 BE-006 stored content is immutable: mutating the source, a read result or a streamed chunk changes nothing", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const source = new Uint8Array([1, 2, 3]);
    await store.write("a", source);
    source[0] = 99;
    const read = await store.readBytes("a");
    read[1] = 99;
    expect(await store.readBytes("a")).toEqual(new Uint8Array([1, 2, 3]));
    const chunk = new Uint8Array([4, 5]);
    await store.write("b", (async function* () {
      yield chunk;
      chunk[0] = 99;
      yield new Uint8Array([6]);
    })());
    expect(await store.readBytes("b")).toEqual(new Uint8Array([4, 5, 6]));
  });

  it("MEM-004 ST-042 metadata given to the backend itself is kept as a frozen copy: changing the object later changes nothing", async () => {
    const backend = new MemoryBackend();
    const metadata: Record<string, string> = { owner: "ada" };
    const written = await backend.write("m.txt", new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata });
    metadata.owner = "mallory";
    const info = await backend.getFileInfo("m.txt");
    expect(info.metadata).toEqual({ owner: "ada" });
    expect(Object.isFrozen(info.metadata)).toBe(true);
    expect(written.metadata).toEqual({ owner: "ada" });
    expect(() => {
      (info.metadata as Record<string, string>).owner = "eve";
    }).toThrow(TypeError);
    expect((await backend.getFileInfo("m.txt")).metadata).toEqual({ owner: "ada" });
  });

  it("MEM-004 ST-082 a Store at the root hands out the backend's fresh frozen results: each call a new object, Date and metadata", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("f.txt", "x", { metadata: { k: "v" } });
    const first = await store.getFileInfo("f.txt");
    const second = await store.getFileInfo("f.txt");
    expect(first).not.toBe(second);
    expect(first.modifiedAt).not.toBe(second.modifiedAt);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.metadata)).toBe(true);
    expect(first.metadata).not.toBe(second.metadata);
    expect(second).toEqual(first);
    const unborn = await new Store({ backend: new MemoryBackend(), rootPath: "not/yet" }).getFolderInfo();
    expect(unborn).toEqual({ path: "", fileCount: 0, totalSize: 0 });
    expect(Object.isFrozen(unborn)).toBe(true);
  });

  it("MEM-004 an overwrite replaces content: a copy and an already opened read stream keep the old bytes", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("src", [text.encode("old-"), text.encode("content")]);
    await store.copy("src", "copy");
    const stream = await store.read("src");
    await store.write("src", "new", { overwrite: true });
    expect(await new Response(stream).text()).toBe("old-content");
    expect(await store.readText("copy")).toBe("old-content");
    expect(await store.readText("src")).toBe("new");
  });

  it("MEM-004 ranges of chunked content read back exactly", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("f", ["ab", "cde", "", "fgh"]);
    expect(await store.readText("f", { offset: 1, length: 5 })).toBe("bcdef");
    expect(await new Response(await store.read("f", { offset: 4 })).text()).toBe("efgh");
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("MemoryBackend folder operations and multipart uploads", () => {
  it("FOLD-020 moveFolder re-links the folder node (no file is touched) and is atomic; copyFolder shares each file's content", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    for (let i = 0; i < 60; i++) await store.write(`src/d${i % 6}/f${i}.txt`, `content ${i}`);
    expect([store.supports("moveFolder"), store.supports("copyFolder"), store.supports("atomicMoveFolder")]).toEqual([true, true, true]);
    const tree = backend.core.tree;
    const folder = tree.findPath("src");
    const relative = (await store.listFiles("src", { recursive: true }).toArray()).map((file) => file.path.slice("src/".length));
    const fileNodes = relative.map((path) => tree.findPath(`src/${path}`));
    await store.moveFolder("src", "a/b/moved");
    expect(tree.findPath("src")).toBeUndefined();
    expect(tree.findPath("a/b/moved")).toBe(folder);
    relative.forEach((path, i) => expect(tree.findPath(`a/b/moved/${path}`)).toBe(fileNodes[i]));
    await store.copyFolder("a/b/moved", "copy");
    for (const path of relative) {
      const original = tree.findPath(`a/b/moved/${path}`);
      const copied = tree.findPath(`copy/${path}`);
      expect(copied).not.toBe(original);
      expect(copied?.kind === "file" && original?.kind === "file" && copied.content === original.content).toBe(true);
    }
    expect(await store.readText(`copy/${relative[0]}`)).toBe(await store.readText(`a/b/moved/${relative[0]}`));
  });

  it("MP-010 each part is copied once as it arrives; completion assembles the parts by reference, copying no data", async () => {
    const backend = new MemoryBackend();
    const options = { overwrite: false, contentType: "application/octet-stream", metadata: undefined };
    const id = await backend.startMultipartUpload("big.bin", options);
    const first = new Uint8Array(1000).fill(1);
    const second = new Uint8Array(500).fill(2);
    const set = vi.spyOn(Uint8Array.prototype, "set");
    const slice = vi.spyOn(Uint8Array.prototype, "slice");
    try {
      const part2 = await backend.uploadPart(id, 2, second);
      expect(set.mock.calls.filter(([source]) => source === second)).toHaveLength(1);
      const part1 = await backend.uploadPart(id, 1, first);
      expect(set.mock.calls.filter(([source]) => source === first)).toHaveLength(1);
      first.fill(9);
      set.mockClear();
      slice.mockClear();
      await backend.completeMultipartUpload(id, [part2, part1]);
      expect(set).not.toHaveBeenCalled();
      expect(slice).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
      slice.mockRestore();
    }
    const node = backend.core.tree.findPath("big.bin");
    const chunks = node?.kind === "file" ? node.content : undefined;
    expect(chunks === undefined || chunks instanceof Uint8Array ? chunks : chunks.map((chunk) => chunk.length)).toEqual([1000, 500]);
    const bytes = await backend.readBytes("big.bin", { offset: 0, length: undefined });
    expect(bytes.length).toBe(1500);
    expect([bytes[0], bytes[999], bytes[1000], bytes[1499]]).toEqual([1, 1, 2, 2]);
  });
});
