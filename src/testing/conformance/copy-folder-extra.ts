import type { Store } from "../../store/store.js";
import { assert, assertDeepEqual } from "../assert.js";
import { expectAbsent } from "./support/checks.js";
import { filledBytes } from "./support/content.js";
import { expectRefusedBeforeIo, restrictedStore } from "./support/gated-backend.js";
import { captureTree, expectErrorAt, expectTreeUnchanged, seedStore } from "./support/tree.js";
import type { ConformanceCase } from "./types.js";

const area = "copy-folder" as const;

async function usage(store: Store): Promise<[number, number]> {
  const info = await store.getFolderInfo("");
  return [info.fileCount, info.totalSize];
}

/** spec/folders.md FOLD-014 (quota, native failures change nothing) and FOLD-030 / CAP-002 (what the fallback needs). */
export const copyFolderExtraCases: readonly ConformanceCase[] = [
  {
    id: "CONF-565",
    area,
    title: "a native copyFolder counts the copy's bytes (less a replaced destination's) against maxSize; over it is QuotaExceeded naming the destination, changing nothing",
    needs: ["copyFolder", "write", "read", "list", "metadata"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(20);
      await seedStore(store, { "s/a.bin": filledBytes(4, 1), "s/sub/b.bin": filledBytes(4, 2), "t/x.bin": filledBytes(2, 3) });
      await store.copyFolder("s", "c1");
      assertDeepEqual(await usage(store), [5, 18], "usage after a copy that fits");
      const before = await captureTree(store);
      await expectErrorAt(() => store.copyFolder("s", "c2"), "QUOTA_EXCEEDED", "c2", 'copyFolder("s", "c2")');
      await expectErrorAt(() => store.copyFolder("s", "deep/c3"), "QUOTA_EXCEEDED", "deep/c3", 'copyFolder("s", "deep/c3")');
      await expectErrorAt(() => store.copyFolder("s", "t", { overwrite: true }), "QUOTA_EXCEEDED", "t", 'copyFolder("s", "t", overwrite)');
      await expectTreeUnchanged(store, before, "the store after the refused copies");
      await expectAbsent(store, "deep");
      assertDeepEqual(await usage(store), [5, 18], "usage after the refused copies");
      await store.copyFolder("t", "c1", { overwrite: true });
      assertDeepEqual(await usage(store), [4, 12], "usage after replacing c1 by a smaller folder");
      await store.copyFolder("s", "t", { overwrite: true });
      assertDeepEqual(await usage(store), [5, 18], "usage after replacing t by a larger folder");
      await store.write("two.bin", filledBytes(2, 4));
      assertDeepEqual(await usage(store), [6, 20], "usage of the full store");
    },
  },
  {
    id: "CONF-566",
    area,
    title: "under a quota an overwriting copyFolder needs room only for the difference to the folder it replaces",
    needs: ["write", "read", "list", "copy", "delete", "metadata"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await seedStore(store, { "s/a.bin": filledBytes(3, 1), "d/x.bin": filledBytes(3, 2), "d/y.bin": filledBytes(3, 3) });
      await store.copyFolder("s", "d", { overwrite: true });
      assertDeepEqual(await usage(store), [2, 6], "usage after replacing d");
      await store.copyFolder("s", "e");
      assertDeepEqual(await usage(store), [3, 9], "usage after a second copy");
    },
  },
  {
    id: "CONF-567",
    area,
    title: "without native copyFolder, a Store lacking list or copy refuses copyFolder with CapabilityNotSupported naming it, before any I/O",
    needs: ["list", "copy"],
    run: async (ctx) => {
      for (const capability of ["list", "copy"] as const) {
        const { store, calls } = restrictedStore(ctx, ["copyFolder", capability]);
        assert(!store.supports("copyFolder"), "the restricted store still claims native copyFolder");
        await expectRefusedBeforeIo(() => store.copyFolder("a", "b"), capability, calls, `copyFolder without ${capability}`);
        await expectRefusedBeforeIo(() => store.copyFolder("a", "b", { overwrite: true }), capability, calls, `copyFolder(overwrite) without ${capability}`);
      }
    },
  },
];
