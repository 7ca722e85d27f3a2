import type { Store } from "../../store/store.js";
import { assert, assertDeepEqual, assertEqual } from "../assert.js";
import { expectAbsent, expectStoreFiles } from "./support/checks.js";
import { filledBytes } from "./support/content.js";
import { expectRefusedBeforeIo, restrictedStore } from "./support/gated-backend.js";
import { captureTree, expectErrorAt, expectReason, expectTreeUnchanged, seedStore } from "./support/tree.js";
import type { ConformanceCase } from "./types.js";

const area = "move-folder" as const;

async function usage(store: Store): Promise<[number, number]> {
  const info = await store.getFolderInfo("");
  return [info.fileCount, info.totalSize];
}

/** spec/folders.md FOLD-014 (atomicity, quota) and FOLD-030 / CAP-002 (what the fallback needs). */
export const moveFolderExtraCases: readonly ConformanceCase[] = [
  {
    id: "CONF-539",
    area,
    title: "with atomicMoveFolder (which implies moveFolder), every refused moveFolder leaves the whole store unchanged",
    needs: ["atomicMoveFolder", "write", "read", "list"],
    run: async (ctx) => {
      const store = ctx.store;
      assertEqual(store.supports("moveFolder"), true, "supports(moveFolder) when atomicMoveFolder is declared");
      await seedStore(store, { "s/a.txt": "a", "s/sub/b.txt": "b", "d/x.txt": "x", "f.txt": "f" });
      const before = await captureTree(store);
      const refused: [string, string, boolean, "INVALID_PATH" | "NOT_FOUND" | "ALREADY_EXISTS", string][] = [
        ["s", "s/in", true, "INVALID_PATH", "s/in"],
        ["s/sub", "s", true, "INVALID_PATH", "s"],
        ["missing", "d", true, "NOT_FOUND", "missing"],
        ["f.txt", "n", true, "INVALID_PATH", "f.txt"],
        ["s", "f.txt", true, "INVALID_PATH", "f.txt"],
        ["s", "f.txt/n", true, "INVALID_PATH", "f.txt/n"],
        ["s", "d", false, "ALREADY_EXISTS", "d"],
      ];
      for (const [src, dst, overwrite, code, path] of refused) {
        const label = `moveFolder(${JSON.stringify(src)}, ${JSON.stringify(dst)}, overwrite ${overwrite})`;
        await expectErrorAt(() => store.moveFolder(src, dst, { overwrite }), code, path, label);
        await expectTreeUnchanged(store, before, `the store after ${label}`);
      }
    },
  },
  {
    id: "CONF-540",
    area,
    title: "with atomicMoveFolder, of 4 concurrent moves of one folder exactly one wins and takes every file; the others are NotFound",
    needs: ["atomicMoveFolder", "write", "read", "list"],
    run: async (ctx) => {
      const store = ctx.store;
      await seedStore(store, { "c/a.txt": "a", "c/s/b.txt": "b", "c/s/t/c.txt": "c", "c/z.txt": "z" });
      const before = await captureTree(store, "c");
      const targets = ["t1", "t2", "t3", "t4"];
      const outcomes = await Promise.allSettled(targets.map((target) => store.moveFolder("c", target)));
      const winners = targets.filter((_, i) => outcomes[i]?.status === "fulfilled");
      assertEqual(winners.length, 1, `moves that succeeded (${winners.join(", ")})`);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") expectReason(outcome.reason, "NOT_FOUND", "c", "a losing moveFolder");
      }
      const winner = winners[0] as string;
      assertDeepEqual(await captureTree(store, winner), before, `the winner ${winner}`);
      for (const target of [...targets.filter((t) => t !== winner), "c"]) await expectAbsent(store, target);
    },
  },
  {
    id: "CONF-541",
    area,
    title: "under a quota moveFolder needs no extra room, and an overwriting moveFolder frees the replaced folder's bytes",
    needs: ["write", "read", "list", "move", "delete", "metadata"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await seedStore(store, { "s/a.bin": filledBytes(4, 1), "s/sub/b.bin": filledBytes(4, 2), "d/c.bin": filledBytes(2, 3) });
      assertDeepEqual(await usage(store), [3, 10], "usage of the full store");
      await store.moveFolder("s", "moved");
      assertDeepEqual(await usage(store), [3, 10], "usage after moving into a full store");
      await store.moveFolder("moved", "d", { overwrite: true });
      assertDeepEqual(await usage(store), [2, 8], "usage after replacing d");
      await store.write("new.bin", filledBytes(2, 4));
      await expectStoreFiles(store, ["d/a.bin", "d/sub/b.bin", "new.bin"]);
    },
  },
  {
    id: "CONF-542",
    area,
    title: "without native moveFolder, a Store lacking list, move or delete refuses moveFolder with CapabilityNotSupported naming it, before any I/O",
    needs: ["list", "move", "delete"],
    run: async (ctx) => {
      for (const capability of ["list", "move", "delete"] as const) {
        const { store, calls } = restrictedStore(ctx, ["moveFolder", "atomicMoveFolder", capability]);
        assert(!store.supports("moveFolder") && !store.supports("atomicMoveFolder"), "the restricted store still claims native moveFolder");
        await expectRefusedBeforeIo(() => store.moveFolder("a", "b"), capability, calls, `moveFolder without ${capability}`);
        await expectRefusedBeforeIo(() => store.moveFolder("a", "b", { overwrite: true }), capability, calls, `moveFolder(overwrite) without ${capability}`);
      }
    },
  },
];
