import { assertDeepEqual, assertEqual, expectError, expectRejection } from "../assert.js";
import { expectDate, expectFileInfo, expectFrozen } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "info" as const;

/** spec/store.md ST-080..ST-082: `getFileInfo` / `getFolderInfo`. */
export const infoCases: readonly ConformanceCase[] = [
  {
    id: "CONF-345",
    area,
    title: "getFileInfo returns a frozen FileInfo: kind, path, name, size, modifiedAt",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.store.write("dir/info.txt", "hello world");
      const info = await ctx.store.getFileInfo("dir/info.txt");
      expectFrozen(info, "FileInfo");
      expectFileInfo(info, "dir/info.txt", 11, "FileInfo");
      const normalised = await ctx.store.getFileInfo("/dir//info.txt/");
      assertEqual(normalised.path, "dir/info.txt", "FileInfo.path of a non-normal spelling");
    },
  },
  {
    id: "CONF-346",
    area,
    title: "getFolderInfo counts every file of the subtree (folders are not counted)",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "fi/a.txt": "abc", "fi/b.txt": "de", "mix/a.txt": "abc", "mix/sub/b.txt": "de", "mix/sub/deep/c.txt": "f", "mixed.txt": "zz" });
      const fi = await ctx.store.getFolderInfo("fi");
      expectFrozen(fi, "FolderInfo");
      assertDeepEqual({ path: fi.path, fileCount: fi.fileCount, totalSize: fi.totalSize }, { path: "fi", fileCount: 2, totalSize: 5 }, 'getFolderInfo("fi")');
      const mix = await ctx.store.getFolderInfo("/mix/");
      assertDeepEqual({ path: mix.path, fileCount: mix.fileCount, totalSize: mix.totalSize }, { path: "mix", fileCount: 3, totalSize: 6 }, 'getFolderInfo("/mix/")');
      const sub = await ctx.store.getFolderInfo("mix/sub");
      assertDeepEqual({ path: sub.path, fileCount: sub.fileCount, totalSize: sub.totalSize }, { path: "mix/sub", fileCount: 2, totalSize: 3 }, 'getFolderInfo("mix/sub")');
      expectDate(mix.modifiedAt, "FolderInfo.modifiedAt");
    },
  },
  {
    id: "CONF-347",
    area,
    title: "getFileInfo and getFolderInfo of a missing path are NotFound with the path",
    needs: ["metadata"],
    run: async (ctx) => {
      await expectError(() => ctx.store.getFileInfo("missing_target"), "NOT_FOUND", "missing_target");
      await expectError(() => ctx.store.getFolderInfo("missing_target"), "NOT_FOUND", "missing_target");
      await expectError(() => ctx.store.getFolderInfo("a/b/"), "NOT_FOUND", "a/b");
    },
  },
  {
    id: "CONF-348",
    area,
    title: "getFileInfo of a folder and getFolderInfo of a file are InvalidPath with the path",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "gfid/x.txt": "x", "gfof.txt": "y" });
      await expectError(() => ctx.store.getFileInfo("gfid"), "INVALID_PATH", "gfid");
      await expectError(() => ctx.store.getFolderInfo("gfof.txt"), "INVALID_PATH", "gfof.txt");
    },
  },
  {
    id: "CONF-349",
    area,
    title: "info of a path below a file is NotFound",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.store.write("gfufa.txt", "x");
      await expectError(() => ctx.store.getFileInfo("gfufa.txt/child.txt"), "NOT_FOUND", "gfufa.txt/child.txt");
      await expectError(() => ctx.store.getFolderInfo("gfufa.txt/child"), "NOT_FOUND", "gfufa.txt/child");
    },
  },
  {
    id: "CONF-350",
    area,
    title: "the WriteResult agrees with getFileInfo (path, size, contentType, metadata)",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const result = await ctx.store.write("agree/a.json", "{\"a\":1}");
      const info = await ctx.store.getFileInfo("agree/a.json");
      assertEqual(result.path, info.path, "path");
      assertEqual(result.size, info.size, "size");
      if (result.contentType !== undefined) assertEqual(result.contentType, info.contentType, "contentType");
      assertDeepEqual(result.metadata, info.metadata, "metadata");
    },
  },
  {
    id: "CONF-351",
    area,
    title: "an overwrite updates size; the folder aggregate follows",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "s/a.txt": "12345", "s/b.txt": "1" });
      await ctx.store.write("s/a.txt", "12", { overwrite: true });
      assertEqual((await ctx.store.getFileInfo("s/a.txt")).size, 2, "size after overwrite");
      const folder = await ctx.store.getFolderInfo("s");
      assertEqual(folder.totalSize, 3, "folder totalSize after overwrite");
      assertEqual(folder.fileCount, 2, "folder fileCount after overwrite");
    },
  },
  {
    id: "CONF-352",
    area,
    title: "info methods reject a non-string path with TypeError",
    needs: ["metadata"],
    run: async (ctx) => {
      await expectRejection(() => ctx.store.getFileInfo(3 as never), "TypeError");
      await expectRejection(() => ctx.store.getFolderInfo({} as never), "TypeError");
    },
  },
  {
    id: "CONF-353",
    area,
    title: "folder aggregates follow deletes, moves and copies",
    needs: ["write", "metadata", "delete", "move", "copy"],
    run: async (ctx) => {
      await ctx.seed({ "x/a.txt": "aaa", "x/b.txt": "bb", "y/c.txt": "c" });
      await ctx.store.delete("x/a.txt");
      await ctx.store.move("x/b.txt", "y/b.txt");
      await ctx.store.copy("y/c.txt", "x/c.txt");
      const x = await ctx.store.getFolderInfo("x");
      const y = await ctx.store.getFolderInfo("y");
      assertDeepEqual([x.fileCount, x.totalSize], [1, 1], "x counts");
      assertDeepEqual([y.fileCount, y.totalSize], [2, 3], "y counts");
      const root = await ctx.store.getFolderInfo("");
      assertDeepEqual([root.fileCount, root.totalSize], [3, 4], "root counts");
    },
  },
];
