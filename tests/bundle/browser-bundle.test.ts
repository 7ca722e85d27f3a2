import { build, type Metafile } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

/** Bundles `contents` (resolved from the repo root) for browsers, in memory. */
async function browserBundle(contents: string, options: { format: "esm" | "iife"; splitting?: boolean }) {
  return build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: options.format,
    splitting: options.splitting ?? false,
    minify: true,
    write: false,
    outdir: "/virtual-out",
    metafile: true,
    logLevel: "silent",
    ...(options.format === "iife" ? { globalName: "RemoteStore" } : {}),
  });
}

/** The output file ending in `entryName` and every output it imports statically, transitively. */
function staticClosure(metafile: Metafile, entryName: string): string[] {
  const start = Object.keys(metafile.outputs).find((path) => path.endsWith(entryName));
  const seen = new Set<string>(start === undefined ? [] : [start]);
  for (const path of seen) {
    for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === "import-statement") seen.add(imported.path);
  }
  return [...seen];
}

function inputsOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs);
}

/** Source text without comments and string literals, so words in prose do not count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
}

describe("the universal core in browsers", () => {
  it("BR-001 the core entry bundles for the browser without any node: module", async () => {
    const result = await browserBundle('export * from "./src/index.ts";', { format: "esm", splitting: true });
    expect(result.errors).toEqual([]);
    const inputs = inputsOf(result.metafile);
    expect(inputs.some((input) => input.startsWith("node:"))).toBe(false);
    for (const output of Object.values(result.metafile.outputs)) {
      expect(output.imports.filter((imported) => imported.external)).toEqual([]);
    }
  });

  it("BR-001 a node: import in the core graph fails the check", async () => {
    const result = await browserBundle('import "node:fs"; export * from "./src/index.ts";', { format: "esm" }).catch((error: unknown) => error);
    expect(result).toBeInstanceOf(Error);
  });

  it("BR-002 no library source in the core graph uses a Node global (process, Buffer, require, __dirname)", async () => {
    const result = await browserBundle('export * from "./src/index.ts";', { format: "esm", splitting: true });
    const sources = inputsOf(result.metafile).filter((input) => input.startsWith("src/"));
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((file) => /\bprocess\.|\bBuffer[.(]|\brequire\(|__dirname|__filename/.test(codeOnly(readFileSync(root + file, "utf8"))));
    expect(offenders).toEqual([]);
  });

  it("BR-003 the core bundle runs in a realm with only web globals: store, memory, glob, registry from YAML text", async () => {
    const result = await browserBundle('export * from "./src/index.ts";', { format: "iife" });
    const code = result.outputFiles[0]?.text ?? "";
    // Every Node global the bundle could reach by a free reference is shadowed by `undefined`.
    const nodeGlobals = ["process", "Buffer", "require", "module", "exports", "global", "__dirname", "__filename", "setImmediate"];
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point is to run the bundle in a scope without Node globals
    const load = new Function(...nodeGlobals, `${code}; return RemoteStore;`) as (...args: undefined[]) => Record<string, never>;
    const library = load(...nodeGlobals.map(() => undefined));
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- as above
    const run = new Function("library", `return (async () => {
      const { Store, MemoryBackend, Registry } = library;
      const store = new Store({ backend: new MemoryBackend(), rootPath: "r" });
      await store.writeText("a/b.txt", "hello");
      await store.write("a/c.bin", new Blob([new Uint8Array([1, 2, 3])]));
      const globbed = (await store.glob("**/*.txt").toArray()).map((f) => f.path);
      const registry = Registry.fromText("backends:\\n  mem: { type: memory }\\nstores:\\n  s: { backend: mem, rootPath: x }\\n", { format: "yaml" });
      const registered = registry.getStore("s");
      await registered.writeText("k.txt", "v");
      return JSON.stringify({ text: await store.readText("a/b.txt"), globbed, size: (await store.getFileInfo("a/c.bin")).size, reg: await registered.readText("k.txt") });
    })();`) as (library: unknown) => Promise<string>;
    const outcome = await run(library);
    expect(JSON.parse(outcome)).toEqual({ text: "hello", globbed: ["a/b.txt"], size: 3, reg: "v" });
  });

  it("BR-010 Store + MemoryBackend stay under 17 KB minified and gzipped (minimatch loads on first glob)", async () => {
    const result = await browserBundle('export { Store, MemoryBackend } from "./src/index.ts";', { format: "esm", splitting: true });
    const entry = result.outputFiles.find((file) => file.path.endsWith("stdin.js"));
    // What a page loads before the first call: the entry and every chunk it imports statically.
    const eager = staticClosure(result.metafile, "stdin.js");
    const eagerFiles = result.outputFiles.filter((file) => eager.some((output) => file.path.endsWith(output.replace(/^.*\//, "/"))));
    expect(eagerFiles).toContain(entry);
    const gzipped = eagerFiles.reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
    const lazyChunks = result.outputFiles.filter((file) => !eagerFiles.includes(file) && file.path.endsWith(".js"));
    console.log(`[size] Store + MemoryBackend: ${gzipped} B min+gzip in ${eagerFiles.length} file(s); lazily loaded: ${lazyChunks.map((file) => gzipSync(file.contents).length).join(", ")} B`);
    expect(gzipped).toBeGreaterThan(1000);
    expect(gzipped).toBeLessThan(17 * 1024);
    const entryInputs = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith("stdin.js"))?.[1].inputs ?? {};
    expect(Object.keys(entryInputs).some((input) => input.includes("node_modules/minimatch"))).toBe(false);
    expect(Object.keys(entryInputs).some((input) => input.includes("src/store/store.ts"))).toBe(true);
  });
});
