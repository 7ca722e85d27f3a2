import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, SyncStore, isRemoteStoreError } from "../../src/index.js";
import { expectCode, expectSyncCode } from "../errors/expect-code.js";
import { ForwardingBackend } from "./support/forwarding-backend.js";

/** A memory backend whose clock ticks one second per stamp, so two of them stamp alike. */
function ticking(name: string): MemoryBackend {
  let tick = Date.UTC(2024, 0, 1);
  return new MemoryBackend({ name, clock: () => new Date((tick += 1000)) });
}

/** What a call gave: its value, or its error's class, code and path. */
type Outcome = { readonly value: unknown } | { readonly error: { readonly name: string; readonly code?: string; readonly path?: string } };

function describeError(error: unknown): Outcome {
  if (isRemoteStoreError(error)) return { error: { name: error.name, code: error.code, ...(error.path === undefined ? {} : { path: error.path }) } };
  return { error: { name: error instanceof Error ? error.name : typeof error } };
}

function syncOutcome(call: () => unknown): Outcome {
  try {
    return { value: call() };
  } catch (error) {
    return describeError(error);
  }
}

async function asyncOutcome(call: () => unknown): Promise<Outcome> {
  try {
    const result = call();
    if (result instanceof Promise) return { value: await (result as Promise<unknown>) };
    if (Array.isArray(result)) return { value: await Promise.all(result) };
    // A Listing: collected, as SyncStore returns arrays.
    return { value: await (result as { toArray(): Promise<unknown> }).toArray() };
  } catch (error) {
    return describeError(error);
  }
}

/** One operation on both APIs. `readBytes` results are compared as text. */
interface Step {
  readonly label: string;
  readonly sync: (store: SyncStore) => unknown;
  readonly async: (store: Store) => unknown;
}

type Method = "write" | "writeText" | "exists" | "isFile" | "isFolder" | "readText" | "getFileInfo" | "getFolderInfo" | "createFolder" | "copy" | "move" | "listFiles" | "listFolders" | "iterChildren" | "delete" | "deleteFolder";
/** The methods both APIs share, called with SyncStore's arguments (which Store accepts too). */
type Both = { readonly [K in Method]: (...args: Parameters<SyncStore[K]>) => unknown };

const step = (label: string, call: (store: Both) => unknown): Step => ({
  label,
  sync: (store) => call(store),
  async: (store) => call(store),
});

/** A script over every SyncStore method, with successes and failures of each. */
const SCRIPT: readonly Step[] = [
  step("write", (s) => s.write("a/b.txt", "hello", { metadata: { k: "v" } })),
  step("write again", (s) => s.write("a/b.txt", "again")),
  step("write over", (s) => s.write("a/b.txt", "hello!", { overwrite: true, contentType: "text/x-note" })),
  step("write below a file", (s) => s.write("a/b.txt/c", "x")),
  step("write on a folder", (s) => s.write("a", "x", { overwrite: true })),
  step("write ..", (s) => s.write("../out.txt", "x")),
  step("writeText", (s) => s.writeText("t.md", "# t")),
  step("exists", (s) => [s.exists("a"), s.exists("a/b.txt"), s.exists("nope"), s.exists("")]),
  step("isFile", (s) => [s.isFile("a"), s.isFile("a/b.txt"), s.isFile("a/b.txt/x"), s.isFile("")]),
  step("isFolder", (s) => [s.isFolder("a"), s.isFolder("a/b.txt"), s.isFolder("")]),
  step("readText range", (s) => s.readText("a/b.txt", { offset: 1, length: 3 })),
  step("readText missing", (s) => s.readText("a/missing.txt")),
  step("readText folder", (s) => s.readText("a")),
  step("getFileInfo", (s) => s.getFileInfo("a/b.txt")),
  step("getFileInfo missing", (s) => s.getFileInfo("zz")),
  step("getFolderInfo", (s) => s.getFolderInfo("")),
  step("createFolder", (s) => s.createFolder("e/f")),
  step("createFolder again", (s) => s.createFolder("e/f")),
  step("createFolder existOk", (s) => s.createFolder("e/f", { existOk: true })),
  step("copy", (s) => s.copy("a/b.txt", "c/copy.txt")),
  step("copy onto a file", (s) => s.copy("t.md", "c/copy.txt")),
  step("move", (s) => s.move("t.md", "e/t.md")),
  step("move missing", (s) => s.move("t.md", "e/t2.md")),
  step("listFiles", (s) => s.listFiles("", { recursive: true })),
  step("listFolders", (s) => s.listFolders("", { recursive: true })),
  step("iterChildren", (s) => s.iterChildren("")),
  step("listFiles of a file", (s) => s.listFiles("a/b.txt")),
  step("delete", (s) => s.delete("c/copy.txt")),
  step("delete a folder", (s) => s.delete("e")),
  step("delete missingOk", (s) => s.delete("c/copy.txt", { missingOk: true })),
  step("deleteFolder non-empty", (s) => s.deleteFolder("e")),
  step("deleteFolder recursive", (s) => s.deleteFolder("e", { recursive: true })),
  step("deleteFolder root", (s) => s.deleteFolder("")),
  step("bad option", (s) => s.write("o.txt", "x", { overwrite: "yes" as never })),
  step("final tree", (s) => s.listFiles("", { recursive: true })),
];

