import { assertDeepEqual, expectError, expectRejection } from "../assert.js";
import { collectStream, patternBytes, utf8 } from "./support/content.js";
import type { ConformanceCase } from "./types.js";

const area = "range-read" as const;

const DIGITS = "0123456789";

async function seedDigits(ctx: Parameters<ConformanceCase["run"]>[0]): Promise<void> {
  await ctx.store.write("digits.txt", DIGITS);
}

/** spec/store.md ST-020, ST-022: offset and length, on every backend (the Store reads and discards without rangeRead). */
export const rangeReadCases: readonly ConformanceCase[] = [
  {
    id: "CONF-090",
    area,
    title: "offset alone reads from the offset to the end",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 3 }), utf8("3456789"), "offset 3");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 0 }), utf8(DIGITS), "offset 0");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 9 }), utf8("9"), "offset 9");
    },
  },
  {
    id: "CONF-091",
    area,
    title: "offset and length read exactly that slice",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 3, length: 3 }), utf8("345"), "offset 3 length 3");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { length: 2 }), utf8("01"), "length 2");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 9, length: 1 }), utf8("9"), "offset 9 length 1");
    },
  },
  {
    id: "CONF-092",
    area,
    title: "length 0 reads nothing",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { length: 0 }), new Uint8Array(0), "length 0");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 5, length: 0 }), new Uint8Array(0), "offset 5 length 0");
    },
  },
  {
    id: "CONF-093",
    area,
    title: "an offset at or past the end gives empty content (readBytes and read)",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      for (const offset of [10, 11, 1000]) {
        assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset }), new Uint8Array(0), `readBytes offset ${offset}`);
        assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset, length: 5 }), new Uint8Array(0), `readBytes offset ${offset} length 5`);
        const { bytes } = await collectStream(await ctx.store.read("digits.txt", { offset }));
        assertDeepEqual(bytes, new Uint8Array(0), `read offset ${offset}`);
      }
    },
  },
  {
    id: "CONF-094",
    area,
    title: "a length past the end is clipped",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { offset: 7, length: 100 }), utf8("789"), "offset 7 length 100");
      assertDeepEqual(await ctx.store.readBytes("digits.txt", { length: 11 }), utf8(DIGITS), "length 11");
    },
  },
  {
    id: "CONF-095",
    area,
    title: "read and readBytes agree with slicing for a grid of ranges over 1000 bytes",
    needs: ["write", "read"],
    run: async (ctx) => {
      const content = patternBytes(1000, 7);
      await ctx.store.write("grid.bin", content);
      for (const offset of [0, 1, 255, 256, 999, 1000]) {
        for (const length of [undefined, 0, 1, 100, 745, 2000]) {
          const expected = content.slice(offset, length === undefined ? undefined : offset + length);
          const range = length === undefined ? { offset } : { offset, length };
          assertDeepEqual(await ctx.store.readBytes("grid.bin", range), expected, `readBytes ${JSON.stringify(range)}`);
          const { bytes } = await collectStream(await ctx.store.read("grid.bin", range));
          assertDeepEqual(bytes, expected, `read ${JSON.stringify(range)}`);
        }
      }
    },
  },
  {
    id: "CONF-096",
    area,
    title: "a negative, fractional, NaN or infinite offset or length is a RangeError (rejected)",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
        await expectRejection(() => ctx.store.readBytes("digits.txt", { offset: bad }), "RangeError");
        await expectRejection(() => ctx.store.readBytes("digits.txt", { length: bad }), "RangeError");
        await expectRejection(() => ctx.store.read("digits.txt", { offset: bad }), "RangeError");
        await expectRejection(() => ctx.store.read("digits.txt", { length: bad }), "RangeError");
      }
    },
  },
  {
    id: "CONF-097",
    area,
    title: "an offset or length that is not a number is a TypeError (rejected)",
    needs: ["write", "read"],
    run: async (ctx) => {
      await seedDigits(ctx);
      for (const bad of ["3", {}, true]) {
        await expectRejection(() => ctx.store.readBytes("digits.txt", { offset: bad as never }), "TypeError");
        await expectRejection(() => ctx.store.readBytes("digits.txt", { length: bad as never }), "TypeError");
      }
    },
  },
  {
    id: "CONF-098",
    area,
    title: "ranges of an empty file are empty",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("empty.bin", new Uint8Array(0));
      assertDeepEqual(await ctx.store.readBytes("empty.bin", { offset: 0 }), new Uint8Array(0), "offset 0");
      assertDeepEqual(await ctx.store.readBytes("empty.bin", { offset: 5, length: 3 }), new Uint8Array(0), "offset 5 length 3");
    },
  },
  {
    id: "CONF-099",
    area,
    title: "a range does not change the errors: missing → NotFound, folder → InvalidPath",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("dir/a.txt", "a");
      await expectError(() => ctx.store.readBytes("missing.txt", { offset: 1, length: 1 }), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.read("missing.txt", { offset: 1 }), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.readBytes("dir", { offset: 1 }), "INVALID_PATH", "dir");
    },
  },
];
