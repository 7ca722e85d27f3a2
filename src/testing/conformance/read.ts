import { assert, assertDeepEqual, assertEqual, expectError, expectRejection, show } from "../assert.js";
import { collectStream, utf8 } from "./support/content.js";
import { expectContent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "read" as const;

const BINARY = new Uint8Array([0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff]);

/** spec/store.md ST-020..ST-024: reads. */
export const readCases: readonly ConformanceCase[] = [
  {
    id: "CONF-070",
    area,
    title: "readBytes returns exactly the bytes written, including 0x00 and 0xff",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("data.bin", BINARY);
      assertDeepEqual(await ctx.store.readBytes("data.bin"), BINARY, 'readBytes("data.bin")');
    },
  },
  {
    id: "CONF-071",
    area,
    title: "read returns a ReadableStream of Uint8Array chunks with the bytes written",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("data.bin", BINARY);
      const stream = await ctx.store.read("data.bin");
      assert(typeof stream.getReader === "function", `read(): expected a ReadableStream, got ${show(stream)}`);
      const { bytes, badChunk } = await collectStream(stream);
      assertEqual(badChunk, undefined, "type of a chunk that is not a Uint8Array");
      assertDeepEqual(bytes, BINARY, "streamed content");
    },
  },
  {
    id: "CONF-072",
    area,
    title: "readText decodes UTF-8 by default",
    needs: ["write", "read"],
    run: async (ctx) => {
      const text = "héllo wörld 😀 漢字";
      await ctx.store.write("t.txt", utf8(text));
      assertEqual(await ctx.store.readText("t.txt"), text, 'readText("t.txt")');
    },
  },
  {
    id: "CONF-073",
    area,
    title: "readText is not fatal: invalid UTF-8 becomes U+FFFD",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("bad.txt", new Uint8Array([0x61, 0xff, 0x62, 0xc3]));
      assertEqual(await ctx.store.readText("bad.txt"), "a\uFFFDb\uFFFD", 'readText("bad.txt")');
    },
  },
  {
    id: "CONF-074",
    area,
    title: "readText honours the encoding option (a TextDecoder label)",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("latin.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
      assertEqual(await ctx.store.readText("latin.txt", { encoding: "latin1" }), "café", "readText latin1");
      await ctx.store.write("utf16.txt", new Uint8Array([0x68, 0x00, 0x69, 0x00]));
      assertEqual(await ctx.store.readText("utf16.txt", { encoding: "utf-16le" }), "hi", "readText utf-16le");
    },
  },
  {
    id: "CONF-075",
    area,
    title: "reading a missing file is NotFound with the path",
    needs: ["read"],
    run: async (ctx) => {
      await expectError(() => ctx.store.read("missing.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.readBytes("missing.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.readText("deep/missing.txt"), "NOT_FOUND", "deep/missing.txt");
    },
  },
  {
    id: "CONF-076",
    area,
    title: "reading a folder is InvalidPath with the folder's path",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("rdir/sub/file.txt", "x");
      for (const folder of ["rdir", "rdir/sub"]) {
        await expectError(() => ctx.store.read(folder), "INVALID_PATH", folder);
        await expectError(() => ctx.store.readBytes(folder), "INVALID_PATH", folder);
        await expectError(() => ctx.store.readText(folder), "INVALID_PATH", folder);
      }
    },
  },
  {
    id: "CONF-077",
    area,
    title: "reading below a file is NotFound with the path asked for",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("rufa.txt", "x");
      await expectError(() => ctx.store.read("rufa.txt/child.txt"), "NOT_FOUND", "rufa.txt/child.txt");
      await expectError(() => ctx.store.readBytes("rufa.txt/child.txt"), "NOT_FOUND", "rufa.txt/child.txt");
      await expectError(() => ctx.store.readText("rufa.txt/a/b"), "NOT_FOUND", "rufa.txt/a/b");
    },
  },
  {
    id: "CONF-078",
    area,
    title: "read errors carry the normalised path; reads accept any spelling of a path",
    needs: ["write", "read"],
    run: async (ctx) => {
      await expectError(() => ctx.store.readBytes("/nope//x.txt/"), "NOT_FOUND", "nope/x.txt");
      await expectError(() => ctx.store.readBytes("nope\\x.txt"), "NOT_FOUND", "nope/x.txt");
      await ctx.store.write("dir/a.txt", "a");
      await expectContent(ctx.store, "/dir//a.txt", "a");
      await expectContent(ctx.store, "./dir/./a.txt/", "a");
    },
  },
  {
    id: "CONF-079",
    area,
    title: "readBytes returns a fresh array: changing it changes nothing stored",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("own.bin", new Uint8Array([1, 2, 3]));
      const first = await ctx.store.readBytes("own.bin");
      first.fill(9);
      const second = await ctx.store.readBytes("own.bin");
      assert(first !== second, "readBytes returned the same array twice");
      assertDeepEqual(second, new Uint8Array([1, 2, 3]), "content after changing a returned array");
    },
  },
  {
    id: "CONF-080",
    area,
    title: "an empty file reads as zero bytes and as the empty string",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("empty.txt", new Uint8Array(0));
      assertDeepEqual(await ctx.store.readBytes("empty.txt"), new Uint8Array(0), 'readBytes("empty.txt")');
      assertEqual(await ctx.store.readText("empty.txt"), "", 'readText("empty.txt")');
      const { bytes } = await collectStream(await ctx.store.read("empty.txt"));
      assertEqual(bytes.length, 0, "streamed length");
    },
  },
  {
    id: "CONF-081",
    area,
    title: "reads reject a non-string path with TypeError and an unknown encoding with RangeError",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("a.txt", "a");
      for (const bad of [1, null, undefined, ["a.txt"]]) {
        await expectRejection(() => ctx.store.read(bad as never), "TypeError");
        await expectRejection(() => ctx.store.readBytes(bad as never), "TypeError");
        await expectRejection(() => ctx.store.readText(bad as never), "TypeError");
      }
      await expectRejection(() => ctx.store.readText("a.txt", { encoding: "no-such-encoding" }), "RangeError");
    },
  },
];
