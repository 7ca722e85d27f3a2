import { assert, assertEqual, show } from "../assert.js";
import { expectDate } from "./support/checks.js";
import type { ConformanceCase, ConformanceContext } from "./types.js";

const area = "timestamps" as const;

/** Fails unless `value` lies in the clock window [before, after] widened by the tolerance. */
function expectWithin(ctx: ConformanceContext, value: unknown, before: number, after: number, label: string): void {
  expectDate(value, label);
  const t = value.getTime();
  const tol = ctx.timestampToleranceMs;
  assert(
    t >= before - tol && t <= after + tol,
    `${label}: expected a time between ${new Date(before - tol).toISOString()} and ${new Date(after + tol).toISOString()}, got ${show(value)}`,
  );
}

/** spec/store.md ST-091 and CONF-H08: write and copy stamp now, move keeps the source's; every returned Date is a copy. */
export const timestampCases: readonly ConformanceCase[] = [
  {
    id: "CONF-195",
    area,
    title: "write stamps the current time; the WriteResult's modifiedAt (if any) equals the stored one",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const before = ctx.now();
      const result = await ctx.store.write("t.txt", "x");
      const after = ctx.now();
      const info = await ctx.store.getFileInfo("t.txt");
      expectWithin(ctx, info.modifiedAt, before, after, "FileInfo.modifiedAt");
      if (result.modifiedAt !== undefined) assertEqual(result.modifiedAt.getTime(), info.modifiedAt.getTime(), "WriteResult.modifiedAt vs FileInfo.modifiedAt");
    },
  },
  {
    id: "CONF-196",
    area,
    waitsForClock: true,
    title: "an overwrite stamps a new time",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.store.write("t.txt", "x");
      const first = (await ctx.store.getFileInfo("t.txt")).modifiedAt;
      await ctx.letTimePass(first);
      const before = ctx.now();
      await ctx.store.write("t.txt", "y", { overwrite: true });
      const after = ctx.now();
      expectWithin(ctx, (await ctx.store.getFileInfo("t.txt")).modifiedAt, before, after, "FileInfo.modifiedAt after the overwrite");
    },
  },
  {
    id: "CONF-197",
    area,
    waitsForClock: true,
    title: "copy stamps the current time on the copy and leaves the source's",
    needs: ["write", "metadata", "copy"],
    run: async (ctx) => {
      await ctx.store.write("src.txt", "x");
      const source = (await ctx.store.getFileInfo("src.txt")).modifiedAt;
      await ctx.letTimePass(source);
      const before = ctx.now();
      await ctx.store.copy("src.txt", "dst.txt");
      const after = ctx.now();
      expectWithin(ctx, (await ctx.store.getFileInfo("dst.txt")).modifiedAt, before, after, "modifiedAt of the copy");
      assertEqual((await ctx.store.getFileInfo("src.txt")).modifiedAt.getTime(), source.getTime(), "modifiedAt of the source after copy");
    },
  },
  {
    id: "CONF-198",
    area,
    waitsForClock: true,
    title: "move keeps the source's modification time",
    needs: ["write", "metadata", "move"],
    run: async (ctx) => {
      await ctx.store.write("src.txt", "x");
      const source = (await ctx.store.getFileInfo("src.txt")).modifiedAt;
      await ctx.letTimePass(source);
      await ctx.store.move("src.txt", "sub/dst.txt");
      assertEqual((await ctx.store.getFileInfo("sub/dst.txt")).modifiedAt.getTime(), source.getTime(), "modifiedAt after move");
    },
  },
  {
    id: "CONF-199",
    area,
    title: "a folder's modifiedAt is the newest modifiedAt of the files in its subtree",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "f/a.txt": "a", "f/sub/b.txt": "b", "f/sub/deep/c.txt": "c" });
      let newest = 0;
      for (const path of ["f/a.txt", "f/sub/b.txt", "f/sub/deep/c.txt"]) newest = Math.max(newest, (await ctx.store.getFileInfo(path)).modifiedAt.getTime());
      const folder = await ctx.store.getFolderInfo("f");
      expectDate(folder.modifiedAt, "FolderInfo.modifiedAt");
      assertEqual(folder.modifiedAt.getTime(), newest, "FolderInfo.modifiedAt");
      const sub = await ctx.store.getFolderInfo("f/sub");
      const subNewest = Math.max((await ctx.store.getFileInfo("f/sub/b.txt")).modifiedAt.getTime(), (await ctx.store.getFileInfo("f/sub/deep/c.txt")).modifiedAt.getTime());
      assertEqual(sub.modifiedAt?.getTime(), subNewest, "FolderInfo.modifiedAt of f/sub");
    },
  },
  {
    id: "CONF-200",
    area,
    title: "every returned Date is a copy: changing it changes nothing stored",
    needs: ["write", "metadata", "list"],
    run: async (ctx) => {
      const result = await ctx.store.write("d/t.txt", "x");
      const stored = (await ctx.store.getFileInfo("d/t.txt")).modifiedAt.getTime();
      const dates = [
        result.modifiedAt,
        (await ctx.store.getFileInfo("d/t.txt")).modifiedAt,
        (await ctx.store.getFolderInfo("d")).modifiedAt,
        (await ctx.store.listFiles("d").toArray())[0]?.modifiedAt,
      ];
      for (const date of dates) date?.setTime(0);
      const again = await ctx.store.getFileInfo("d/t.txt");
      assertEqual(again.modifiedAt.getTime(), stored, "FileInfo.modifiedAt after changing returned Dates");
      assertEqual((await ctx.store.getFolderInfo("d")).modifiedAt?.getTime(), stored, "FolderInfo.modifiedAt after changing returned Dates");
      assertEqual((await ctx.store.listFiles("d").toArray())[0]?.modifiedAt.getTime(), stored, "listed modifiedAt after changing returned Dates");
      assert(again.modifiedAt !== dates[1], "getFileInfo returned the same Date object twice");
    },
  },
  {
    id: "CONF-201",
    area,
    title: "an empty folder has no modifiedAt and zero counts",
    needs: ["write", "delete", "metadata"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("e/only.txt", "x");
      await ctx.store.delete("e/only.txt");
      const info = await ctx.store.getFolderInfo("e");
      assertEqual(info.fileCount, 0, "fileCount");
      assertEqual(info.totalSize, 0, "totalSize");
      assertEqual(info.modifiedAt, undefined, "modifiedAt of an empty folder");
    },
  },
];
