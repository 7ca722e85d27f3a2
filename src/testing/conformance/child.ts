import { joinPath } from "../../paths/index.js";
import { CAPABILITIES } from "../../contract/capabilities.js";
import { assert, assertDeepEqual, assertEqual, expectError, expectThrowsSync } from "../assert.js";
import { expectContent, pathsOf } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "child" as const;

/** spec/paths.md PATH-014 and spec/store.md ST-004: `child`, a Store rooted deeper, sharing the backend. */
export const childCases: readonly ConformanceCase[] = [
  {
    id: "CONF-430",
    area,
    title: "child(sub) shares the backend, is rooted at rootPath/sub, and supports the same capabilities",
    needs: [],
    run: (ctx) => {
      const child = ctx.store.child("sub");
      assert(child.backend === ctx.backend, "child.backend is not the parent's backend");
      assertEqual(child.rootPath, joinPath(ctx.rootPath, "sub"), "child.rootPath");
      for (const cap of CAPABILITIES) assertEqual(child.supports(cap), ctx.store.supports(cap), `child.supports(${JSON.stringify(cap)})`);
    },
  },
  {
    id: "CONF-431",
    area,
    title: "a child sees the parent's files below sub with child-relative paths, and its writes land there",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.seed({ "sub/a.txt": "a", "sub/d/b.txt": "b", "other.txt": "o" });
      const child = ctx.store.child("sub");
      await expectContent(child, "a.txt", "a");
      assertDeepEqual(await pathsOf(child.iterChildren("")), ["a.txt", "d"], "child iterChildren");
      const written = await child.write("d/c.txt", "c");
      assertEqual(written.path, "d/c.txt", "child WriteResult.path");
      await expectContent(ctx.store, "sub/d/c.txt", "c");
      assertEqual(await child.exists("other.txt"), false, "child.exists of a parent-level file");
    },
  },
  {
    id: "CONF-432",
    area,
    title: "child(\"a\").child(\"b\") is the same as child(\"a/b\")",
    needs: ["write", "read"],
    run: async (ctx) => {
      const chained = ctx.store.child("a").child("b");
      const direct = ctx.store.child("a/b");
      assertEqual(chained.rootPath, direct.rootPath, "rootPath of chained vs direct child");
      await chained.write("x.txt", "x");
      await expectContent(direct, "x.txt", "x");
      await expectContent(ctx.store, "a/b/x.txt", "x");
    },
  },
  {
    id: "CONF-433",
    area,
    title: "child of a root spelling or of a path with \"..\" or NUL is InvalidPath, thrown synchronously",
    needs: [],
    run: (ctx) => {
      for (const bad of ["", ".", "/", "./", "//", "..", "a/..", "../a", "a/../b", "a\\..\\b", "a\0b"]) expectThrowsSync(() => ctx.store.child(bad), "INVALID_PATH");
    },
  },
  {
    id: "CONF-434",
    area,
    title: "child of a non-string is a TypeError",
    needs: [],
    run: (ctx) => {
      for (const bad of [undefined, null, 1, ["a"]]) expectThrowsSync(() => ctx.store.child(bad as never), "TypeError");
    },
  },
  {
    id: "CONF-435",
    area,
    title: "child normalises its argument",
    needs: [],
    run: (ctx) => {
      assertEqual(ctx.store.child("/a//b/").rootPath, joinPath(ctx.rootPath, "a/b"), 'child("/a//b/").rootPath');
      assertEqual(ctx.store.child("a\\b").rootPath, joinPath(ctx.rootPath, "a/b"), 'child("a\\\\b").rootPath');
      assertEqual(ctx.store.child("./a/./b").rootPath, joinPath(ctx.rootPath, "a/b"), 'child("./a/./b").rootPath');
    },
  },
  {
    id: "CONF-436",
    area,
    title: "a child's errors carry child-relative paths",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "sub/d/a.txt": "a" });
      const child = ctx.store.child("sub");
      await expectError(() => child.readBytes("missing.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => child.write("d/a.txt", "x"), "ALREADY_EXISTS", "d/a.txt");
      await expectError(() => child.deleteFolder("d"), "DIRECTORY_NOT_EMPTY", "d");
      await expectError(() => child.readBytes(""), "INVALID_PATH", "");
    },
  },
  {
    id: "CONF-437",
    area,
    title: "a child cannot delete its own root, but the parent can delete the child's folder",
    needs: ["write", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "sub/a.txt": "a" });
      const child = ctx.store.child("sub");
      await expectError(() => child.deleteFolder("", { recursive: true }), "INVALID_PATH", "");
      assertEqual(await ctx.store.exists("sub/a.txt"), true, "file after the refused delete");
      await ctx.store.deleteFolder("sub", { recursive: true });
      assertEqual(await child.exists("a.txt"), false, "child view after the parent deleted its folder");
      assertEqual(await child.exists(""), true, "the child's root still exists as a root");
    },
  },
];
