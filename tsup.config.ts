import { readdirSync, readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

/**
 * Every entry is built twice (spec PKG-004): as ES modules and as CommonJS, each format sharing
 * its chunks across entries, so `remote-store`, `remote-store/local`, … load one copy of each
 * class. Node loads the ESM build for `import` and `require` alike (`module-sync`); the CommonJS
 * build is for tools that `require` without it. Only the command is ESM alone.
 */
const entries = {
  index: "src/index.ts",
  "index.node": "src/index.node.ts",
  local: "src/backends/local/index.ts",
  testing: "src/testing/portable.ts",
  "testing/vitest": "src/testing/index.ts",
  "testing/s3": "src/testing/s3/index.ts",
  s3: "src/s3.ts",
  "s3-server": "src/s3-server/index.ts",
  "ext/integrity": "src/ext/integrity/index.ts",
  "ext/transfer": "src/ext/transfer/index.ts",
  "ext/batch": "src/ext/batch/index.ts",
  "ext/kv": "src/ext/kv/index.ts",
  "ext/observe": "src/ext/observe/index.ts",
  "ext/cache": "src/ext/cache/index.ts",
  "ext/faults": "src/ext/faults/index.ts",
  "ext/otel": "src/ext/otel/index.ts",
};

// ---- Deferred dependencies (spec PKG-006) -------------------------------------------------------
// Each src/shared/deps/<name>.ts imports one library statically and exports `library()`. In the
// built chunks, imports of those modules become `#deps/<name>`, which package.json `imports`
// resolves: `module-sync` (Node) → dist/deps/<name>.node.js and `require` → dist/deps/<name>.cjs,
// both requiring the library on the first call; `default` (bundlers, browsers, Deno, Bun) →
// dist/deps/<name>.js, the static source module.
const DEPS_DIR = "src/shared/deps";

/** name → the library's module specifier, read from each deps module's one import. */
const deferred = Object.fromEntries(
  readdirSync(DEPS_DIR)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => [file.slice(0, -3), /from "([^"]+)"/.exec(readFileSync(`${DEPS_DIR}/${file}`, "utf8"))![1]!]),
);

/**
 * A module whose `library()` requires `specifier` on the first call. The CommonJS form calls the
 * plain `require`, which bundlers follow; the ESM form makes one with `createRequire`.
 */
function lazyModule(specifier: string, format: "esm" | "cjs"): string {
  const load = format === "esm" ? 'import { createRequire } from "node:module";\nconst load = createRequire(import.meta.url);\n' : "";
  return `${load}let loaded;\nexport function library() {\n  return (loaded ??= ${format === "esm" ? "load" : "require"}(${JSON.stringify(specifier)}));\n}\n`;
}

/** Imports of the deps modules become the external `#deps/<name>`. */
const deferDependencies: Plugin = {
  name: "defer-dependencies",
  setup(build) {
    build.onResolve({ filter: /\/shared\/deps\/[a-z-]+\.js$/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      return { path: `#deps/${/([a-z-]+)\.js$/.exec(args.path)![1]!}`, external: true };
    });
  },
};

/** Builds the deps modules themselves in their loading-on-first-call form. */
function lazyEntries(format: "esm" | "cjs"): Plugin {
  return {
    name: "lazy-dependency-entries",
    setup(build) {
      build.onLoad({ filter: /\/shared\/deps\/[a-z-]+\.ts$/ }, (args) => ({ contents: lazyModule(deferred[/([a-z-]+)\.ts$/.exec(args.path)![1]!]!, format), loader: "js" }));
    },
  };
}

const depsEntries = (suffix: string): Record<string, string> =>
  Object.fromEntries(Object.keys(deferred).map((name) => [`deps/${name}${suffix}`, `${DEPS_DIR}/${name}.ts`]));

const common: Options = { sourcemap: true, clean: false, target: "node20", splitting: true, removeNodeProtocol: false };

export default defineConfig([
  { ...common, entry: { ...entries, cli: "src/cli/bin.ts" }, format: ["esm"], dts: true, esbuildPlugins: [deferDependencies] },
  { ...common, entry: entries, format: ["cjs"], dts: true, esbuildPlugins: [deferDependencies] },
  { ...common, entry: depsEntries(""), format: ["esm"], dts: false, sourcemap: false },
  { ...common, entry: depsEntries(".node"), format: ["esm"], dts: false, sourcemap: false, esbuildPlugins: [lazyEntries("esm")] },
  { ...common, entry: depsEntries(""), format: ["cjs"], dts: false, sourcemap: false, splitting: false, esbuildPlugins: [lazyEntries("cjs")] },
]);
