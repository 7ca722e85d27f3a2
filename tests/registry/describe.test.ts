import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Registry } from "../../src/index.js";

function sample(): Registry {
  return new Registry(
    {
      backends: { mem: { type: "memory", options: { maxSize: 100 } }, named: "memory://shared/base" },
      stores: { reports: { backend: "named", rootPath: "reports" }, cache: { backend: "mem", rootPath: "cache" } },
    },
    { source: "app.yaml" },
  );
}

describe("describing a registry", () => {
  it("REG-090 toJSON lists backends (type, options, URL, created) and stores (backend, effective root) in name order", () => {
    const registry = sample();
    registry.getStore("cache");
    const facts = registry.toJSON();
    expect(facts).toEqual({
      source: "app.yaml",
      backends: {
        mem: { type: "memory", options: { maxSize: 100 }, created: true },
        named: { type: "memory", options: { name: "shared" }, url: "memory://shared/base", created: false },
      },
      stores: { cache: { backend: "mem", rootPath: "cache" }, reports: { backend: "named", rootPath: "base/reports" } },
    });
    expect(Object.keys(facts.stores)).toEqual(["cache", "reports"]);
  });

  it("REG-090 describe() has one line per backend and store; util.inspect shows the same text", () => {
    const registry = sample();
    const text = registry.describe();
    const lines = text.split("\n");
    expect(lines.filter((line) => /^ {2}(mem|named): /.test(line))).toHaveLength(2);
    expect(lines.filter((line) => /^ {2}(cache|reports): /.test(line))).toHaveLength(2);
    expect(text).toContain("app.yaml");
    expect(text).toContain('"base/reports"');
    expect(inspect(registry)).toBe(text);
  });

  it("REG-090 created flips after getStore and back after close", async () => {
    const registry = sample();
    expect(registry.toJSON().backends.mem!.created).toBe(false);
    registry.getStore("cache");
    expect(registry.toJSON().backends.mem!.created).toBe(true);
    await registry.close();
    expect(registry.toJSON().backends.mem!.created).toBe(false);
  });

  it("REG-090 toString is one line naming backends and stores", () => {
    expect(sample().toString()).toBe("Registry(backends: mem, named; stores: cache, reports)");
    expect(new Registry({}).toString()).toBe("Registry(backends: none; stores: none)");
  });

  it("REG-091 storeNames and backendNames are frozen and sorted", () => {
    const registry = sample();
    expect(registry.storeNames).toEqual(["cache", "reports"]);
    expect(registry.backendNames).toEqual(["mem", "named"]);
    expect(Object.isFrozen(registry.storeNames)).toBe(true);
    expect(Object.isFrozen(registry.backendNames)).toBe(true);
  });
});