describe("SyncStore", () => {
  it("SYNC-001 needs a backend with a synchronous face (a MemoryBackend): any other backend, or none, is a TypeError", () => {
    expect(() => new SyncStore({ backend: new ForwardingBackend() as unknown as MemoryBackend })).toThrow(TypeError);
    expect(() => new SyncStore({} as never)).toThrow(TypeError);
    expect(() => SyncStore.of(new Store({ backend: new ForwardingBackend() }))).toThrow(TypeError);
  });

  it("SYNC-001 shares the tree with async Stores on the same backend: writes are visible through the other at once", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend, rootPath: "root" });
    const sync = SyncStore.of(store);
    expect(sync.rootPath).toBe("root");
    sync.write("from-sync.txt", "s");
    expect(await store.readText("from-sync.txt")).toBe("s");
    await store.write("from-async.txt", "a");
    expect(sync.readText("from-async.txt")).toBe("a");
    await store.delete("from-sync.txt");
    expect(sync.exists("from-sync.txt")).toBe(false);
    expect(new SyncStore({ backend }).isFile("root/from-async.txt")).toBe(true);
  });

  it("SYNC-002 returns values, not Promises, and throws synchronously with the store-relative path", () => {
    const sync = new SyncStore({ backend: new MemoryBackend(), rootPath: "deep/root" });
    const written = sync.write("d/f.txt", "x");
    expect(written).not.toBeInstanceOf(Promise);
    expect(written.path).toBe("d/f.txt");
    expect(Object.isFrozen(written)).toBe(true);
    expect(Array.isArray(sync.listFiles("", { recursive: true }))).toBe(true);
    let thrown: unknown;
    try {
      sync.readText("d/missing.txt");
    } catch (error) {
      thrown = error;
    }
    expect(isRemoteStoreError(thrown, "NOT_FOUND")).toBe(true);
    expect(thrown).toMatchObject({ code: "NOT_FOUND", path: "d/missing.txt" });
    expect(String((thrown as Error).message)).not.toContain("deep/root");
  });

  it("SYNC-002 SYNC-004 every method gives what the async Store gives for the same calls (values, frozen results, errors)", async () => {
    const sync = new SyncStore({ backend: ticking("twin"), rootPath: "r" });
    const store = new Store({ backend: ticking("twin"), rootPath: "r" });
    const child = { sync: sync.child("a"), async: store.child("a") };
    for (const { label, sync: callSync, async: callAsync } of SCRIPT) {
      const expected = await asyncOutcome(() => callAsync(store));
      const actual = syncOutcome(() => callSync(sync));
      expect(actual, label).toEqual(expected);
      if ("value" in actual && typeof actual.value === "object" && actual.value !== null) {
        expect(Object.isFrozen(actual.value), `${label}: frozen`).toBe(Object.isFrozen((expected as { value: object }).value));
      }
    }
    expect(child.sync.listFiles("")).toEqual(await child.async.listFiles("").toArray());
    expect(sync.readBytes("a/b.txt")).toEqual(await store.readBytes("a/b.txt"));
  });

  it("SYNC-002 bad paths and options throw synchronously, as the Store's listing methods do", async () => {
    const sync = new SyncStore({ backend: new MemoryBackend() });
    await expectSyncCode(() => sync.readText("../x"), "INVALID_PATH", "../x");
    await expectSyncCode(() => sync.delete(""), "INVALID_PATH", "");
    expect(() => sync.listFiles("", { maxDepth: -1 })).toThrow(RangeError);
    expect(() => sync.write("a.txt", "x", { overwrite: 1 as never })).toThrow(TypeError);
    await expectCode(() => sync.child("..").exists(""), "INVALID_PATH", "..");
  });

  it("SYNC-003 write takes Uint8Array, ArrayBuffer, any ArrayBufferView or a string, and copies the bytes", () => {
    const sync = new SyncStore({ backend: new MemoryBackend() });
    const bytes = new Uint8Array([104, 105]);
    sync.write("u8", bytes);
    bytes[0] = 0;
    expect(sync.readText("u8")).toBe("hi");
    const buffer = new Uint8Array([111, 107]).buffer;
    sync.write("ab", buffer);
    new Uint8Array(buffer)[0] = 0;
    expect(sync.readText("ab")).toBe("ok");
    const backing = new Uint8Array([0, 120, 121, 0]);
    sync.write("view", new DataView(backing.buffer, 1, 2));
    backing[1] = 0;
    expect(sync.readText("view")).toBe("xy");
    sync.write("u16", new Uint16Array([0x6968]));
    expect(sync.readBytes("u16")).toEqual(new Uint8Array(new Uint16Array([0x6968]).buffer));
    sync.write("text", "héllo");
    expect(sync.readText("text")).toBe("héllo");
  });

  it("SYNC-003 MEM-004 a Uint8Array subclass whose slice shares memory is copied; reads are plain copies", async () => {
    class SharingSlice extends Uint8Array {
      override slice(start?: number, end?: number): SharingSlice {
        return this.subarray(start, end);
      }
    }
    const backend = new MemoryBackend();
    const sync = new SyncStore({ backend });
    const caller = new SharingSlice([104, 101, 108, 108, 111]);
    sync.write("a.txt", caller);
    caller[0] = 0x21;
    expect(sync.readText("a.txt")).toBe("hello");
    const read = sync.readBytes("a.txt");
    expect(read.constructor).toBe(Uint8Array);
    read[0] = 0x58;
    const asyncRead = await new Store({ backend }).readBytes("a.txt");
    expect(asyncRead.constructor).toBe(Uint8Array);
    asyncRead[1] = 0x59;
    expect(sync.readText("a.txt")).toBe("hello");
    expect(read.buffer).not.toBe(asyncRead.buffer);
  });

  it("SYNC-003 streams, numbers and other content are a TypeError, and nothing is written", () => {
    const sync = new SyncStore({ backend: new MemoryBackend() });
    const stream = new ReadableStream<Uint8Array>();
    for (const content of [stream, 42, null, undefined, { length: 2 }, [1, 2]]) {
      expect(() => sync.write("bad.bin", content as never)).toThrow(TypeError);
    }
    expect(sync.exists("bad.bin")).toBe(false);
    expect(() => sync.writeText("t.txt", new Uint8Array(1) as never)).toThrow(TypeError);
    expect(sync.exists("t.txt")).toBe(false);
  });
});

describe("SyncStore.readText", () => {
  it("SYNC-002 ST-024 readText with fatal: invalid bytes throw a TypeError naming the store-relative path, as the Store's readText rejects", () => {
    const sync = new SyncStore({ backend: new MemoryBackend(), rootPath: "secret/root" });
    sync.write("dir/bad.txt", new Uint8Array([0x61, 0xff, 0x62]));
    let thrown: unknown;
    try {
      sync.readText("dir/bad.txt", { fatal: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('The content of "dir/bad.txt" is not valid utf-8');
    expect((thrown as Error & { cause?: unknown }).cause).toBeInstanceOf(TypeError);
    expect(sync.readText("dir/bad.txt")).toBe("a\uFFFDb");
    expect(() => sync.readText("dir/bad.txt", { fatal: "yes" as never })).toThrow(/fatal/);
  });
});
