import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string): string => readFileSync(`${ROOT}${file}`, "utf8");

describe("the package (spec/package.md)", () => {
  it("PKG-001 exports exactly the entries the spec lists, and the command", () => {
    const pkg = JSON.parse(read("package.json")) as { name: string; exports: Record<string, unknown>; bin: Record<string, string>; engines: { node: string } };
    expect(pkg.name).toBe("remote-store");
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [".", "./local", "./s3", "./s3-server", "./testing", "./testing/s3", "./ext/integrity", "./ext/transfer", "./ext/batch", "./ext/kv", "./ext/observe", "./ext/cache", "./ext/faults", "./ext/otel", "./package.json"].sort(),
    );
    expect(pkg.bin).toEqual({ "remote-store": "./dist/cli.js" });
    expect(pkg.engines.node).toBe(">=20.19.0");
  });

  it("PKG-002 every entry that registers a backend type or a store wrapper key is listed in sideEffects", () => {
    const pkg = JSON.parse(read("package.json")) as { sideEffects: string[] };
    const registering = { "src/index.ts": "./dist/index.js", "src/index.node.ts": "./dist/index.node.js", "src/s3.ts": "./dist/s3.js", "src/index.cjs.ts": "./dist/index.cjs" };
    for (const [source, built] of Object.entries(registering)) {
      const text = read(source);
      expect(/registerProvidedType|registerNodeSupport|from "\.\/index(\.node)?\.js"/.test(text), source).toBe(true);
      expect(pkg.sideEffects, source).toContain(built);
    }
    for (const key of ["observe", "cache", "faults"]) {
      expect(read(`src/ext/${key}/index.ts`), key).toMatch(/^register\w+Wrapper\(\);$/m);
      expect(pkg.sideEffects, key).toContain(`./dist/ext/${key}.js`);
    }
  });

  it("PKG-003 the core entry exports by name, and internal classes are not public", () => {
    const text = read("src/index.ts");
    expect(text).not.toMatch(/export \*/);
    for (const internal of ["MemoryCore", "DeferredBackend", "backendOps", "MemorySyncBackend"]) expect(Object.keys(core)).not.toContain(internal);
    expect(typeof core.Store).toBe("function");
    expect(typeof core.MemoryBackend).toBe("function");
  });
});
