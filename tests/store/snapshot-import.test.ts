import { describe, expect, it } from "vitest";
import { BackendUnavailable, MemoryBackend, Store, exportTree, importTree, type Backend, type Snapshot } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";

/** Three 10-byte files and a folder, in snapshot (code point) order. */
function snapshot(): Snapshot {
  const file = (path: string) => ({ kind: "file" as const, path, text: "0123456789", modifiedAt: "2024-01-01T00:00:00.000Z" });
  return { format: "remote-store-snapshot", version: 1, entries: [file("a.txt"), file("b.txt"), { kind: "folder", path: "d" }, file("d/c.txt")] };
}

async function paths(store: Store): Promise<string[]> {
  return (await store.listFiles("", { recursive: true }).toArray()).map((file) => file.path);
}

describe("importTree is not a transaction", () => {
  it("SNAP-014 a quota failure part-way leaves the files written before it", async () => {
    const store = new Store({ backend: new MemoryBackend({ maxSize: 25 }), rootPath: "in" });
    await expectCode(importTree(store, snapshot(), { into: "target" }), "QUOTA_EXCEEDED", "target/d/c.txt");
    expect(await paths(store)).toEqual(["target/a.txt", "target/b.txt"]);
    expect(await store.readText("target/b.txt")).toBe("0123456789");
  });

  it("SNAP-014 a backend I/O failure part-way leaves what was written before it (folders come first), and no file after it", async () => {
    const inner = new MemoryBackend();
    const failing = new Proxy(inner, {
      get(target, property) {
        if (property === "write") {
          return (path: string, ...rest: unknown[]) =>
            path === "b.txt" ? Promise.reject(new BackendUnavailable(`I/O error writing "${path}"`, { path, backend: inner.name })) : (target.write as (...a: unknown[]) => unknown)(path, ...rest);
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as Backend;
    const store = new Store({ backend: failing });
    await expectCode(importTree(store, snapshot()), "BACKEND_UNAVAILABLE", "b.txt");
    expect(await paths(store)).toEqual(["a.txt"]);
    expect((await exportTree(store)).entries.map((entry) => entry.path)).toEqual(["a.txt", "d"]);
  });
});
