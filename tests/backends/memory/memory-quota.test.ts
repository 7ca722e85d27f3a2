import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../../src/index.js";
import { expectCode } from "../../errors/expect-code.js";
import { snapshotTree } from "../../store/support/snapshot.js";

function quotaStore(maxSize: number, rootPath = "q"): { backend: MemoryBackend; store: Store } {
  const backend = new MemoryBackend({ maxSize });
  return { backend, store: new Store({ backend, rootPath }) };
}

const bytes = (n: number, fill = 1): Uint8Array => new Uint8Array(n).fill(fill);

describe("MemoryBackend quota", () => {
  it("MEM-010 the limit is inclusive: exactly maxSize fits, one byte more does not", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("a", bytes(4));
    await store.write("b", bytes(6));
    expect(backend.usedBytes).toBe(10);
    await expectCode(store.write("c", bytes(1)), "QUOTA_EXCEEDED", "c");
    await store.write("empty", new Uint8Array(0));
    expect(backend.usedBytes).toBe(10);
  });

  it("MEM-010 maxSize 0 accepts only empty files", async () => {
    const { store } = quotaStore(0);
    await store.write("empty", "");
    await expectCode(store.write("x", "1"), "QUOTA_EXCEEDED", "x");
  });

  it("MEM-010 QuotaExceeded leaves everything unchanged: no file, no parent folders, same usedBytes", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("keep", bytes(7));
    const before = await snapshotTree(backend);
    await expectCode(store.write("new/deep/f", bytes(4)), "QUOTA_EXCEEDED", "new/deep/f");
    await expectCode(store.writeAtomic("new/deep/f", bytes(4)), "QUOTA_EXCEEDED", "new/deep/f");
    await expectCode(store.write("keep", bytes(11), { overwrite: true }), "QUOTA_EXCEEDED", "keep");
    expect(await snapshotTree(backend)).toEqual(before);
    expect(backend.usedBytes).toBe(7);
    expect(await store.exists("new")).toBe(false);
  });

  it("MEM-010 an overwrite counts only the new size", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("f", bytes(8));
    await store.write("f", bytes(10, 2), { overwrite: true });
    expect(backend.usedBytes).toBe(10);
    await store.write("f", bytes(3), { overwrite: true });
    expect(backend.usedBytes).toBe(3);
  });

  it("MEM-010 a streamed overwrite also counts only the new size", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("f", bytes(8));
    await store.write("f", [bytes(5), bytes(5)], { overwrite: true });
    expect(backend.usedBytes).toBe(10);
  });

  it("MEM-010 a copy counts the copy's size; over the limit nothing changes", async () => {
    const { backend, store } = quotaStore(12);
    await store.write("src", bytes(6));
    await store.copy("src", "dup/one");
    expect(backend.usedBytes).toBe(12);
    const before = await snapshotTree(backend);
    await expectCode(store.copy("src", "more/two"), "QUOTA_EXCEEDED", "more/two");
    expect(await snapshotTree(backend)).toEqual(before);
    expect(backend.usedBytes).toBe(12);
  });

  it("MEM-010 a copy over an existing file counts the new size minus the old", async () => {
    const { backend, store } = quotaStore(12);
    await store.write("src", bytes(6));
    await store.write("dst", bytes(6, 2));
    await store.copy("src", "dst", { overwrite: true });
    expect(backend.usedBytes).toBe(12);
    expect(await store.readBytes("dst")).toEqual(bytes(6));
  });

  it("MEM-010 a move changes nothing in the accounting, even at the limit", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("a", bytes(6));
    await store.write("c", bytes(4));
    await store.move("a", "elsewhere/b");
    expect(backend.usedBytes).toBe(10);
    await store.move("c", "elsewhere/b", { overwrite: true });
    expect(backend.usedBytes).toBe(4);
    expect(backend.usedBytes).toBe(await sumOfFiles(store));
  });

  it("MEM-010 delete and recursive deleteFolder free their bytes", async () => {
    const { backend, store } = quotaStore(10);
    await store.write("a", bytes(4));
    await store.write("dir/b", bytes(3));
    await store.write("dir/sub/c", bytes(3));
    await store.delete("a");
    expect(backend.usedBytes).toBe(6);
    await store.deleteFolder("dir", { recursive: true });
    expect(backend.usedBytes).toBe(0);
    await store.write("big", bytes(10));
    expect(backend.usedBytes).toBe(10);
  });

  it("MEM-010 a streamed write over the limit is abandoned early and leaves no trace", async () => {
    const { backend, store } = quotaStore(10 * 1024);
    await store.write("existing", bytes(100));
    let pulled = 0;
    let cleanedUp = false;
    async function* thousandKiB(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield bytes(1024);
        }
      } finally {
        cleanedUp = true;
      }
    }
    const before = await snapshotTree(backend);
    await expectCode(store.write("stream/big.bin", thousandKiB()), "QUOTA_EXCEEDED", "stream/big.bin");
    expect(pulled).toBeLessThan(20);
    expect(cleanedUp).toBe(true);
    expect(await snapshotTree(backend)).toEqual(before);
    expect(backend.usedBytes).toBe(100);
  });

  it("MEM-010 a ReadableStream over the limit is cancelled early", async () => {
    const { backend, store } = quotaStore(4096);
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(bytes(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expectCode(store.writeAtomic("s", stream), "QUOTA_EXCEEDED", "s");
    expect(pulled).toBeLessThan(20);
    expect(cancelled).toBe(true);
    expect(backend.usedBytes).toBe(0);
  });

  it("MEM-010 QuotaExceeded carries the store-relative path and the backend name", async () => {
    const { backend, store } = quotaStore(1, "deep/root");
    const error = await expectCode(store.write("x/y", "too big"), "QUOTA_EXCEEDED", "x/y");
    expect(error.backend).toBe(backend.name);
  });
});

async function sumOfFiles(store: Store): Promise<number> {
  let total = 0;
  for await (const file of store.listFiles("", { recursive: true })) total += file.size;
  return total;
}
