import { assert, assertDeepEqual, assertEqual, expectAnyError, expectError, show } from "../assert.js";
import { failingIterable, failingStream, patternBytes, utf8 } from "./support/content.js";
import { expectAbsent, expectContent, expectDate, expectFrozen, expectStoreFiles, expectStoreFolders } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "write" as const;

/** spec/store.md ST-030..ST-036: write and writeText. */
export const writeCases: readonly ConformanceCase[] = [
  {
    id: "CONF-110",
    area,
    title: "write stores the content and returns a frozen WriteResult with path and size",
    needs: ["write", "read"],
    run: async (ctx) => {
      const result = await ctx.store.write("new.txt", "hello");
      expectFrozen(result, "WriteResult");
      assertEqual(result.path, "new.txt", "WriteResult.path");
      assertEqual(result.size, 5, "WriteResult.size");
      if (result.modifiedAt !== undefined) expectDate(result.modifiedAt, "WriteResult.modifiedAt");
      assertEqual(result.metadata, undefined, "WriteResult.metadata without metadata");
      await expectContent(ctx.store, "new.txt", "hello");
    },
  },
  {
    id: "CONF-111",
    area,
    title: "writing an existing file without overwrite is AlreadyExists with the path, and changes nothing",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("dir/once.txt", "first");
      await expectError(() => ctx.store.write("dir/once.txt", "second"), "ALREADY_EXISTS", "dir/once.txt");
      await expectError(() => ctx.store.write("dir/once.txt", "second", { overwrite: false }), "ALREADY_EXISTS", "dir/once.txt");
      await expectError(() => ctx.store.writeText("/dir//once.txt", "second"), "ALREADY_EXISTS", "dir/once.txt");
      await expectContent(ctx.store, "dir/once.txt", "first");
    },
  },
  {
    id: "CONF-112",
    area,
    title: "overwrite replaces the whole content (a shorter write leaves no tail)",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("o.txt", "a long first version");
      const result = await ctx.store.write("o.txt", "short", { overwrite: true });
      assertEqual(result.size, 5, "WriteResult.size of the overwrite");
      await expectContent(ctx.store, "o.txt", "short");
      await ctx.store.writeText("o.txt", "", { overwrite: true });
      await expectContent(ctx.store, "o.txt", "");
    },
  },
  {
    id: "CONF-113",
    area,
    title: "write creates every missing parent folder",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("a/b/c/deep.txt", "deep");
      await expectContent(ctx.store, "a/b/c/deep.txt", "deep");
      for (const folder of ["a", "a/b", "a/b/c"]) assertEqual(await ctx.store.isFolder(folder), true, `isFolder(${JSON.stringify(folder)})`);
    },
  },
  {
    id: "CONF-114",
    area,
    title: "content round-trips exactly: empty, binary, text, 10 000 bytes and 1 MiB",
    needs: ["write", "read"],
    run: async (ctx) => {
      const samples = [new Uint8Array(0), new Uint8Array([0, 1, 2, 0xff]), utf8("hello world"), new Uint8Array(10_000).fill(0x78), patternBytes(1 << 20, 3)];
      for (const [i, sample] of samples.entries()) {
        const result = await ctx.store.write("rt.bin", sample, { overwrite: true });
        assertEqual(result.size, sample.length, `WriteResult.size of sample ${i}`);
        assertDeepEqual(await ctx.store.readBytes("rt.bin"), sample, `content of sample ${i}`);
      }
    },
  },
  {
    id: "CONF-115",
    area,
    title: "writing onto an existing folder is InvalidPath with its path, with or without overwrite",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("wdir/file.txt", "x");
      await expectError(() => ctx.store.write("wdir", "y"), "INVALID_PATH", "wdir");
      await expectError(() => ctx.store.write("wdir/", "y", { overwrite: true }), "INVALID_PATH", "wdir");
      assertEqual(await ctx.store.isFolder("wdir"), true, 'isFolder("wdir")');
      await expectContent(ctx.store, "wdir/file.txt", "x");
    },
  },
  {
    id: "CONF-116",
    area,
    title: "writing below a file is InvalidPath with the path written; the blocker is unchanged and nothing is created",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("wufa.txt", "blocker");
      await expectError(() => ctx.store.write("wufa.txt/child.txt", "x"), "INVALID_PATH", "wufa.txt/child.txt");
      await expectError(() => ctx.store.write("wufa.txt/a/b.txt", "x", { overwrite: true }), "INVALID_PATH", "wufa.txt/a/b.txt");
      await expectContent(ctx.store, "wufa.txt", "blocker");
      await expectStoreFiles(ctx.store, ["wufa.txt"]);
    },
  },
  {
    id: "CONF-117",
    area,
    title: "a write from a failing stream rejects and leaves no file and no new parent folders",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.store.write("keep.txt", "keep");
      await expectAnyError(() => ctx.store.write("fs/new/deep/file.txt", failingStream([patternBytes(4096), patternBytes(4096)])));
      await expectAbsent(ctx.store, "fs/new/deep/file.txt");
      await expectAbsent(ctx.store, "fs");
      await expectStoreFiles(ctx.store, ["keep.txt"]);
      await expectStoreFolders(ctx.store, []);
    },
  },
  {
    id: "CONF-118",
    area,
    title: "an overwrite from a failing source keeps the previous content",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("dir/old.txt", "previous");
      await expectAnyError(() => ctx.store.write("dir/old.txt", failingStream([utf8("partial ")]), { overwrite: true }));
      await expectContent(ctx.store, "dir/old.txt", "previous");
      await expectAnyError(() => ctx.store.write("dir/old.txt", failingIterable([utf8("partial ")]), { overwrite: true }));
      await expectContent(ctx.store, "dir/old.txt", "previous");
      await expectStoreFiles(ctx.store, ["dir/old.txt"]);
    },
  },
  {
    id: "CONF-119",
    area,
    title: "a write from a failing async iterable leaves no file and no new parent folders",
    needs: ["write", "list"],
    run: async (ctx) => {
      await expectAnyError(() => ctx.store.write("fi/x/file.bin", failingIterable([patternBytes(1000), patternBytes(1000)])));
      await expectStoreFiles(ctx.store, []);
      await expectStoreFolders(ctx.store, []);
    },
  },
  {
    id: "CONF-120",
    area,
    title: "writeText stores UTF-8 and reports the byte size",
    needs: ["write", "read"],
    run: async (ctx) => {
      const result = await ctx.store.writeText("t.txt", "é😀");
      assertEqual(result.size, 6, "WriteResult.size of writeText");
      assertEqual(result.path, "t.txt", "WriteResult.path of writeText");
      await expectContent(ctx.store, "t.txt", utf8("é😀"));
      await expectError(() => ctx.store.writeText("t.txt", "again"), "ALREADY_EXISTS", "t.txt");
      await ctx.store.writeText("t.txt", "again", { overwrite: true });
      await expectContent(ctx.store, "t.txt", "again");
    },
  },
  {
    id: "CONF-121",
    area,
    title: "writeText rejects non-string text with TypeError and writes nothing",
    needs: ["write"],
    run: async (ctx) => {
      for (const bad of [utf8("bytes"), 42, null, undefined]) await expectError(() => ctx.store.writeText("t.txt", bad as never), "TypeError");
      await expectAbsent(ctx.store, "t.txt");
    },
  },
  {
    id: "CONF-122",
    area,
    title: "write rejects content of an unsupported type with TypeError and writes nothing",
    needs: ["write"],
    run: async (ctx) => {
      for (const bad of [42, null, undefined, { a: 1 }, true]) await expectError(() => ctx.store.write("c/t.bin", bad as never), "TypeError");
      await expectAbsent(ctx.store, "c");
    },
  },
  {
    id: "CONF-123",
    area,
    title: "write rejects a non-string path or non-boolean overwrite with TypeError",
    needs: ["write"],
    run: async (ctx) => {
      for (const bad of [42, null, undefined, ["a.txt"]]) await expectError(() => ctx.store.write(bad as never, "x"), "TypeError");
      await expectError(() => ctx.store.write("a.txt", "x", { overwrite: "yes" as never }), "TypeError");
      await expectAbsent(ctx.store, "a.txt");
    },
  },
  {
    id: "CONF-124",
    area,
    title: "the WriteResult path round-trips into reads, and the file appears in its folder's listing",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const result = await ctx.store.write("/r//t/file.txt", "x");
      await expectContent(ctx.store, result.path, "x");
      const listed = await ctx.store.listFiles("r/t").toArray();
      assert(listed.length === 1 && listed[0]?.path === result.path, `listFiles("r/t"): expected [${result.path}], got ${show(listed.map((f) => f.path))}`);
    },
  },
];
