import { assertEqual, expectError, expectRejection } from "../assert.js";
import { expectAbsent, expectContent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "delete" as const;

/** spec/store.md ST-050: `delete`, files only. */
export const deleteCases: readonly ConformanceCase[] = [
  {
    id: "CONF-210",
    area,
    title: "delete removes the file and resolves to undefined",
    needs: ["write", "delete"],
    run: async (ctx) => {
      await ctx.store.write("del.txt", "x");
      assertEqual(await ctx.store.delete("del.txt"), undefined, "delete result");
      await expectAbsent(ctx.store, "del.txt");
    },
  },
  {
    id: "CONF-211",
    area,
    title: "deleting one file leaves its siblings intact",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "d/a.txt": "a", "d/b.txt": "b", "d/ab.txt": "ab" });
      await ctx.store.delete("d/a.txt");
      await expectAbsent(ctx.store, "d/a.txt");
      await expectContent(ctx.store, "d/b.txt", "b");
      await expectContent(ctx.store, "d/ab.txt", "ab");
    },
  },
  {
    id: "CONF-212",
    area,
    title: "deleting a missing file is NotFound with the path; with missingOk it resolves quietly",
    needs: ["delete"],
    run: async (ctx) => {
      await expectError(() => ctx.store.delete("missing.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.delete("no/such/dir/x.txt"), "NOT_FOUND", "no/such/dir/x.txt");
      assertEqual(await ctx.store.delete("missing.txt", { missingOk: true }), undefined, "delete missingOk result");
      await ctx.store.delete("no/such/dir/x.txt", { missingOk: true });
    },
  },
  {
    id: "CONF-213",
    area,
    title: "deleting a folder is InvalidPath with its path, even with missingOk, and removes nothing",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("ddir/child.txt", "c");
      await expectError(() => ctx.store.delete("ddir"), "INVALID_PATH", "ddir");
      await expectError(() => ctx.store.delete("ddir/", { missingOk: true }), "INVALID_PATH", "ddir");
      await expectContent(ctx.store, "ddir/child.txt", "c");
    },
  },
  {
    id: "CONF-214",
    area,
    title: "deleting below a file is NotFound; with missingOk it is quiet; the blocker stays",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("dufa.txt", "blocker");
      await expectError(() => ctx.store.delete("dufa.txt/child.txt"), "NOT_FOUND", "dufa.txt/child.txt");
      await ctx.store.delete("dufa.txt/child.txt", { missingOk: true });
      await expectContent(ctx.store, "dufa.txt", "blocker");
    },
  },
  {
    id: "CONF-215",
    area,
    title: "delete normalises its path, and errors carry the normalised path",
    needs: ["write", "delete"],
    run: async (ctx) => {
      await ctx.store.write("dn/a.txt", "a");
      await ctx.store.delete("/dn//a.txt/");
      await expectAbsent(ctx.store, "dn/a.txt");
      await expectError(() => ctx.store.delete("\\dn\\a.txt"), "NOT_FOUND", "dn/a.txt");
    },
  },
  {
    id: "CONF-216",
    area,
    title: "a deleted file's parent folder stays",
    needs: ["write", "delete"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("parent/only.txt", "x");
      await ctx.store.delete("parent/only.txt");
      assertEqual(await ctx.store.isFolder("parent"), true, 'isFolder("parent")');
    },
  },
  {
    id: "CONF-217",
    area,
    title: "a deleted path can be written again",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("again.txt", "one");
      await ctx.store.delete("again.txt");
      await ctx.store.write("again.txt", "two");
      await expectContent(ctx.store, "again.txt", "two");
    },
  },
  {
    id: "CONF-218",
    area,
    title: "delete rejects a non-string path or a non-boolean missingOk with TypeError",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("t.txt", "t");
      await expectRejection(() => ctx.store.delete(7 as never), "TypeError");
      await expectRejection(() => ctx.store.delete("t.txt", { missingOk: "yes" as never }), "TypeError");
      await expectContent(ctx.store, "t.txt", "t");
    },
  },
];
