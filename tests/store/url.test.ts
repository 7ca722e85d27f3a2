import { describe, expect, it } from "vitest";
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
});
