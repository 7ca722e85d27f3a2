/**
 * BR-024: the Registry core in a browser, where configs arrive as text (fetched, pasted, bundled)
 * or objects: `fromText` in every format, syntax positions, tables, environment records, memory
 * URLs and `openStore`, redaction. The Node-only `fromFile` cases stay in tests/registry/loaders.
 */
import { describe, expect, it } from "vitest";
import { MemoryBackend, openStore, Registry, registerBackendType } from "../src/index.js";
import { configErrorOfSync, locations } from "../tests/registry/config-errors.js";
import { facts, JSON_CONFIG, PYPROJECT, TOML_CONFIG, YAML_CONFIG } from "../tests/registry/config-texts.js";

describe("Registry from text in a browser", () => {
  it("BR-024 REG-030 JSON, YAML and TOML text give the same registry, and its stores work", async () => {
    const [json, yaml, toml] = (["json", "yaml", "toml"] as const).map((format, index) =>
      Registry.fromText([JSON_CONFIG, YAML_CONFIG, TOML_CONFIG][index]!, { format, source: `config.${format}` }),
    );
    expect(json!.storeNames).toEqual(["cache", "reports"]);
    expect(facts(yaml!)).toEqual(facts(json!));
    expect(facts(toml!)).toEqual(facts(json!));
    await using registry = toml!;
    await registry.getStore("reports").writeText("q1.csv", "region,total\n");
    expect(await registry.getStore("reports").readText("q1.csv")).toBe("region,total\n");
    expect(registry.getStore("reports").rootPath).toBe("reports");
  });

  it("BR-024 REG-032 a syntax error names the source, line and column", () => {
    expect(locations(configErrorOfSync(() => Registry.fromText('{\n  "backends": {},\n}\n', { format: "json", source: "pasted" })))).toEqual(["pasted:3:1"]);
    expect(locations(configErrorOfSync(() => Registry.fromText("[stores]\n\n[backends.mem]\ntype = \n", { format: "toml" })))).toEqual(["<text>:4:8"]);
    expect(locations(configErrorOfSync(() => Registry.fromText("backends:\n  a: {type: memory}\n  a: {type: memory}\n", { format: "yaml" })))).toEqual(["<text>:3:3"]);
  });

  it("BR-024 REG-033 a table of a larger TOML text is selected", () => {
    const registry = Registry.fromText(PYPROJECT, { format: "toml", table: "tool.remote-store" });
    expect(registry.getStore("cache").rootPath).toBe("cache");
    expect(locations(configErrorOfSync(() => registry.getStore("nope")))).toEqual(["tool.remote-store.stores.nope"]);
  });

  it("BR-024 REG-050 REG-051 substitution uses the env record it is given, and nothing else", () => {
    const text = "backends:\n  mem: memory://\nstores:\n  s: { backend: mem, rootPath: '${ROOT:-fallback}/x' }\n";
    expect(Registry.fromText(text, { format: "yaml" }).getStore("s").rootPath).toBe("${ROOT:-fallback}/x");
    expect(Registry.fromText(text, { format: "yaml", env: {} }).getStore("s").rootPath).toBe("fallback/x");
    expect(Registry.fromText(text, { format: "yaml", env: { ROOT: "tenant" } }).getStore("s").rootPath).toBe("tenant/x");
  });

  it("BR-024 REG-042 REG-045 memory URLs: a named tree is shared in a registry, openStore owns a fresh one", async () => {
    await using registry = Registry.fromObject({
      backends: { a: "memory://shared/base", b: "memory://shared", p: "memory://" },
      stores: { viaA: { backend: "a", rootPath: "x" }, viaB: { backend: "b" }, priv: { backend: "p" } },
    });
    await registry.getStore("viaA").writeText("f.txt", "one tree");
    expect(registry.getStore("viaA").rootPath).toBe("base/x");
    expect(await registry.getStore("viaB").readText("base/x/f.txt")).toBe("one tree");
    expect(await registry.getStore("priv").exists("base/x/f.txt")).toBe(false);
    const first = openStore("memory://scratch/tmp?maxSize=64");
    const second = openStore("memory://scratch/tmp");
    await first.writeText("n.txt", "1");
    expect(await second.exists("n.txt")).toBe(false);
    await expect(first.writeText("big.txt", "x".repeat(100))).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    await first.close();
    await second.close();
  });

  it("BR-024 REG-081 REG-090 describe(), toString() and JSON redact secrets in the browser too", () => {
    const unregister = registerBackendType("vault", () => new MemoryBackend());
    try {
      const registry = Registry.fromObject({
        backends: { v: { type: "vault", options: { region: "eu", apiToken: "tok-3141592653" } }, m: "memory://x?maxSize=10" },
        stores: { s: { backend: "v" } },
      });
      const shown = [registry.describe(), String(registry), JSON.stringify(registry)];
      for (const text of shown) expect(text).not.toContain("tok-3141592653");
      expect(registry.describe()).toContain("***");
      expect(registry.toJSON().backends.v?.options).toEqual({ region: "eu", apiToken: "***" });
      expect(String(registry)).toBe("Registry(backends: m, v; stores: s)");
    } finally {
      unregister();
    }
  });
});
