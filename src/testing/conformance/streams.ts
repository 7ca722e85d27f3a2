import { assertDeepEqual, assertEqual } from "../assert.js";
import { collectStream, patternBytes } from "./support/content.js";
import { expectContent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "streams" as const;

/** spec/store.md ST-021: `read` streams (Web `ReadableStream`s). */
export const streamCases: readonly ConformanceCase[] = [
  {
    id: "CONF-455",
    area,
    title: "a 1 MiB file streams as Uint8Array chunks that reassemble exactly",
    needs: ["write", "read"],
    run: async (ctx) => {
      const content = patternBytes(1 << 20, 5);
      await ctx.store.write("big.bin", content);
      const { bytes, badChunk } = await collectStream(await ctx.store.read("big.bin"));
      assertEqual(badChunk, undefined, "type of a chunk that is not a Uint8Array");
      assertDeepEqual(bytes, content, "reassembled stream");
    },
  },
  {
    id: "CONF-456",
    area,
    title: "a stream can be cancelled after the first chunk; the store keeps working",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("c.bin", patternBytes(256 * 1024));
      const reader = (await ctx.store.read("c.bin")).getReader();
      const first = await reader.read();
      assertEqual(first.done, false, "first read done");
      await reader.cancel();
      await expectContent(ctx.store, "c.bin", patternBytes(256 * 1024));
      await ctx.store.write("c.bin", "after", { overwrite: true });
      await expectContent(ctx.store, "c.bin", "after");
    },
  },
  {
    id: "CONF-457",
    area,
    title: "two streams of one file read at the same time both deliver the whole content",
    needs: ["write", "read"],
    run: async (ctx) => {
      const content = patternBytes(300_000, 9);
      await ctx.store.write("twice.bin", content);
      const [a, b] = await Promise.all([ctx.store.read("twice.bin"), ctx.store.read("twice.bin")]);
      const [x, y] = await Promise.all([collectStream(a), collectStream(b)]);
      assertDeepEqual(x.bytes, content, "first stream");
      assertDeepEqual(y.bytes, content, "second stream");
    },
  },
  {
    id: "CONF-458",
    area,
    title: "a stream that is never read does not block other operations on the file",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("idle.bin", patternBytes(1000));
      const idle = await ctx.store.read("idle.bin");
      await ctx.store.write("idle.bin", "replaced", { overwrite: true });
      await expectContent(ctx.store, "idle.bin", "replaced");
      await ctx.store.delete("idle.bin");
      await idle.cancel();
      assertEqual(await ctx.store.exists("idle.bin"), false, "exists after delete");
    },
  },
];
