import { describe, expect, it } from "vitest";
import { Registry, registerBackendType, MemoryBackend } from "../../src/index.js";

describe("backends named by their config name (spec REG-065)", () => {
  it("REG-065 a memory backend without a name option shows its config name in URLs, not a generated id", async () => {
    await using registry = new Registry({ backends: { scratch: { type: "memory" } }, stores: { notes: { backend: "scratch", rootPath: "n" } } });
    const store = registry.getStore("notes");
    await store.write("a.txt", "x");
    expect(await store.url("a.txt")).toBe("memory://scratch/n/a.txt");
    expect(store.backend.name).toBe("scratch");
  });

  it("REG-065 an explicit name option wins, and the factory of any type is told the config name", async () => {
    await using named = new Registry({ backends: { scratch: { type: "memory", options: { name: "shared" } } }, stores: { s: { backend: "scratch" } } });
    expect(await named.getStore("s").url("b.txt")).toBe("memory://shared/b.txt");
    const seen: unknown[] = [];
    const unregister = registerBackendType("named-probe", (_options, context) => {
      seen.push(context);
      return new MemoryBackend();
    });
    try {
      await using registry = new Registry({ backends: { mine: { type: "named-probe" } }, stores: { s: { backend: "mine" } } });
      registry.getStore("s");
      expect(seen).toEqual([{ name: "mine" }]);
    } finally {
      unregister();
    }
  });
});
