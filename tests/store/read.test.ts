import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode, expectRangeError, expectTypeError } from "../errors/expect-code.js";
import { ForwardingBackend } from "./support/forwarding-backend.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

async function digits(): Promise<Store> {
  const store = new Store({ backend: new MemoryBackend(), rootPath: "r" });
  await store.write("d.txt", "0123456789");
  await store.write("dir/inner.txt", "x");
  return store;
}

describe("Store reading", () => {
  it.each([
    [{}, "0123456789"],
    [{ offset: 3 }, "3456789"],
    [{ offset: 3, length: 4 }, "3456"],
    [{ length: 2 }, "01"],
    [{ offset: 10 }, ""],
    [{ offset: 1000 }, ""],
    [{ offset: 8, length: 100 }, "89"],
    [{ length: 0 }, ""],
    [{ offset: 5, length: 0 }, ""],
  ])("ST-020 range %j reads %j", async (range, expected) => {
    const store = await digits();
    expect(await store.readText("d.txt", range)).toBe(expected);
    expect(new TextDecoder().decode(await store.readBytes("d.txt", range))).toBe(expected);
    expect(await new Response(await store.read("d.txt", range)).text()).toBe(expected);
  });

  it.each([[{ offset: "1" }, "offset"], [{ length: true }, "length"], [{ offset: null }, "offset"], [{ length: "10" }, "length"]])(
    "ST-020 %j is a TypeError naming the option",
    async (range, name) => {
      const store = await digits();
      await expectTypeError(store.readBytes("d.txt", range as never), name);
      await expectTypeError(store.read("d.txt", range as never), name);
    },
  );

  it.each([{ offset: -1 }, { length: -1 }, { offset: 1.5 }, { length: Number.NaN }, { offset: Number.POSITIVE_INFINITY }, { length: Number.POSITIVE_INFINITY }])(
    "ST-020 %j is a RangeError",
    async (range) => {
      const store = await digits();
      await expectRangeError(store.readBytes("d.txt", range));
      await expectRangeError(store.read("d.txt", range));
      await expectRangeError(store.readText("d.txt", range));
    },
  );

  it("ST-021 read returns a ReadableStream of Uint8Array", async () => {
    const store = await digits();
    const stream = await store.read("d.txt");
    expect(stream).toBeInstanceOf(ReadableStream);
    const { value } = await stream.getReader().read();
    expect(value).toBeInstanceOf(Uint8Array);
  });

  it("ST-021 readBytes returns a new array the caller owns", async () => {
    const store = await digits();
    const first = await store.readBytes("d.txt");
    first.fill(0);
    const second = await store.readBytes("d.txt");
    expect(second).not.toBe(first);
    expect(new TextDecoder().decode(second)).toBe("0123456789");
  });

  it("ST-021 readText decodes UTF-8 by default and replaces invalid bytes with U+FFFD", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("utf8", "héllo 😀");
    await store.write("bad", bytes(0x61, 0xff, 0x62, 0xc3));
    expect(await store.readText("utf8")).toBe("héllo 😀");
    expect(await store.readText("bad")).toBe("a\uFFFDb\uFFFD");
  });

  it("ST-024 readText with fatal: invalid bytes reject with a TypeError naming the store-relative path (the decoder's error as cause); valid text reads as usual", async () => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "secret/root" });
    await store.write("dir/bad.txt", bytes(0x61, 0xff, 0x62));
    await store.write("good.txt", "héllo");
    const error = await expectTypeError(store.readText("dir/bad.txt", { fatal: true }), "dir/bad.txt");
    expect(error.message).toBe('The content of "dir/bad.txt" is not valid utf-8');
    expect(error.message).not.toContain("secret");
    expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(TypeError);
    expect(await store.readText("good.txt", { fatal: true })).toBe("héllo");
    expect(await store.readText("dir/bad.txt", { fatal: false })).toBe("a\uFFFDb");
    await expectTypeError(store.readText("good.txt", { fatal: "yes" as never }), "fatal");
  });

  it("ST-021 readText honours the encoding label", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("latin1", bytes(0x63, 0x61, 0x66, 0xe9));
    await store.write("utf16", bytes(0x68, 0x00, 0x69, 0x00));
    expect(await store.readText("latin1", { encoding: "latin1" })).toBe("café");
    expect(await store.readText("utf16", { encoding: "utf-16le" })).toBe("hi");
    expect(await store.readText("latin1", { encoding: "latin1", offset: 3 })).toBe("é");
  });

  it("ST-021 an unknown encoding label is a RangeError before any I/O", async () => {
    const backend = new ForwardingBackend();
    await backend.inner.write("f", bytes(1), { overwrite: false, contentType: "x/y", metadata: undefined });
    const store = new Store({ backend });
    await expectRangeError(store.readText("f", { encoding: "no-such-encoding" }));
    expect(backend.calls).toEqual([]);
  });

  it("ST-023 a missing file, or a path below a file, is NotFound", async () => {
    const store = await digits();
    for (const path of ["missing.txt", "nope/deeper.txt", "d.txt/below"]) {
      await expectCode(store.read(path), "NOT_FOUND", path);
      await expectCode(store.readBytes(path), "NOT_FOUND", path);
      await expectCode(store.readText(path), "NOT_FOUND", path);
    }
  });

  it("ST-023 a folder is InvalidPath; the root is InvalidPath with path \"\"", async () => {
    const store = await digits();
    await expectCode(store.read("dir"), "INVALID_PATH", "dir");
    await expectCode(store.readBytes("dir/"), "INVALID_PATH", "dir");
    await expectCode(store.readText("./dir"), "INVALID_PATH", "dir");
    await expectCode(store.readBytes(""), "INVALID_PATH", "");
  });
});
