import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as testing from "../../src/testing/portable.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string): string => readFileSync(`${ROOT}${file}`, "utf8");

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
  imports: Record<string, Record<string, string>>;
  bin: Record<string, string>;
  engines: { node: string };
  sideEffects: string[];
  repository: { type: string; url: string };
  files: string[];
  scripts: Record<string, string>;
}
const pkg = JSON.parse(read("package.json")) as Manifest;

/** The entries of tsup.config.ts: dist name → source file. */
function builtEntries(): Record<string, string> {
  const text = read("tsup.config.ts");
  const block = /const entries = \{([\s\S]*?)\};/.exec(text)![1]!;
  return Object.fromEntries([...block.matchAll(/"?([\w./-]+)"?: "(src\/[^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** Every `src/` module and the relative modules it imports. */
function sourceImports(): Map<string, string[]> {
  const files = (readdirSync(`${ROOT}src`, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => `src/${f}`);
  return new Map(files.map((file) => {
    const dir = file.slice(0, file.lastIndexOf("/"));
    const targets = [...read(file).matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => new URL(m[1]!.replace(/\.js$/, ".ts"), `file:///${dir}/`).pathname.slice(1));
    return [file, targets];
  }));
}

describe("the package (spec/package.md)", () => {
  it("PKG-001 exports exactly the entries the spec lists, each built from its source, and the command", () => {
    expect(pkg.name).toBe("remote-store");
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [".", "./local", "./s3", "./s3-server", "./testing", "./testing/vitest", "./testing/s3", "./ext/integrity", "./ext/transfer", "./ext/batch", "./ext/kv", "./ext/observe", "./ext/cache", "./ext/faults", "./ext/otel", "./package.json"].sort(),
    );
    const built = builtEntries();
    for (const key of Object.keys(pkg.exports).filter((k) => k !== "./package.json" && k !== ".")) expect(built, key).toHaveProperty(key.slice(2));
    expect(pkg.bin).toEqual({ "remote-store": "./dist/cli.js" });
    expect(pkg.engines.node).toBe(">=20.19.0");
  });

  it("PKG-001 remote-store/testing needs no test framework: nothing it reaches imports vitest", () => {
    const imports = sourceImports();
    const seen = new Set<string>(["src/testing/portable.ts"]);
    for (const file of seen) for (const target of imports.get(file) ?? []) seen.add(target);
    const offenders = [...seen].filter((file) => /from "vitest"|from "@vitest\//.test(read(file)));
    expect(offenders).toEqual([]);
    expect(typeof testing.createFixtureStore).toBe("function");
    expect(typeof testing.dumpStore).toBe("function");
    expect("describeBackendConformance" in testing).toBe(false);
    expect(read("src/testing/index.ts")).toContain('export * from "./portable.js"');
  });

  it("PKG-002 the entries that register a backend type or a store wrapper key do it in their own body, are listed in sideEffects (ESM and CJS), and no module imports an entry", () => {
    const registering = { "src/index.ts": "index", "src/index.node.ts": "index.node", "src/s3.ts": "s3" };
    for (const [source, built] of Object.entries(registering)) {
      expect(/^(registerProvidedType|registerNodeSupport)\(/m.test(read(source)), source).toBe(true);
      expect(pkg.sideEffects, source).toEqual(expect.arrayContaining([`./dist/${built}.js`, `./dist/${built}.cjs`, `./${source}`]));
    }
    for (const key of ["observe", "cache", "faults"]) {
      expect(read(`src/ext/${key}/index.ts`), key).toMatch(/^register\w+Wrapper\(\);$/m);
      expect(pkg.sideEffects, key).toEqual(expect.arrayContaining([`./dist/ext/${key}.js`, `./dist/ext/${key}.cjs`]));
    }
    expect(pkg.sideEffects).toHaveLength(15);
    const entryFiles = new Set(Object.values(builtEntries()).filter((file) => /^src\/[^/]+\.ts$/.test(file)));
    expect(entryFiles).toEqual(new Set(["src/index.ts", "src/index.node.ts", "src/s3.ts"]));
    const importers = [...sourceImports()].filter(([, targets]) => targets.some((target) => entryFiles.has(target))).map(([file]) => file);
    expect(importers).toEqual([]);
  });

  it("PKG-003 the public surface is one list by name in src/public.ts; the core entries re-export it; internals are not public", () => {
    expect(read("src/public.ts")).not.toMatch(/export \*/);
    for (const entry of ["src/index.ts", "src/index.node.ts"]) expect(read(entry)).toContain('export * from "./public.js";');
    for (const internal of ["MemoryCore", "DeferredBackend", "backendOps", "MemorySyncBackend"]) expect(Object.keys(core)).not.toContain(internal);
    expect(typeof core.Store).toBe("function");
    expect(typeof core.MemoryBackend).toBe("function");
  });

  it("PKG-004 every entry has module-sync, import and require conditions, each with its types; no entry's graph has top-level await", () => {
    const conditions = (value: unknown): Record<string, { types: string; default: string }> => value as never;
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (key === "./package.json") continue;
      const map = key === "." ? conditions((value as Record<string, unknown>).node) : conditions(value);
      expect(Object.keys(map), key).toEqual(["module-sync", "import", "require"]);
      expect(map["module-sync"], key).toEqual(map.import);
      expect(map.import!.default, key).toMatch(/\.js$/);
      expect(map.import!.types, key).toMatch(/\.d\.ts$/);
      expect(map.require!.default, key).toMatch(/\.cjs$/);
      expect(map.require!.types, key).toMatch(/\.d\.cts$/);
    }
    const root = pkg.exports["."] as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(["browser", "node", "import", "require"]);
    const imports = sourceImports();
    const seen = new Set(Object.values(builtEntries()));
    for (const file of seen) for (const target of imports.get(file) ?? []) seen.add(target);
    const awaiting = [...seen].filter((file) => /^(?:await |(?:export )?(?:const|let|var) [^=]+= await )/m.test(read(file)));
    expect(awaiting).toEqual([]);
  });

  it("PKG-006 each deferred dependency has one module in src/shared/deps, and the package maps #deps/* for Node, require and the rest", () => {
    const deps = readdirSync(`${ROOT}src/shared/deps`).sort();
    expect(deps).toEqual(["mime.ts", "toml.ts", "yaml.ts", "zod.ts"]);
    for (const file of deps) {
      const text = read(`src/shared/deps/${file}`);
      expect(text.match(/^import /gm), file).toHaveLength(1);
      expect(text, file).toMatch(/^export function library\(\)/m);
    }
    expect(pkg.imports["#deps/*"]).toEqual({ "module-sync": "./dist/deps/*.node.js", require: "./dist/deps/*.cjs", default: "./dist/deps/*.js" });
    // No other source module imports these libraries at run time.
    const libraries = /^import (?!type )[^;]*from "(zod|yaml|smol-toml|mrmime)"/m;
    const offenders = [...sourceImports().keys()].filter((file) => !file.startsWith("src/shared/deps/") && libraries.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("PKG-011 the package names its repository, ships the files README links to, and builds before packing", () => {
    expect(pkg.repository.type).toBe("git");
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "spec", "examples", "bench/RESULTS.md", "bench/results.svg"]));
    expect(pkg.scripts.prepack).toBe("npm run build");
    const links = [...read("README.md").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((link) => !/^[a-z]+:/.test(link));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const path = link.replace(/\/$/, "");
      expect(existsSync(`${ROOT}${path}`), link).toBe(true);
      expect(pkg.files.some((entry) => path === entry || path.startsWith(`${entry}/`)), `${link} is not shipped`).toBe(true);
    }
  });
});
