import { describe, expect, it } from "vitest";
import type { Backend, BackendUrlOptions } from "../../src/index.js";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";

describe("Store url", () => {
  it("ST-100 url is memory://<backend name>/<backend path>, percent-encoded per segment; the object need not exist", async () => {
    const store = new Store({ backend: new MemoryBackend({ name: "mem" }), rootPath: "base dir" });
    expect(await store.url("a/b.txt")).toBe("memory://mem/base%20dir/a/b.txt");
    expect(await store.url("/x\\y #?.txt")).toBe("memory://mem/base%20dir/x/y%20%23%3F.txt");
    expect(await store.exists("a/b.txt")).toBe(false);
    const unrooted = new Store({ backend: new MemoryBackend({ name: "n" }) });
    expect(await unrooted.url("é.txt")).toBe("memory://n/%C3%A9.txt");
  });

  it("ST-100 url is a file operation: the root and malformed paths are InvalidPath", async () => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "r" });
    await expectCode(store.url(""), "INVALID_PATH", "");
    await expectCode(store.url("./"), "INVALID_PATH", "");
    await expectCode(store.url("../x"), "INVALID_PATH", "../x");
  });

  it("ST-100 url returns a Promise of a string", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const pending = store.url("f");
    expect(pending).toBeInstanceOf(Promise);
    expect(typeof (await pending)).toBe("string");
  });

  it("ST-101 expiresIn reaches the backend only when given; memory URLs ignore it", async () => {
    const seen: (BackendUrlOptions | undefined)[] = [];
    const memory = new MemoryBackend({ name: "m" });
    const spy: Backend = Object.assign(Object.create(memory) as MemoryBackend, {
      url: (path: string, options?: BackendUrlOptions) => {
        seen.push(options);
        return memory.url(path);
      },
    });
    const store = new Store({ backend: spy });
    expect(await store.url("a.txt", { expiresIn: 60 })).toBe("memory://m/a.txt");
    expect(await store.url("a.txt")).toBe("memory://m/a.txt");
    expect(await store.url("a.txt", {})).toBe("memory://m/a.txt");
    expect(seen).toEqual([{ expiresIn: 60 }, undefined, undefined]);
  });

  it("ST-101 a bad expiresIn is a TypeError or RangeError before the backend is asked", async () => {
    let calls = 0;
    const memory = new MemoryBackend();
    const spy: Backend = Object.assign(Object.create(memory) as MemoryBackend, { url: () => Promise.resolve(`call ${++calls}`) });
    const store = new Store({ backend: spy });
    await expect(store.url("a", { expiresIn: "60" as never })).rejects.toThrow(TypeError);
    for (const expiresIn of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(store.url("a", { expiresIn })).rejects.toThrow(RangeError);
    }
    await expect(store.url("a", 5 as never)).rejects.toThrow(TypeError);
    expect(calls).toBe(0);
  });
});
