import { describe, expect, it } from "vitest";
import { bytes, expectFailure, freshBackend, put, writeOptions } from "./helpers.js";

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number[] }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return { text: new TextDecoder().decode(all), chunks: parts.map((p) => p.length) };
}

describe("LocalBackend reads", () => {
  it("LOC-050 read streams the file; ranges are clipped", async () => {
    const { backend } = await freshBackend();
    await put(backend, "r.txt", "0123456789");
    expect((await drain(await backend.read("r.txt", { offset: 0, length: undefined }))).text).toBe("0123456789");
    expect((await drain(await backend.read("r.txt", { offset: 3, length: 4 }))).text).toBe("3456");
    expect((await drain(await backend.read("r.txt", { offset: 8, length: 100 }))).text).toBe("89");
    expect((await drain(await backend.read("r.txt", { offset: 10, length: undefined }))).text).toBe("");
    expect((await drain(await backend.read("r.txt", { offset: 50, length: 2 }))).text).toBe("");
    expect((await drain(await backend.read("r.txt", { offset: 2, length: 0 }))).text).toBe("");
  });

  it("LOC-050 a large file streams in chunks of at most 64 KiB", async () => {
    const { backend } = await freshBackend();
    await backend.write("big.bin", new Uint8Array(200_000).fill(7), writeOptions());
    const { chunks } = await drain(await backend.read("big.bin", { offset: 0, length: undefined }));
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(64 * 1024);
  });

  it("LOC-050 a stream opened before an overwrite keeps the old bytes", async () => {
    const { backend } = await freshBackend();
    await put(backend, "v.txt", "version one");
    const stream = await backend.read("v.txt", { offset: 0, length: undefined });
    await put(backend, "v.txt", "second version, longer", { overwrite: true });
    expect((await drain(stream)).text).toBe("version one");
  });

  it("LOC-050 errors are raised when the promise settles: missing, below a file, a folder", async () => {
    const { backend, dir } = await freshBackend();
    await put(backend, "f.txt");
    await put(backend, "d/x.txt");
    const all = { offset: 0, length: undefined };
    await expectFailure(backend.read("missing.txt", all), "NOT_FOUND", "missing.txt", dir);
    await expectFailure(backend.read("f.txt/child", all), "NOT_FOUND", "f.txt/child", dir);
    await expectFailure(backend.read("d", all), "INVALID_PATH", "d", dir);
    await expectFailure(backend.read("", all), "INVALID_PATH", "", dir);
  });

  it("LOC-050 cancelling a stream releases it", async () => {
    const { backend } = await freshBackend();
    await backend.write("c.bin", new Uint8Array(300_000), writeOptions());
    const stream = await backend.read("c.bin", { offset: 0, length: undefined });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await backend.delete("c.bin", { missingOk: false });
    expect(await backend.exists("c.bin")).toBe(false);
  });

  it("LOC-051 readBytes returns a plain Uint8Array of the clipped range", async () => {
    const { backend } = await freshBackend();
    await backend.write("b.bin", bytes("abcdef"), writeOptions());
    const part = await backend.readBytes("b.bin", { offset: 1, length: 3 });
    expect(part.constructor).toBe(Uint8Array);
    expect(new TextDecoder().decode(part)).toBe("bcd");
    expect((await backend.readBytes("b.bin", { offset: 6, length: undefined })).length).toBe(0);
    await expectFailure(backend.readBytes("nope", { offset: 0, length: undefined }), "NOT_FOUND", "nope");
  });
});
