import type { ErrorCode } from "../../errors/remote-store-error.js";
import { exportTree, importTree } from "../../snapshot/index.js";
import type { Store } from "../../store/store.js";
import { assertDeepEqual, expectError, labelled } from "../assert.js";
import { expectContent, expectStoreFiles } from "./support/checks.js";
import { expectErrorAt } from "./support/tree.js";
import type { ConformanceCase } from "./types.js";

const area = "snapshots" as const;
const FORMAT = "remote-store-snapshot";

/** Valid entries placed before every bad one: an import that writes before validating would leave them behind. */
const VALID_FIRST = [
  { kind: "folder", path: "fresh" },
  { kind: "file", path: "fresh/a.txt", text: "a" },
  { kind: "file", path: "zz.bin", base64: "AAE=" },
];

function snapshotWith(...entries: unknown[]): unknown {
  return { format: FORMAT, version: 1, entries: [...VALID_FIRST, ...entries] };
}

/** A bad import: label, snapshot, options, expected code, and the path(s) the error may name (`undefined`: none). */
type BadImport = [string, unknown, { into?: string; overwrite?: boolean }, ErrorCode, string | undefined | readonly string[]];

/** Runs every bad import against a seeded store and checks that each changes nothing (exportTree before and after). */
async function expectRefusedImports(store: Store, imports: readonly BadImport[]): Promise<void> {
  await store.write("seed/keep.txt", "keep");
  await store.write("seed/dir/x.txt", "x");
  const before = await exportTree(store);
  for (const [label, snapshot, options, code, path] of imports) {
    await expectErrorAt(() => importTree(store, snapshot, options), code, path, `importTree of ${label}`);
    await labelled(`the store after importing ${label}`, async () => assertDeepEqual(await exportTree(store), before, "exportTree"));
  }
}

const fileAt = (path: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ kind: "file", path, text: "t", ...extra });

