import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, isRemoteStoreError } from "../../../src/index.js";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A payload of `chunks` chunks of `size` bytes, every byte `fill`, arriving across event-loop turns. */
async function* slowPayload(fill: number, chunks: number, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < chunks; i++) {
    await tick();
    yield new Uint8Array(size).fill(fill);
  }
}

function isUniform(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === bytes[0]);
}

describe("MemoryBackend concurrency", { timeout: 60_000 }, () => {
  it("MEM-005 of 100 concurrent exclusive writers of one path exactly one succeeds; the others get AlreadyExists", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => store.write("race/one.bin", new Uint8Array([i]))));
    const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isRemoteStoreError(r.reason, "ALREADY_EXISTS")).toBe(true);
    expect(await store.readBytes("race/one.bin")).toEqual(new Uint8Array([winners[0] as number]));
  });

  it("MEM-005 exclusivity also holds for streamed writers whose content arrives interleaved", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const writers = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? store.write("s.bin", slowPayload(i, 3, 4)) : store.writeAtomic("s.bin", slowPayload(i, 2, 6))));
    const results = await Promise.allSettled(writers);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isRemoteStoreError(r.reason, "ALREADY_EXISTS")).toBe(true);
    const bytes = await store.readBytes("s.bin");
    expect(bytes.length === 12 && isUniform(bytes)).toBe(true);
  });

  it("MEM-005 concurrent reads during streamed overwrites never see a torn payload", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const size = 8 * 1024;
    await store.write("hot.bin", new Uint8Array(size).fill(1));
    const seen: Uint8Array[] = [];
    const writers = Array.from({ length: 10 }, async (_, i) => {
      for (let k = 0; k < 2 * i; k++) await tick();
      const write = i % 2 === 0 ? store.write.bind(store) : store.writeAtomic.bind(store);
      return write("hot.bin", slowPayload(i + 2, 8, size / 8), { overwrite: true });
    });
    const readers = Array.from({ length: 60 }, async (_, i) => {
      for (let k = 0; k < i % 30; k++) await tick();
      if (i % 2 === 0) seen.push(await store.readBytes("hot.bin"));
      else seen.push(new Uint8Array(await new Response(await store.read("hot.bin")).arrayBuffer()));
    });
    await Promise.all([...writers, ...readers]);
    expect(seen).toHaveLength(60);
    for (const bytes of seen) {
      expect(bytes.length).toBe(size);
      expect(isUniform(bytes)).toBe(true);
    }
    // Reads happened before, between and after the overwrites.
    expect(new Set(seen.map((bytes) => bytes[0])).size).toBeGreaterThan(2);
    const final = await store.readBytes("hot.bin");
    expect(isUniform(final) && final.length === size && final[0] !== 1).toBe(true);
  });

  it("MEM-005 a streamed write is invisible until its content has arrived: no file, no parent folders", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const observed: boolean[] = [];
    async function* watching(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 3; i++) {
        observed.push(await store.exists("new"), await store.exists("new/dir/f"));
        yield new Uint8Array([i]);
      }
    }
    await store.writeAtomic("new/dir/f", watching());
    expect(observed).toEqual([false, false, false, false, false, false]);
    expect(await store.readBytes("new/dir/f")).toEqual(new Uint8Array([0, 1, 2]));
  });

  it("MEM-005 BE-006 a failing chunk source leaves the previous content in place", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("keep", "previous");
    const boom = new Error("source failed");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1, 2]);
      throw boom;
    }
    await expect(store.writeAtomic("keep", failing(), { overwrite: true })).rejects.toBe(boom);
    expect(await store.readText("keep")).toBe("previous");
  });

  it("MEM-004 a 64 MiB write streamed in 1 MiB chunks round-trips", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    const mib = 1 << 20;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 64; i++) yield new Uint8Array(mib).fill(i);
    }
    const result = await store.write("big.bin", chunks());
    expect(result.size).toBe(64 * mib);
    expect(backend.usedBytes).toBe(64 * mib);
    const reader = (await store.read("big.bin")).getReader();
    let position = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      expect(value.length).toBeLessThanOrEqual(mib);
      const first = Math.floor(position / mib);
      const last = Math.floor((position + value.length - 1) / mib);
      expect([value[0], value[value.length - 1]]).toEqual([first, last]);
      position += value.length;
    }
    expect(position).toBe(64 * mib);
    const middle = await store.readBytes("big.bin", { offset: 10 * mib - 2, length: 4 });
    expect(middle).toEqual(new Uint8Array([9, 9, 10, 10]));
  });
});
