import type { Store } from "../../store/store.js";
import { assertDeepEqual, expectAnyError, expectError } from "../assert.js";
import { chunksOf, failingStream, filledBytes, slowIterable, streamOf } from "./support/content.js";
import { expectAbsent, expectContent, expectStoreFiles, expectStoreFolders } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "quota" as const;

async function usage(store: Store): Promise<[number, number]> {
  const info = await store.getFolderInfo("");
  return [info.fileCount, info.totalSize];
}

const NEEDS = ["write", "read", "list", "metadata"] as const;

/** spec/memory-backend.md MEM-010: `maxSize` (inclusive, content bytes only), and every way a write can slip past a quota. Needs `createWithQuota`. */
export const quotaCases: readonly ConformanceCase[] = [
  {
    id: "CONF-365",
    area,
    title: "exactly maxSize fits; one byte more is QuotaExceeded with the path written",
    needs: [...NEEDS],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(6, 1));
      await store.write("b.txt", filledBytes(4, 2));
      await expectError(() => store.write("c.txt", filledBytes(1, 3)), "QUOTA_EXCEEDED", "c.txt");
      await store.write("empty.txt", new Uint8Array(0));
      assertDeepEqual(await usage(store), [3, 10], "usage");
    },
  },
  {
    id: "CONF-366",
    area,
    title: "QuotaExceeded changes nothing: no file, no parent folders, same counts",
    needs: [...NEEDS],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("keep/a.txt", filledBytes(8, 1));
      await expectError(() => store.write("new/deep/big.txt", filledBytes(3, 2)), "QUOTA_EXCEEDED", "new/deep/big.txt");
      await expectAbsent(store, "new");
      await expectStoreFiles(store, ["keep/a.txt"]);
      await expectStoreFolders(store, ["keep"]);
      assertDeepEqual(await usage(store), [1, 8], "usage after the refused write");
    },
  },
  {
    id: "CONF-367",
    area,
    title: "an overwrite counts only the new size; a refused overwrite keeps the old content",
    needs: [...NEEDS],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(8, 1));
      await store.write("a.txt", filledBytes(10, 2), { overwrite: true });
      await expectError(() => store.write("a.txt", filledBytes(11, 3), { overwrite: true }), "QUOTA_EXCEEDED", "a.txt");
      await expectContent(store, "a.txt", filledBytes(10, 2));
      assertDeepEqual(await usage(store), [1, 10], "usage");
    },
  },
  {
    id: "CONF-368",
    area,
    title: "copy counts: a copy over the limit is QuotaExceeded for the destination, changing nothing",
    needs: [...NEEDS, "copy"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(6, 1));
      await expectError(() => store.copy("a.txt", "sub/b.txt"), "QUOTA_EXCEEDED", "sub/b.txt");
      await expectAbsent(store, "sub");
      assertDeepEqual(await usage(store), [1, 6], "usage after the refused copy");
      await store.write("small.txt", filledBytes(4, 2));
      assertDeepEqual(await usage(store), [2, 10], "usage after filling up");
    },
  },
  {
    id: "CONF-369",
    area,
    title: "an overwriting copy counts only the new size",
    needs: [...NEEDS, "copy"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(4, 1));
      await store.write("b.txt", filledBytes(6, 2));
      await store.copy("a.txt", "b.txt", { overwrite: true });
      assertDeepEqual(await usage(store), [2, 8], "usage after an overwriting copy");
      await expectContent(store, "b.txt", filledBytes(4, 1));
    },
  },
  {
    id: "CONF-370",
    area,
    title: "delete frees its bytes",
    needs: [...NEEDS, "delete"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(10, 1));
      await store.delete("a.txt");
      await store.write("b.txt", filledBytes(10, 2));
      assertDeepEqual(await usage(store), [1, 10], "usage");
    },
  },
  {
    id: "CONF-371",
    area,
    title: "a recursive deleteFolder frees every byte below it",
    needs: [...NEEDS, "delete"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("d/a.txt", filledBytes(5, 1));
      await store.write("d/s/b.txt", filledBytes(5, 2));
      await store.deleteFolder("d", { recursive: true });
      await store.write("c.txt", filledBytes(10, 3));
      assertDeepEqual(await usage(store), [1, 10], "usage");
    },
  },
  {
    id: "CONF-372",
    area,
    title: "move needs no extra room, and an overwriting move frees the replaced file",
    needs: [...NEEDS, "move"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(5, 1));
      await store.write("b.txt", filledBytes(5, 2));
      await store.move("a.txt", "moved/a.txt");
      await store.move("moved/a.txt", "b.txt", { overwrite: true });
      assertDeepEqual(await usage(store), [1, 5], "usage after moves");
      await store.write("c.txt", filledBytes(5, 3));
      assertDeepEqual(await usage(store), [2, 10], "usage after filling up");
    },
  },
  {
    id: "CONF-373",
    area,
    title: "a failed streamed write leaves the accounting untouched",
    needs: [...NEEDS],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await expectAnyError(() => store.write("f.txt", failingStream([filledBytes(4, 1), filledBytes(4, 1)])));
      await store.write("full.txt", filledBytes(10, 2));
      assertDeepEqual(await usage(store), [1, 10], "usage");
    },
  },
  {
    id: "CONF-374",
    area,
    title: "a streamed write that outgrows the quota is QuotaExceeded and leaves no partial file",
    needs: [...NEEDS],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.txt", filledBytes(2, 1));
      await expectError(() => store.write("s/big.bin", streamOf(chunksOf(filledBytes(20, 2), 3))), "QUOTA_EXCEEDED", "s/big.bin");
      await expectError(() => store.write("s/big2.bin", slowIterable(chunksOf(filledBytes(9, 2), 4))), "QUOTA_EXCEEDED", "s/big2.bin");
      await expectStoreFiles(store, ["a.txt"]);
      await expectStoreFolders(store, []);
      assertDeepEqual(await usage(store), [1, 2], "usage");
    },
  },
  {
    id: "CONF-375",
    area,
    title: "writeAtomic obeys the quota too, and its QuotaExceeded path is the normalised path passed",
    needs: [...NEEDS, "atomicWrite"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.writeAtomic("a.txt", filledBytes(10, 1));
      await expectError(() => store.writeAtomic("/q//b.txt", filledBytes(1, 2)), "QUOTA_EXCEEDED", "q/b.txt");
      await expectError(() => store.writeAtomic("a.txt", filledBytes(11, 3), { overwrite: true }), "QUOTA_EXCEEDED", "a.txt");
      await expectContent(store, "a.txt", filledBytes(10, 1));
      assertDeepEqual(await usage(store), [1, 10], "usage");
    },
  },
];
