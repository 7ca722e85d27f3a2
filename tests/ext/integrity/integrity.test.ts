import { createHash } from "node:crypto";
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { checksum, createDigest, digestStream, DIGEST_ALGORITHMS, verify } from "../../../src/ext/integrity/index.js";
import { MemoryBackend, Store } from "../../../src/index.js";
import { localStore, memoryStore, wrapBackend } from "../support/backends.js";
import { expectCode, expectRangeError, expectTypeError } from "../support/expect.js";

const nodeName = { sha256: "sha256", sha1: "sha1", md5: "md5" } as const;

function reference(algorithm: keyof typeof nodeName, bytes: Uint8Array): string {
  return createHash(nodeName[algorithm]).update(bytes).digest("hex");
}

function pseudoRandom(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("integrity", () => {
  it("INT-001 the algorithms are sha256 (default), sha1 and md5", async () => {
    expect(DIGEST_ALGORITHMS).toEqual(["sha256", "sha1", "md5"]);
    const store = memoryStore();
    await store.write("a.txt", "abc");
    expect(await checksum(store, "a.txt")).toBe(reference("sha256", new TextEncoder().encode("abc")));
  });

  it("INT-001 a non-string algorithm is a TypeError, an unknown one a RangeError, before any I/O", async () => {
    const store = memoryStore();
    await expectTypeError(() => checksum(store, "missing", { algorithm: 5 as never }), "algorithm");
    await expectRangeError(() => checksum(store, "missing", { algorithm: "SHA-256" as never }));
    await expectRangeError(() => checksum(store, "missing", { algorithm: "crc32" as never }));
    expect(() => createDigest("sha512" as never)).toThrow(RangeError);
    await expectTypeError(() => checksum(store, "missing", "sha1" as never), "options");
  });

  it("INT-002 digests equal node:crypto for every algorithm, empty and multi-chunk files", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend: wrapBackend(backend, { chunkSize: 1000 }) });
    const cases = { "empty.bin": new Uint8Array(0), "one.bin": new Uint8Array([7]), "big.bin": pseudoRandom(3 * 1024 * 1024 + 17) };
    for (const [path, bytes] of Object.entries(cases)) await store.write(path, bytes);
    for (const algorithm of DIGEST_ALGORITHMS) {
      for (const [path, bytes] of Object.entries(cases)) {
        const hex = await checksum(store, path, { algorithm });
        expect(hex).toBe(reference(algorithm, bytes));
        expect(hex).toMatch(/^[0-9a-f]+$/);
      }
    }
  });

  it("INT-002 works the same on local disk", async () => {
    const store = await localStore();
    const bytes = pseudoRandom(200_000, 7);
    await store.write("dir/file.bin", bytes);
    for (const algorithm of DIGEST_ALGORITHMS) expect(await checksum(store, "dir/file.bin", { algorithm })).toBe(reference(algorithm, bytes));
    expect(await verify(store, "dir/file.bin", reference("md5", bytes).toUpperCase(), { algorithm: "md5" })).toBe(true);
  });

  propTest.prop([fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom(...DIGEST_ALGORITHMS)], { numRuns: 60 })(
    "INT-002 the digest does not depend on how the content is chunked",
    async (bytes, chunk, algorithm) => {
      const store = new Store({ backend: wrapBackend(new MemoryBackend(), { chunkSize: chunk }) });
      await store.write("f", bytes);
      expect(await checksum(store, "f", { algorithm })).toBe(reference(algorithm, bytes));
    },
  );

  it("INT-003 checksum streams: readBytes is never called", async () => {
    const wrapped = wrapBackend(new MemoryBackend(), { chunkSize: 64 * 1024 });
    const store = new Store({ backend: wrapped });
    const bytes = pseudoRandom(1024 * 1024);
    await store.write("f.bin", bytes);
    expect(await checksum(store, "f.bin")).toBe(reference("sha256", bytes));
    expect(await verify(store, "f.bin", reference("sha256", bytes))).toBe(true);
    expect(wrapped.readBytesCalls).toBe(0);
  });

  it("INT-004 errors are the Store's: NotFound, InvalidPath for folders and the root, CapabilityNotSupported", async () => {
    const store = memoryStore();
    await store.write("dir/f.txt", "x");
    await expectCode(() => checksum(store, "nope.txt"), "NOT_FOUND", "nope.txt");
    await expectCode(() => checksum(store, "dir"), "INVALID_PATH", "dir");
    await expectCode(() => checksum(store, ""), "INVALID_PATH", "");
    await expectCode(() => checksum(store, "a/../b"), "INVALID_PATH");
    await expectTypeError(() => checksum(store, 42 as never), "path");
    await expectTypeError(() => checksum({} as never, "f"), "store");
    const noRead = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["read"] }) });
    await expectCode(() => checksum(noRead, "f"), "CAPABILITY_NOT_SUPPORTED");
    await expectCode(() => verify(noRead, "f", "0".repeat(64)), "CAPABILITY_NOT_SUPPORTED");
  });

  it("INT-004 a stream that fails part-way rejects with its error", async () => {
    const store = new Store({ backend: wrapBackend(new MemoryBackend(), { failReads: { afterBytes: 100 } }) });
    await store.write("f.bin", pseudoRandom(1000));
    await expectCode(() => checksum(store, "f.bin"), "BACKEND_UNAVAILABLE");
  });

  it("INT-005 verify compares case-insensitively and reports mismatches as false", async () => {
    const store = memoryStore();
    await store.write("a.txt", "hello");
    const bytes = new TextEncoder().encode("hello");
    for (const algorithm of DIGEST_ALGORITHMS) {
      const hex = reference(algorithm, bytes);
      expect(await verify(store, "a.txt", hex, { algorithm })).toBe(true);
      expect(await verify(store, "a.txt", hex.toUpperCase(), { algorithm })).toBe(true);
      const wrong = (hex[0] === "0" ? "1" : "0") + hex.slice(1);
      expect(await verify(store, "a.txt", wrong, { algorithm })).toBe(false);
    }
  });

  it("INT-005 an expected digest of the wrong shape is a RangeError, a non-string a TypeError", async () => {
    const store = memoryStore();
    await store.write("a.txt", "hello");
    const sha1 = reference("sha1", new TextEncoder().encode("hello"));
    await expectRangeError(() => verify(store, "a.txt", sha1));
    await expectRangeError(() => verify(store, "a.txt", "zz".repeat(32)));
    await expectRangeError(() => verify(store, "a.txt", ""));
    await expectTypeError(() => verify(store, "a.txt", 12 as never), "expected");
    await expectCode(() => verify(store, "missing.txt", "0".repeat(64)), "NOT_FOUND", "missing.txt");
  });

  it("INT-006 digestStream hashes streams and (async) iterables; createDigest is incremental and finishes once", async () => {
    const parts = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array(0)];
    const whole = new Uint8Array([1, 2, 3]);
    expect(await digestStream(parts, { algorithm: "md5" })).toBe(reference("md5", whole));
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield* parts;
    }
    expect(await digestStream(generate())).toBe(reference("sha256", whole));
    expect(await digestStream(new Blob([whole]).stream())).toBe(reference("sha256", whole));
    await expectTypeError(() => digestStream(["text"] as never), "chunks");
    await expectTypeError(() => digestStream(42 as never), "source");
    const digest = createDigest("sha1").update(whole.subarray(0, 1)).update(whole.subarray(1));
    expect(digest.algorithm).toBe("sha1");
    expect(digest.hex()).toBe(reference("sha1", whole));
    expect(() => digest.hex()).toThrow(TypeError);
    expect(() => digest.update(whole)).toThrow(TypeError);
  });

  it("INT-007 checksum and verify change nothing", async () => {
    const store = memoryStore();
    await store.write("a/b.txt", "x");
    const before = await store.getFileInfo("a/b.txt");
    await checksum(store, "a/b.txt");
    await verify(store, "a/b.txt", "0".repeat(64));
    expect(await store.getFileInfo("a/b.txt")).toEqual(before);
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["a/b.txt"]);
  });
});
