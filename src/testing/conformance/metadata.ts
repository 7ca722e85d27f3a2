import { assertDeepEqual, assertEqual, expectError } from "../assert.js";
import { expectAbsent, expectContent, expectFrozen, tryMutate } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "metadata" as const;

const META = { author: "alice", project: "conformance" };

/** spec/store.md ST-040..ST-044: metadata. Keys are lower-case so that S3-style backends qualify. */
export const metadataCases: readonly ConformanceCase[] = [
  {
    id: "CONF-175",
    area,
    title: "metadata is echoed by the WriteResult and round-trips through getFileInfo",
    needs: ["write", "metadata", "userMetadata"],
    run: async (ctx) => {
      const result = await ctx.store.write("m.txt", "x", { metadata: META });
      assertDeepEqual(result.metadata, META, "WriteResult.metadata");
      assertDeepEqual((await ctx.store.getFileInfo("m.txt")).metadata, META, "FileInfo.metadata");
    },
  },
  {
    id: "CONF-176",
    area,
    title: "absent metadata and {} are both stored as undefined",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const none = await ctx.store.write("none.txt", "x");
      assertEqual(none.metadata, undefined, "WriteResult.metadata without metadata");
      assertEqual((await ctx.store.getFileInfo("none.txt")).metadata, undefined, "FileInfo.metadata without metadata");
      const empty = await ctx.store.write("empty.txt", "x", { metadata: {} });
      assertEqual(empty.metadata, undefined, "WriteResult.metadata of {}");
      assertEqual((await ctx.store.getFileInfo("empty.txt")).metadata, undefined, "FileInfo.metadata of {}");
    },
  },
  {
    id: "CONF-177",
    area,
    title: "metadata of the wrong type is a TypeError, before any change",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("keep.txt", "old");
      const bad: unknown[] = ["x", 42, ["a"], { key: 1 }, { key: null }, { key: undefined }, { key: ["v"] }];
      for (const metadata of bad) {
        await expectError(() => ctx.store.write("new/file.txt", "x", { metadata: metadata as never }), "TypeError");
        await expectError(() => ctx.store.write("keep.txt", "new", { overwrite: true, metadata: metadata as never }), "TypeError");
      }
      await expectAbsent(ctx.store, "new");
      await expectContent(ctx.store, "keep.txt", "old");
    },
  },
  {
    id: "CONF-178",
    area,
    title: "an empty, underscore-led or non-ASCII key is refused (TypeError or RangeError), before any change",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("keep.txt", "old");
      for (const key of ["", "_private", "clé", "k\u{1F600}"]) {
        await expectError(() => ctx.store.write("new/file.txt", "x", { metadata: { [key]: "v" } }), ["TypeError", "RangeError"]);
        await expectError(() => ctx.store.write("keep.txt", "new", { overwrite: true, metadata: { ok: "v", [key]: "v" } }), ["TypeError", "RangeError"]);
      }
      await expectAbsent(ctx.store, "new");
      await expectContent(ctx.store, "keep.txt", "old");
    },
  },
  {
    id: "CONF-179",
    area,
    title: "metadata of exactly 2048 bytes (keys plus UTF-8 values) is accepted",
    needs: ["write", "metadata", "userMetadata"],
    run: async (ctx) => {
      const ascii = { k: "v".repeat(2047) };
      await ctx.store.write("ascii.txt", "x", { metadata: ascii });
      assertDeepEqual((await ctx.store.getFileInfo("ascii.txt")).metadata, ascii, "FileInfo.metadata of 2048 ASCII bytes");
      const multiByte = { ab: "é".repeat(1023) };
      await ctx.store.write("utf8.txt", "x", { metadata: multiByte });
      assertDeepEqual((await ctx.store.getFileInfo("utf8.txt")).metadata, multiByte, "FileInfo.metadata of 2048 UTF-8 bytes");
    },
  },
  {
    id: "CONF-180",
    area,
    title: "metadata over 2048 bytes (counted in UTF-8) is a RangeError, before any change",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("keep.txt", "old");
      const tooBig = [{ k: "v".repeat(2048) }, { ab: "é".repeat(1024) }, { a: "x".repeat(1000), b: "y".repeat(1000), c: "z".repeat(46) }];
      for (const metadata of tooBig) {
        await expectError(() => ctx.store.write("new/file.txt", "x", { metadata }), "RangeError");
        await expectError(() => ctx.store.write("keep.txt", "new", { overwrite: true, metadata }), "RangeError");
      }
      await expectAbsent(ctx.store, "new");
      await expectContent(ctx.store, "keep.txt", "old");
    },
  },
  {
    id: "CONF-181",
    area,
    title: "changing the metadata object after the write changes nothing stored",
    needs: ["write", "metadata", "userMetadata"],
    run: async (ctx) => {
      const input: Record<string, string> = { author: "alice" };
      await ctx.store.write("alias.txt", "x", { metadata: input });
      input.author = "mallory";
      input.extra = "added";
      assertDeepEqual((await ctx.store.getFileInfo("alias.txt")).metadata, { author: "alice" }, "FileInfo.metadata after changing the input");
    },
  },
  {
    id: "CONF-182",
    area,
    title: "returned metadata is frozen, and changing it changes nothing stored",
    needs: ["write", "metadata", "userMetadata"],
    run: async (ctx) => {
      const result = await ctx.store.write("frozen.txt", "x", { metadata: { author: "alice" } });
      const info = await ctx.store.getFileInfo("frozen.txt");
      expectFrozen(result.metadata, "WriteResult.metadata");
      expectFrozen(info.metadata, "FileInfo.metadata");
      for (const returned of [result.metadata, info.metadata]) {
        const target = returned as Record<string, string>;
        tryMutate(() => {
          target.author = "mallory";
        });
        tryMutate(() => {
          target.extra = "added";
        });
      }
      assertDeepEqual((await ctx.store.getFileInfo("frozen.txt")).metadata, { author: "alice" }, "FileInfo.metadata afterwards");
    },
  },
  {
    id: "CONF-183",
    area,
    title: "an overwrite replaces the metadata (with undefined when none is given)",
    needs: ["write", "metadata", "userMetadata"],
    run: async (ctx) => {
      await ctx.store.write("o.txt", "1", { metadata: { a: "1", b: "2" } });
      await ctx.store.write("o.txt", "2", { overwrite: true, metadata: { c: "3" } });
      assertDeepEqual((await ctx.store.getFileInfo("o.txt")).metadata, { c: "3" }, "metadata after an overwrite with metadata");
      await ctx.store.write("o.txt", "3", { overwrite: true });
      assertEqual((await ctx.store.getFileInfo("o.txt")).metadata, undefined, "metadata after an overwrite without metadata");
    },
  },
  {
    id: "CONF-184",
    area,
    title: "copy keeps metadata; a copy of a file without metadata has none; an overwriting copy replaces the destination's",
    needs: ["write", "metadata", "userMetadata", "copy"],
    run: async (ctx) => {
      await ctx.store.write("with.txt", "x", { metadata: META });
      await ctx.store.write("without.txt", "y");
      await ctx.store.write("target.txt", "z", { metadata: { old: "yes" } });
      await ctx.store.copy("with.txt", "copy/with.txt");
      await ctx.store.copy("without.txt", "copy/without.txt");
      await ctx.store.copy("without.txt", "target.txt", { overwrite: true });
      assertDeepEqual((await ctx.store.getFileInfo("copy/with.txt")).metadata, META, "metadata of the copy");
      assertDeepEqual((await ctx.store.getFileInfo("with.txt")).metadata, META, "metadata of the source after copy");
      assertEqual((await ctx.store.getFileInfo("copy/without.txt")).metadata, undefined, "metadata of a copy of a file without metadata");
      assertEqual((await ctx.store.getFileInfo("target.txt")).metadata, undefined, "metadata of an overwritten destination");
    },
  },
  {
    id: "CONF-185",
    area,
    title: "move keeps metadata",
    needs: ["write", "metadata", "userMetadata", "move"],
    run: async (ctx) => {
      await ctx.store.write("src.txt", "x", { metadata: META });
      await ctx.store.move("src.txt", "moved/dst.txt");
      assertDeepEqual((await ctx.store.getFileInfo("moved/dst.txt")).metadata, META, "metadata after move");
    },
  },
  {
    id: "CONF-186",
    area,
    title: "listings (flat, recursive, iterChildren, glob) carry the stored metadata",
    needs: ["write", "userMetadata", "list"],
    run: async (ctx) => {
      await ctx.store.write("l/with.txt", "x", { metadata: META });
      await ctx.store.write("l/without.txt", "y");
      const sources = [
        ["listFiles", await ctx.store.listFiles("l").toArray()],
        ["recursive listFiles", await ctx.store.listFiles("", { recursive: true }).toArray()],
        ["iterChildren", await ctx.store.iterChildren("l").toArray()],
        ["glob", await ctx.store.glob("**/*.txt").toArray()],
      ] as const;
      for (const [label, items] of sources) {
        const byPath = new Map(items.map((item) => [item.path, item]));
        const withMeta = byPath.get("l/with.txt");
        const withoutMeta = byPath.get("l/without.txt");
        assertDeepEqual(withMeta?.kind === "file" ? withMeta.metadata : "missing", META, `${label} metadata of l/with.txt`);
        assertEqual(withoutMeta?.kind === "file" ? withoutMeta.metadata : "missing", undefined, `${label} metadata of l/without.txt`);
      }
    },
  },
  {
    id: "CONF-187",
    area,
    title: "writeAtomic and writeText store and validate metadata like write",
    needs: ["write", "atomicWrite", "metadata", "userMetadata"],
    run: async (ctx) => {
      await ctx.store.writeAtomic("a.txt", "x", { metadata: META });
      await ctx.store.writeText("t.txt", "x", { metadata: META });
      assertDeepEqual((await ctx.store.getFileInfo("a.txt")).metadata, META, "metadata written by writeAtomic");
      assertDeepEqual((await ctx.store.getFileInfo("t.txt")).metadata, META, "metadata written by writeText");
      await expectError(() => ctx.store.writeAtomic("b.txt", "x", { metadata: { k: 1 as never } }), "TypeError");
      await expectError(() => ctx.store.writeAtomic("b.txt", "x", { metadata: { k: "v".repeat(2048) } }), "RangeError");
      await expectError(() => ctx.store.writeText("b.txt", "x", { metadata: { k: "v".repeat(2048) } }), "RangeError");
      await expectAbsent(ctx.store, "b.txt");
    },
  },
];
