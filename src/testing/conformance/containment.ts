import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { assert, assertDeepEqual, assertEqual, expectError, show } from "../assert.js";
import { expectContent, pathsOf, sorted } from "./support/checks.js";
import type { ConformanceCase, ConformanceContext } from "./types.js";

const area = "containment" as const;

/** Fails when an error's message or path reveals the store's rootPath (only meaningful in the rootPath run). */
function expectNoRootLeak(ctx: ConformanceContext, error: unknown, label: string): void {
  if (ctx.rootPath === "" || !isRemoteStoreError(error)) return;
  const secret = ctx.rootPath.slice(ctx.rootPath.lastIndexOf("/") + 1);
  assert(!error.message.includes(secret), `${label}: the message reveals the rootPath: ${JSON.stringify(error.message)}`);
  assert(error.path === undefined || !error.path.includes(secret), `${label}: error.path reveals the rootPath: ${show(error.path)}`);
}

/** spec/paths.md PATH-010..PATH-014: a Store's rootPath is a hard boundary, every returned path is store-relative, error paths never reveal the root. */
export const containmentCases: readonly ConformanceCase[] = [
  {
    id: "CONF-415",
    area,
    title: "paths in WriteResults, listings and infos are store-relative and round-trip",
    needs: ["write", "read", "list", "metadata"],
    run: async (ctx) => {
      const written = await ctx.store.write("reports/q1.csv", "1,2");
      assertEqual(written.path, "reports/q1.csv", "WriteResult.path");
      assertDeepEqual(await pathsOf(ctx.store.listFiles("", { recursive: true })), ["reports/q1.csv"], "recursive listFiles");
      assertDeepEqual(await pathsOf(ctx.store.listFolders("")), ["reports"], "listFolders");
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("reports")), ["reports/q1.csv"], "iterChildren");
      assertDeepEqual(await pathsOf(ctx.store.glob("**/*.csv")), ["reports/q1.csv"], "glob");
      assertEqual((await ctx.store.getFileInfo("reports/q1.csv")).path, "reports/q1.csv", "FileInfo.path");
      assertEqual((await ctx.store.getFolderInfo("reports")).path, "reports", "FolderInfo.path");
      assertEqual((await ctx.store.getFolderInfo("")).path, "", "FolderInfo.path of the root");
      await expectContent(ctx.store, written.path, "1,2");
    },
  },
  {
    id: "CONF-416",
    area,
    title: "error paths are the store-relative paths passed; neither path nor message reveals the rootPath",
    needs: ["write", "read", "delete", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "e/a.txt": "a" });
      const checks: [string, () => Promise<unknown>, Parameters<typeof expectError>[1], string][] = [
        ["read missing", () => ctx.store.readBytes("/e/missing.txt"), "NOT_FOUND", "e/missing.txt"],
        ["write existing", () => ctx.store.write("e//a.txt", "x"), "ALREADY_EXISTS", "e/a.txt"],
        ["read folder", () => ctx.store.readBytes("e/"), "INVALID_PATH", "e"],
        ["write below file", () => ctx.store.write("e/a.txt/b", "x"), "INVALID_PATH", "e/a.txt/b"],
        ["deleteFolder non-empty", () => ctx.store.deleteFolder("e"), "DIRECTORY_NOT_EMPTY", "e"],
        ["getFolderInfo missing", () => ctx.store.getFolderInfo("nope"), "NOT_FOUND", "nope"],
        ["getFileInfo root", () => ctx.store.getFileInfo("/"), "INVALID_PATH", ""],
      ];
      for (const [label, call, code, path] of checks) {
        const error = await expectError(call, code, path);
        expectNoRootLeak(ctx, error, label);
      }
    },
  },
  {
    id: "CONF-417",
    area,
    title: "absolute-looking and backslash paths stay inside a child store's root",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("outside.txt", "parent");
      const inner = ctx.store.child("inner");
      assertEqual(await inner.exists("/outside.txt"), false, 'inner.exists("/outside.txt")');
      await inner.write("/outside.txt", "child");
      await inner.write("\\x\\y.txt", "xy");
      await expectContent(ctx.store, "outside.txt", "parent");
      await expectContent(ctx.store, "inner/outside.txt", "child");
      await expectContent(ctx.store, "inner/x/y.txt", "xy");
      for (const bad of ["../outside.txt", "..\\outside.txt", "x/../../outside.txt"]) {
        await expectError(() => inner.readBytes(bad), "INVALID_PATH");
        await expectError(() => inner.write(bad, "escape", { overwrite: true }), "INVALID_PATH");
      }
      await expectContent(ctx.store, "outside.txt", "parent");
    },
  },
  {
    id: "CONF-418",
    area,
    title: "listings and glob in a child store see only its subtree, with child-relative paths",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "top.txt": "t", "inner/a.txt": "a", "inner/s/b.txt": "b", "innerx/c.txt": "c" });
      const inner = ctx.store.child("inner");
      assertDeepEqual(await pathsOf(inner.listFiles("", { recursive: true })), ["a.txt", "s/b.txt"], "recursive listFiles in the child");
      assertDeepEqual(await pathsOf(inner.iterChildren("")), ["a.txt", "s"], "iterChildren in the child");
      assertDeepEqual(sorted(await pathsOf(inner.glob("**"))), ["a.txt", "s/b.txt"], 'glob("**") in the child');
      assertDeepEqual(await pathsOf(inner.listFolders("", { recursive: true })), ["s"], "recursive listFolders in the child");
    },
  },
  {
    id: "CONF-419",
    area,
    title: "a child store's root aggregates only its subtree; a child over a missing folder is an empty store",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "top.txt": "ttt", "inner/a.txt": "a", "inner/s/b.txt": "bb" });
      const info = await ctx.store.child("inner").getFolderInfo("");
      assertDeepEqual([info.path, info.fileCount, info.totalSize], ["", 2, 3], "child getFolderInfo(\"\")");
      const empty = ctx.store.child("not/there");
      assertEqual(await empty.exists(""), true, "exists(\"\") in a child over a missing folder");
      const none = await empty.getFolderInfo("");
      assertDeepEqual([none.fileCount, none.totalSize], [0, 0], "getFolderInfo(\"\") in a child over a missing folder");
    },
  },
];