/** spec/snapshots.md SNAP-010..SNAP-012: where an import lands, and every snapshot or conflict it refuses. */
export const snapshotRuleCases: readonly ConformanceCase[] = [
  {
    id: "CONF-628",
    area,
    title: "`into` places the entries below a (normalised) folder and merges with what is there; a bad `into` is refused, changing nothing",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("a/b/existing.txt", "e");
      await importTree(ctx.store, { format: FORMAT, version: 1, entries: [fileAt("n.txt"), fileAt("deep/m.txt")] }, { into: "/a//b/" });
      await expectStoreFiles(ctx.store, ["a/b/deep/m.txt", "a/b/existing.txt", "a/b/n.txt"]);
      await expectContent(ctx.store, "a/b/existing.txt", "e");
      const before = await exportTree(ctx.store);
      await expectErrorAt(() => importTree(ctx.store, snapshotWith(), { into: "../x" }), "INVALID_PATH", "../x", "importTree into ../x");
      await labelled("importTree into a number", () => expectError(() => importTree(ctx.store, snapshotWith(), { into: 5 as never }), "TypeError"));
      assertDeepEqual(await exportTree(ctx.store), before, "exportTree after the refused imports");
    },
  },
  {
    id: "CONF-629",
    area,
    title: "a malformed snapshot (shape, format, version, entries, kinds, duplicates, entries below a file, content, metadata, dates) is InvalidArgument and changes nothing",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const good = { format: FORMAT, version: 1, entries: VALID_FIRST };
      await expectRefusedImports(ctx.store, [
        ["null", null, {}, "INVALID_ARGUMENT", undefined],
        ["a string", "snapshot", {}, "INVALID_ARGUMENT", undefined],
        ["a number", 42, {}, "INVALID_ARGUMENT", undefined],
        ["an array", [...VALID_FIRST], {}, "INVALID_ARGUMENT", undefined],
        ["another format", { ...good, format: "other" }, {}, "INVALID_ARGUMENT", undefined],
        ["no format", { version: 1, entries: VALID_FIRST }, {}, "INVALID_ARGUMENT", undefined],
        ["version 2", { ...good, version: 2 }, {}, "INVALID_ARGUMENT", undefined],
        ['version "1"', { ...good, version: "1" }, {}, "INVALID_ARGUMENT", undefined],
        ["no version", { format: FORMAT, entries: VALID_FIRST }, {}, "INVALID_ARGUMENT", undefined],
        ["entries that are an object", { ...good, entries: {} }, {}, "INVALID_ARGUMENT", undefined],
        ["no entries", { format: FORMAT, version: 1 }, {}, "INVALID_ARGUMENT", undefined],
        ["a null entry", snapshotWith(null), {}, "INVALID_ARGUMENT", undefined],
        ["a string entry", snapshotWith("a.txt"), {}, "INVALID_ARGUMENT", undefined],
        ["an entry without a path", snapshotWith({ kind: "file", text: "t" }), {}, "INVALID_ARGUMENT", undefined],
        ["an entry with a numeric path", snapshotWith({ kind: "folder", path: 5 }), {}, "INVALID_ARGUMENT", undefined],
        ["an unknown kind", snapshotWith({ kind: "link", path: "l" }), {}, "INVALID_ARGUMENT", "l"],
        ["an entry without kind", snapshotWith({ path: "k", text: "t" }), {}, "INVALID_ARGUMENT", "k"],
        ["a duplicated file", snapshotWith(fileAt("fresh/a.txt")), {}, "INVALID_ARGUMENT", "fresh/a.txt"],
        ["a folder and a file at one path", snapshotWith({ kind: "folder", path: "dup" }, fileAt("dup")), {}, "INVALID_ARGUMENT", "dup"],
        ["a file below a file", snapshotWith(fileAt("f.txt"), fileAt("f.txt/below.txt")), {}, "INVALID_ARGUMENT", "f.txt/below.txt"],
        ["a folder below a file, listed first", snapshotWith({ kind: "folder", path: "g/sub" }, fileAt("g")), {}, "INVALID_ARGUMENT", "g/sub"],
        ["a file below a file, two levels down", snapshotWith(fileAt("h"), fileAt("h/i/j.txt")), {}, "INVALID_ARGUMENT", "h/i/j.txt"],
        ["a file with text and base64", snapshotWith(fileAt("both.txt", { base64: "AA==" })), {}, "INVALID_ARGUMENT", "both.txt"],
        ["a file with neither text nor base64", snapshotWith({ kind: "file", path: "neither.txt" }), {}, "INVALID_ARGUMENT", "neither.txt"],
        ["numeric text", snapshotWith({ kind: "file", path: "n.txt", text: 5 }), {}, "INVALID_ARGUMENT", "n.txt"],
        ["numeric base64", snapshotWith({ kind: "file", path: "n.bin", base64: 5 }), {}, "INVALID_ARGUMENT", "n.bin"],
        ["base64 of a bad length", snapshotWith({ kind: "file", path: "b1.bin", base64: "abc" }), {}, "INVALID_ARGUMENT", "b1.bin"],
        ["base64 with a bad character", snapshotWith({ kind: "file", path: "b2.bin", base64: "ab!=" }), {}, "INVALID_ARGUMENT", "b2.bin"],
        ["base64 of padding only", snapshotWith({ kind: "file", path: "b3.bin", base64: "====" }), {}, "INVALID_ARGUMENT", "b3.bin"],
        ["base64 with padding inside", snapshotWith({ kind: "file", path: "b4.bin", base64: "QQ=AQUFB" }), {}, "INVALID_ARGUMENT", "b4.bin"],
        ["base64 with a newline", snapshotWith({ kind: "file", path: "b5.bin", base64: "QUJD\nQUJD" }), {}, "INVALID_ARGUMENT", "b5.bin"],
        ["url-safe base64", snapshotWith({ kind: "file", path: "b6.bin", base64: "-_-_" }), {}, "INVALID_ARGUMENT", "b6.bin"],
        ["a numeric contentType", snapshotWith(fileAt("ct.txt", { contentType: 5 })), {}, "INVALID_ARGUMENT", "ct.txt"],
        ["metadata that is a string", snapshotWith(fileAt("m1.txt", { metadata: "m" })), {}, "INVALID_ARGUMENT", "m1.txt"],
        ["metadata with a numeric value", snapshotWith(fileAt("m2.txt", { metadata: { k: 5 } })), {}, "INVALID_ARGUMENT", "m2.txt"],
        ["metadata with an underscore key", snapshotWith(fileAt("m3.txt", { metadata: { _k: "v" } })), {}, "INVALID_ARGUMENT", "m3.txt"],
        ["metadata over 2048 bytes", snapshotWith(fileAt("m4.txt", { metadata: { k: "v".repeat(2048) } })), {}, "INVALID_ARGUMENT", "m4.txt"],
        ["a date that is not a date", snapshotWith(fileAt("d1.txt", { modifiedAt: "yesterday" })), {}, "INVALID_ARGUMENT", "d1.txt"],
        ["a numeric date", snapshotWith(fileAt("d2.txt", { modifiedAt: 5 })), {}, "INVALID_ARGUMENT", "d2.txt"],
        ["an empty date", snapshotWith(fileAt("d3.txt", { modifiedAt: "" })), {}, "INVALID_ARGUMENT", "d3.txt"],
      ]);
    },
  },
  {
    id: "CONF-630",
    area,
    title: "a snapshot path that is not relative and normalised ('..', absolute, './', empty, doubled or trailing slash, backslash, NUL) is InvalidPath naming it and changes nothing",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const paths = ["../x.txt", "a/../b.txt", "..", "/abs.txt", "./a.txt", "a/./b.txt", "", ".", "a//b.txt", "dir/", "a\\b.txt", "nul\0.txt"];
      const imports: BadImport[] = [];
      for (const path of paths) {
        imports.push([`a file at ${JSON.stringify(path)}`, snapshotWith(fileAt(path)), {}, "INVALID_PATH", path]);
        imports.push([`a folder at ${JSON.stringify(path)}`, snapshotWith({ kind: "folder", path }), {}, "INVALID_PATH", path]);
      }
      await expectRefusedImports(ctx.store, imports);
    },
  },
  {
    id: "CONF-631",
    area,
    title: "conflicts with the store (file where a folder goes, folder where a file goes, existing file without overwrite) are refused before anything is written",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await expectRefusedImports(ctx.store, [
        ["a folder where a file is", snapshotWith({ kind: "folder", path: "seed/keep.txt" }), {}, "INVALID_PATH", "seed/keep.txt"],
        ["a folder below a file", snapshotWith({ kind: "folder", path: "seed/keep.txt/sub" }), {}, "INVALID_PATH", ["seed/keep.txt", "seed/keep.txt/sub"]],
        ["a file where a folder is", snapshotWith(fileAt("seed/dir")), {}, "INVALID_PATH", "seed/dir"],
        ["a file where a folder is, with overwrite", snapshotWith(fileAt("seed/dir")), { overwrite: true }, "INVALID_PATH", "seed/dir"],
        ["a file below a file", snapshotWith(fileAt("seed/keep.txt/below.txt")), {}, "INVALID_PATH", ["seed/keep.txt", "seed/keep.txt/below.txt"]],
        ["a file below a file, with overwrite", snapshotWith(fileAt("seed/keep.txt/below.txt")), { overwrite: true }, "INVALID_PATH", ["seed/keep.txt", "seed/keep.txt/below.txt"]],
        ["an existing file", snapshotWith(fileAt("seed/dir/x.txt")), {}, "ALREADY_EXISTS", "seed/dir/x.txt"],
        ["an existing file below `into`", snapshotWith(fileAt("x.txt")), { into: "seed/dir" }, "ALREADY_EXISTS", "seed/dir/x.txt"],
        ["anything into a file", snapshotWith(), { into: "seed/keep.txt" }, "INVALID_PATH", ["seed/keep.txt", "seed/keep.txt/fresh", "seed/keep.txt/fresh/a.txt", "seed/keep.txt/zz.bin"]],
      ]);
    },
  },
  {
    id: "CONF-632",
    area,
    title: "with overwrite an import replaces existing files and keeps the others (a merge); entries may come in any order",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("seed/dir/x.txt", "old x");
      await ctx.store.write("seed/other.txt", "other");
      const shuffled = {
        format: FORMAT,
        version: 1,
        entries: [fileAt("seed/dir/deep/z.txt", { text: "z" }), fileAt("seed/dir/x.txt", { text: "new x" }), { kind: "folder", path: "seed/dir/deep" }, { kind: "folder", path: "seed" }],
      };
      await importTree(ctx.store, shuffled, { overwrite: true });
      await expectContent(ctx.store, "seed/dir/x.txt", "new x");
      await expectContent(ctx.store, "seed/dir/deep/z.txt", "z");
      await expectContent(ctx.store, "seed/other.txt", "other");
      await expectStoreFiles(ctx.store, ["seed/dir/deep/z.txt", "seed/dir/x.txt", "seed/other.txt"]);
      const before = await exportTree(ctx.store);
      await importTree(ctx.store, { format: FORMAT, version: 1, entries: [] });
      assertDeepEqual(await exportTree(ctx.store), before, "exportTree after importing an empty snapshot");
    },
  },
];
