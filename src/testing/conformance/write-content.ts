import { assertDeepEqual, assertEqual, expectAnyError } from "../assert.js";
import { chunksOf, concat, filledBytes, patternBytes, streamOf, utf8 } from "./support/content.js";
import { expectAbsent, expectContent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "write-content" as const;

/** A source that fills one `buffer` with 1, 2, … `count` and yields that same buffer each time. */
async function* reusingChunks(buffer: Uint8Array, count: number): AsyncGenerator<Uint8Array> {
  for (let value = 1; value <= count; value++) {
    buffer.fill(value);
    yield buffer;
    await Promise.resolve();
  }
}

/** What {@link reusingChunks} stores: `count` runs of `size` bytes, filled with 1, 2, … */
function filledRun(size: number, count: number): Uint8Array {
  return concat(Array.from({ length: count }, (_, index) => filledBytes(size, index + 1)));
}

/** spec/store.md ST-030: every accepted content type, copied in. */
export const writeContentCases: readonly ConformanceCase[] = [
  {
    id: "CONF-130",
    area,
    title: "a Uint8Array view stores only the bytes it views",
    needs: ["write", "read"],
    run: async (ctx) => {
      const buffer = patternBytes(16).buffer;
      const view = new Uint8Array(buffer, 4, 6);
      const result = await ctx.store.write("view.bin", view);
      assertEqual(result.size, 6, "WriteResult.size");
      await expectContent(ctx.store, "view.bin", new Uint8Array([4, 5, 6, 7, 8, 9]));
    },
  },
  {
    id: "CONF-131",
    area,
    title: "an ArrayBuffer is stored whole",
    needs: ["write", "read"],
    run: async (ctx) => {
      const result = await ctx.store.write("buf.bin", patternBytes(300).buffer);
      assertEqual(result.size, 300, "WriteResult.size");
      await expectContent(ctx.store, "buf.bin", patternBytes(300));
    },
  },
  {
    id: "CONF-132",
    area,
    title: "a string is stored as UTF-8",
    needs: ["write", "read"],
    run: async (ctx) => {
      const result = await ctx.store.write("s.txt", "ü漢😀");
      assertEqual(result.size, 9, "WriteResult.size");
      await expectContent(ctx.store, "s.txt", utf8("ü漢😀"));
    },
  },
  {
    id: "CONF-133",
    area,
    title: "a Blob is stored with its bytes",
    needs: ["write", "read"],
    run: async (ctx) => {
      const blob = new Blob([utf8("blob "), patternBytes(100)]);
      const result = await ctx.store.write("b.bin", blob);
      assertEqual(result.size, 105, "WriteResult.size");
      await expectContent(ctx.store, "b.bin", concat([utf8("blob "), patternBytes(100)]));
    },
  },
  {
    id: "CONF-134",
    area,
    title: "a ReadableStream of many chunks is stored whole (1 MiB in 64 KiB chunks)",
    needs: ["write", "read"],
    run: async (ctx) => {
      const content = patternBytes(1 << 20, 11);
      const result = await ctx.store.write("stream.bin", streamOf(chunksOf(content, 65536)));
      assertEqual(result.size, content.length, "WriteResult.size");
      await expectContent(ctx.store, "stream.bin", content);
    },
  },
  {
    id: "CONF-135",
    area,
    title: "a sync iterable of mixed Uint8Array and string chunks is stored in order",
    needs: ["write", "read"],
    run: async (ctx) => {
      const result = await ctx.store.write("it.txt", [utf8("ab"), "cd", new Uint8Array(0), "é"]);
      assertEqual(result.size, 6, "WriteResult.size");
      await expectContent(ctx.store, "it.txt", "abcdé");
    },
  },
  {
    id: "CONF-136",
    area,
    title: "an async iterable of chunks is stored in order",
    needs: ["write", "read"],
    run: async (ctx) => {
      async function* source(): AsyncGenerator<Uint8Array | string> {
        yield "one,";
        await Promise.resolve();
        yield utf8("two,");
        yield "three";
      }
      const result = await ctx.store.write("ait.txt", source());
      assertEqual(result.size, 13, "WriteResult.size");
      await expectContent(ctx.store, "ait.txt", "one,two,three");
    },
  },
  {
    id: "CONF-137",
    area,
    title: "write copies the caller's bytes: changing the array afterwards changes nothing stored",
    needs: ["write", "read"],
    run: async (ctx) => {
      const input = new Uint8Array([1, 2, 3, 4]);
      await ctx.store.write("copy.bin", input);
      input.fill(0);
      await expectContent(ctx.store, "copy.bin", new Uint8Array([1, 2, 3, 4]));
    },
  },
  {
    id: "CONF-138",
    area,
    title: "a source that reuses one buffer for every chunk is stored chunk by chunk",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("reuse.bin", reusingChunks(new Uint8Array(1024), 4));
      assertDeepEqual(await ctx.store.readBytes("reuse.bin"), filledRun(1024, 4), "content written from a reused buffer");
    },
  },
  {
    id: "CONF-141",
    area,
    title: "bytes are copied even from an array whose own slice shares memory (a subclass such as Node's Buffer)",
    needs: ["write", "read"],
    run: async (ctx) => {
      /** A `Uint8Array` whose `slice` returns a view, as `Buffer.prototype.slice` does. */
      class SharingSlice extends Uint8Array<ArrayBuffer> {
        override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
          return this.subarray(start, end);
        }
      }
      const whole = new SharingSlice(new Uint8Array([1, 2, 3, 4]).buffer);
      await ctx.store.write("whole.bin", whole);
      whole.fill(9);
      await expectContent(ctx.store, "whole.bin", new Uint8Array([1, 2, 3, 4]));
      await ctx.store.write("chunks.bin", reusingChunks(new SharingSlice(new ArrayBuffer(1024)), 4));
      assertDeepEqual(await ctx.store.readBytes("chunks.bin"), filledRun(1024, 4), "content written from a reused buffer whose slice shares memory");
    },
  },
  {
    id: "CONF-139",
    area,
    title: "empty sources (stream, iterable, Blob, ArrayBuffer) write an empty file",
    needs: ["write", "read"],
    run: async (ctx) => {
      const sources: [string, unknown][] = [
        ["stream", streamOf([])],
        ["iterable", []],
        ["blob", new Blob([])],
        ["arraybuffer", new ArrayBuffer(0)],
      ];
      for (const [name, source] of sources) {
        const result = await ctx.store.write(`empty-${name}`, source as never);
        assertEqual(result.size, 0, `WriteResult.size from an empty ${name}`);
        await expectContent(ctx.store, `empty-${name}`, new Uint8Array(0));
      }
    },
  },
  {
    id: "CONF-140",
    area,
    title: "a chunk of the wrong type fails the write, and no file is left",
    needs: ["write"],
    run: async (ctx) => {
      await expectAnyError(() => ctx.store.write("bad/chunk.bin", [utf8("ok"), 42] as never));
      await expectAbsent(ctx.store, "bad/chunk.bin");
      await expectAbsent(ctx.store, "bad");
    },
  },
];
