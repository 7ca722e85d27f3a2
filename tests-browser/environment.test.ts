/**
 * BR-023: the browser run really is a browser, and the core entry uses the page's own web
 * platform objects there (streams, Blob, TextDecoder), not Node's.
 */
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../src/index.js";

describe("the browser run", () => {
  it("BR-023 runs in Chromium with a DOM and without Node globals", () => {
    expect(typeof window).toBe("object");
    expect(typeof document.createElement).toBe("function");
    expect(navigator.userAgent).toMatch(/Chrome\//);
    const scope = globalThis as Record<string, unknown>;
    for (const name of ["Buffer", "require", "__dirname", "setImmediate", "global"]) expect(typeof scope[name], name).toBe("undefined");
    // Vitest's browser runner adds a bare `process.env` stub to the page; it is not Node's process.
    const stub = scope.process as { versions?: unknown; platform?: unknown } | undefined;
    expect(stub?.versions).toBeUndefined();
    expect(stub?.platform).toBeUndefined();
  });

  it("BR-023 reads come back as the page's ReadableStream, and a Response can consume them", async () => {
    await using store = new Store({ backend: new MemoryBackend(), rootPath: "web" });
    await store.writeText("greeting.txt", "hello, browser");
    const stream = await store.read("greeting.txt");
    expect(stream).toBeInstanceOf(window.ReadableStream);
    expect(await new Response(stream).text()).toBe("hello, browser");
  });

  it("BR-023 a File from an <input type=file> and a fetched body are ordinary write content", async () => {
    await using store = new Store({ backend: new MemoryBackend() });
    const file = new File([new Uint8Array([0xff, 0x00, 0x7f])], "raw.bin", { type: "application/octet-stream" });
    await store.write("upload/raw.bin", file);
    await store.write("upload/body.txt", new Response("streamed body").body!);
    expect([...(await store.readBytes("upload/raw.bin"))]).toEqual([0xff, 0x00, 0x7f]);
    expect(await store.readText("upload/body.txt")).toBe("streamed body");
    const names = (await store.listFiles("upload").toArray()).map((info) => info.name);
    expect(names).toEqual(["body.txt", "raw.bin"]);
  });

  it("BR-023 glob loads minimatch lazily in the page and matches", async () => {
    await using store = new Store({ backend: new MemoryBackend() });
    for (const path of ["src/a.ts", "src/deep/b.ts", "src/c.css", "README.md"]) await store.writeText(path, path);
    const matched = (await store.glob("src/**/*.ts").toArray()).map((info) => info.path);
    expect(matched).toEqual(["src/a.ts", "src/deep/b.ts"]);
  });
});
