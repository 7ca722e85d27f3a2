// The pack-and-install check (spec PKG-010): packs the built package, installs the tarball into a
// temporary project outside the repository, and checks it the way users load it. Run by .ci/run
// after the build; writes a report (vitest's JSON fields) that counts in CI's closing line.
//
//   node tests/package/pack-check.mjs [report.json] [--keep]
//
// Checks, each a line "ok"/"FAIL": publint and attw on the tarball (PKG-010); import and require
// of every exports key, one module both ways (PKG-004); require of every CommonJS file (PKG-004);
// tsc on a file using every entry under nodenext (ESM and CJS) and bundler resolution (PKG-004);
// esbuild bundles keeping the s3 and memory registrations (PKG-002); fixtures under node:test by
// import and require (PKG-001); what importing loads (PKG-005, REG-101); `--version` (PKG-007);
// with .ci/runtimes installed, the memory suite and README's quickstart on Node 22, Node 24, Bun
// and Deno (TEST-011).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const reportFile = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
const keep = process.argv.includes("--keep");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const devVersion = (name) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;

let passed = 0;
const failures = [];
function record(label, ok, detail = "") {
  if (ok) passed++;
  else failures.push(label);
  console.log(`${ok ? "ok  " : "FAIL"} ${label}${ok || detail === "" ? "" : `\n     ${detail.trim().split("\n").slice(0, 12).join("\n     ")}`}`);
}

/** Runs a command; resolves to { ok, out } (never throws). */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options, env: { ...process.env, NODE_OPTIONS: "", ...options.env } });
  return { ok: result.status === 0, out: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

const bin = (name) => join(ROOT, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "rs-pack-"));
const project = join(work, "project");
mkdirSync(project);

try {
  // ---- pack, lint the tarball ------------------------------------------------------------------
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }));
  const tarball = join(work, packed[0].filename);
  const publint = run(bin("publint"), ["run", tarball, "--level", "suggestion"], { cwd: work });
  record("publint: no message at any level", publint.ok && !/^\s*(Suggestions|Warnings|Errors):/m.test(publint.out), publint.out);
  // node10 resolution (no `exports`) is out of scope: the package needs Node >= 20.19.
  const attw = run(bin("attw"), [tarball, "--profile", "node16", "--format", "table-flipped"], { cwd: work });
  record("attw: no problem under node16 (CJS and ESM) and bundler resolution", attw.ok, attw.out);

  // ---- a project that installs the tarball -----------------------------------------------------
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true, version: "1.0.0", type: "module" }));
  const peers = [`@aws-sdk/client-s3@${devVersion("@aws-sdk/client-s3")}`, `@aws-sdk/s3-request-presigner@${devVersion("@aws-sdk/s3-request-presigner")}`, `vitest@${devVersion("vitest")}`, `@opentelemetry/api@${devVersion("@opentelemetry/api")}`];
  const install = run("npm", ["install", tarball, ...peers, "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", "--loglevel=error"], { cwd: project });
  record("npm install of the tarball (with the optional peers)", install.ok, install.out);
  if (!install.ok) throw new Error("install failed");

  const keys = Object.keys(pkg.exports).filter((key) => key !== "./package.json").map((key) => (key === "." ? "remote-store" : `remote-store/${key.slice(2)}`));

  // ---- import and require of every key, one module both ways (PKG-004) -------------------------
  for (const specifier of keys) {
    const script = `
      import { createRequire } from "node:module";
      const esm = await import(${JSON.stringify(specifier)});
      const cjs = createRequire(import.meta.url)(${JSON.stringify(specifier)});
      const names = Object.keys(esm).filter((n) => n !== "default" && n !== "module.exports");
      if (names.length === 0) throw new Error("no exports");
      for (const n of names) if (esm[n] !== cjs[n]) throw new Error("require gives another " + n);
      console.log(names.length);`;
    const result = run(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    record(`import and require("${specifier}") give the same module`, result.ok, result.out);
  }

  // ---- the CommonJS build, as Jest and CommonJS bundles load it (PKG-004) ----------------------
  {
    // vitest cannot be required (it is ESM-only), so neither can the CommonJS file of testing/vitest.
    const files = Object.entries(pkg.exports)
      .filter(([key]) => key !== "./package.json" && key !== "./testing/vitest")
      .map(([key, value]) => [key, (key === "." ? value.node : value).require.default]);
    const script = `
      const path = require("node:path");
      const base = path.dirname(require.resolve("remote-store/package.json"));
      const loaded = {};
      for (const [key, file] of ${JSON.stringify(files)}) loaded[key] = require(path.join(base, file));
      const core = loaded["."], kv = loaded["./ext/kv"], fixtures = loaded["./testing"];
      if (!core.registeredBackendTypes().includes("memory") || !core.registeredBackendTypes().includes("local")) throw new Error("types: " + core.registeredBackendTypes());
      if (!loaded["./s3"].S3Backend || !core.registeredBackendTypes().includes("s3")) throw new Error("s3 not registered in CommonJS");
      (async () => {
        const store = await fixtures.createFixtureStore({ "a/b.txt": "hi", "e/": null });
        if (!(store instanceof core.Store)) throw new Error("testing's Store is not the core's");
        const dump = await fixtures.dumpStore(store);
        if (JSON.stringify(dump) !== JSON.stringify({ "a/b.txt": "hi", "e/": null })) throw new Error(JSON.stringify(dump));
        if ((await kv.createKeyValue(store).increment("n")) !== 1) throw new Error("kv");
        const registry = core.Registry.fromText("backends: { m: memory:// }\\nstores: { s: { backend: m } }", { format: "yaml" });
        await registry.getStore("s").writeText("x.json", "{}");
        console.log("cjs ok");
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const result = run(process.execPath, ["-e", script], { cwd: project });
    record("every CommonJS file loads; one Store class and one type table across them; fixtures, kv and the registry work", result.ok, result.out);
  }

  // ---- types under nodenext (ESM, CJS) and bundler (PKG-004) -----------------------------------
  {
    const uses = `
      import { Store, MemoryBackend, Registry, type FileInfo } from "remote-store";
      import { LocalBackend } from "remote-store/local";
      import { S3Backend } from "remote-store/s3";
      import { serveS3 } from "remote-store/s3-server";
      import { createFixtureStore, dumpStore, ManualClock, runConformance } from "remote-store/testing";
      import { describeBackendConformance } from "remote-store/testing/vitest";
      import { checksum } from "remote-store/ext/integrity";
      import { syncStores } from "remote-store/ext/transfer";
      import { batchDelete } from "remote-store/ext/batch";
      import { createKeyValue } from "remote-store/ext/kv";
      export const used = [Store, MemoryBackend, Registry, LocalBackend, S3Backend, serveS3, createFixtureStore, dumpStore, ManualClock, runConformance, describeBackendConformance, checksum, syncStores, batchDelete, createKeyValue];
      export async function first(store: Store): Promise<FileInfo | undefined> { return (await store.listFiles("").toArray())[0]; }
      export const backend: MemoryBackend = new MemoryBackend();`;
    const types = join(ROOT, "node_modules", "@types");
    const variants = [
      ["nodenext, ESM", "check-esm.mts", { module: "nodenext", moduleResolution: "nodenext" }],
      ["nodenext, CommonJS", "check-cjs.cts", { module: "nodenext", moduleResolution: "nodenext" }],
      ["bundler", "check-bundler.ts", { module: "esnext", moduleResolution: "bundler" }],
    ];
    for (const [label, file, options] of variants) {
      writeFileSync(join(project, file), uses);
      const tsconfig = { compilerOptions: { ...options, target: "es2022", lib: ["es2022", "esnext.disposable", "dom"], strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [types] }, files: [file] };
      writeFileSync(join(project, `tsconfig.${file}.json`), JSON.stringify(tsconfig));
      const result = run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.${file}.json`], { cwd: project });
      record(`tsc: every entry type-checks under ${label} resolution`, result.ok, result.out);
    }
  }

  // ---- bundles keep the registrations (PKG-002) -------------------------------------------------
  {
    const { build } = await import(join(ROOT, "node_modules", "esbuild", "lib", "main.js"));
    const cases = [
      ["esm", 'import "remote-store/s3";\nimport { registeredBackendTypes } from "remote-store";\nconsole.log(registeredBackendTypes().join(","));'],
      ["cjs", 'require("remote-store/s3");\nconsole.log(require("remote-store").registeredBackendTypes().join(","));'],
    ];
    for (const [format, contents] of cases) {
      const outfile = join(project, `bundle.${format === "esm" ? "mjs" : "cjs"}`);
      let output = "";
      try {
        // An ESM bundle for Node gives the CommonJS dependencies (yaml) a require, as usual with esbuild.
        const banner = format === "esm" ? { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' } : {};
        const result = await build({ stdin: { contents, resolveDir: project, loader: "js" }, bundle: true, platform: "node", format, outfile, banner, logLevel: "silent", external: ["@aws-sdk/*"] });
        const ran = run(process.execPath, [outfile], { cwd: project });
        output = `${result.warnings.map((w) => w.text).join("\n")}\n${ran.out}`;
        const registered = ran.out.trim().split(",");
        record(`an esbuild ${format} bundle of import "remote-store/s3" registers s3 and memory`, ran.ok && registered.includes("s3") && registered.includes("memory"), output);
      } catch (error) {
        record(`an esbuild ${format} bundle of import "remote-store/s3" registers s3 and memory`, false, `${String(error)}\n${output}`);
      }
    }
  }

  // ---- fixtures under node:test, by import and by require (PKG-001) -----------------------------
  {
    writeFileSync(
      join(project, "fixtures.test.mjs"),
      `import { test } from "node:test";
      import assert from "node:assert/strict";
      import { createFixtureStore, dumpStore, ManualClock } from "remote-store/testing";
      test("fixtures by import", async () => {
        const store = await createFixtureStore({ "a/b.txt": "hello", "empty/": null });
        await store.move("a/b.txt", "c.txt");
        assert.deepEqual(await dumpStore(store), { "c.txt": "hello", "a/": null, "empty/": null });
        await store.close();
        assert.equal(new ManualClock().now().toISOString(), "2026-01-01T00:00:00.000Z");
      });`,
    );
    writeFileSync(
      join(project, "fixtures.test.cjs"),
      `const { test } = require("node:test");
      const assert = require("node:assert/strict");
      const { createFixtureStore, dumpStore } = require("remote-store/testing");
      test("fixtures by require", async () => {
        const store = await createFixtureStore({ "x.txt": "1" }, { backend: "local" });
        assert.deepEqual(await dumpStore(store), { "x.txt": "1" });
        await store.close();
      });`,
    );
    const result = run(process.execPath, ["--test", "fixtures.test.mjs", "fixtures.test.cjs"], { cwd: project });
    record("createFixtureStore and dumpStore under node:test, by import and require", result.ok && /# pass 2/.test(result.out), result.out);
  }

  // ---- what importing loads (PKG-005, REG-101) ---------------------------------------------------
  {
    const hooks = `import { appendFileSync } from "node:fs";
      export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(process.env.LOADED_LOG, r.url + "\\n"); return r; }`;
    writeFileSync(join(project, "hooks.mjs"), hooks);
    const probe = (log) => `
      import { register, createRequire } from "node:module";
      import { readFileSync, writeFileSync } from "node:fs";
      writeFileSync(${JSON.stringify(log)}, "");
      register(new URL("./hooks.mjs", import.meta.url));
      const require = createRequire(import.meta.url);
      globalThis.loaded = () => {
        const urls = [...readFileSync(${JSON.stringify(log)}, "utf8").split("\\n"), ...Object.keys(require.cache)];
        return [...new Set(urls.map((u) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(u)?.[1]).filter((p) => p && p !== "remote-store"))].sort();
      };`;
    const heavy = ["zod", "yaml", "smol-toml", "mrmime", "minimatch", "commander", "cli-progress", "picocolors", "@noble/hashes", "@aws-sdk/client-s3", "fast-xml-parser", "@smithy/signature-v4", "vitest"];
    for (const specifier of ["remote-store", "remote-store/local", "remote-store/testing"]) {
      const log = join(work, `loaded-${specifier.replace(/\W/g, "-")}.txt`);
      const script = `${probe(log)}
        await import(${JSON.stringify(specifier)});
        console.log(JSON.stringify(globalThis.loaded()));`;
      const result = run(process.execPath, ["--input-type=module", "-e", script], { cwd: project, env: { LOADED_LOG: log } });
      let loaded = [];
      try {
        loaded = JSON.parse(result.out.trim().split("\n").at(-1));
      } catch {
        loaded = ["(no report)"];
      }
      record(`import("${specifier}") loads no dependency (got: ${loaded.join(", ") || "none"})`, result.ok && loaded.filter((p) => heavy.includes(p)).length === 0, result.out);
    }
    const log = join(work, "loaded-first-use.txt");
    const firstUse = `${probe(log)}
      const { Registry, Store, MemoryBackend } = await import("remote-store");
      const before = globalThis.loaded();
      const registry = new Registry({ backends: { m: { type: "memory", options: { maxSize: 10 } } }, stores: { s: { backend: "m" } } });
      const afterRegistry = globalThis.loaded();
      Registry.fromText("backends: { m: memory:// }", { format: "yaml" });
      Registry.fromText('backends = { m = "memory://" }', { format: "toml" });
      const store = new Store({ backend: new MemoryBackend() });
      await store.writeText("a.csv", "x");
      await store.glob("*.csv").toArray();
      console.log(JSON.stringify({ before, afterRegistry, after: globalThis.loaded(), type: (await store.getFileInfo("a.csv")).contentType, stores: registry.storeNames }));`;
    const result = run(process.execPath, ["--input-type=module", "-e", firstUse], { cwd: project, env: { LOADED_LOG: log } });
    let facts = {};
    try {
      facts = JSON.parse(result.out.trim().split("\n").at(-1));
    } catch {
      facts = {};
    }
    const ok =
      result.ok &&
      !facts.before?.includes("zod") &&
      facts.afterRegistry?.includes("zod") &&
      !facts.afterRegistry?.includes("yaml") &&
      ["yaml", "smol-toml", "mrmime", "minimatch"].every((p) => facts.after?.includes(p)) &&
      facts.type === "text/csv";
    record("REG-101 new Registry loads zod synchronously on first validation; fromText the parsers; the first guess mrmime; glob minimatch", ok, `${JSON.stringify(facts)}\n${result.out}`);
  }

  // ---- the command (PKG-007) --------------------------------------------------------------------
  {
    const cli = join(project, "node_modules", ".bin", "remote-store");
    const version = run(cli, ["--version"], { cwd: project });
    record("remote-store --version prints the package version", version.ok && version.out.trim() === pkg.version, version.out);
    const ls = run(cli, ["ls", "memory://x/"], { cwd: project });
    record("remote-store ls runs the command line", ls.ok, ls.out);
  }
  // ---- other runtimes: the memory suite and README's quickstart (TEST-011) ----------------------
  const runtimes = join(ROOT, ".ci", "runtimes", "node_modules");
  const available = [
    ["Node 22", join(runtimes, "node22", "bin", "node"), []],
    ["Node 24", join(runtimes, "node24", "bin", "node"), []],
    ["Bun", join(runtimes, "@oven", "bun-linux-x64", "bin", "bun"), []],
    ["Deno", join(runtimes, "@deno", "linux-x64-glibc", "deno"), ["run", "-A"]],
  ].filter(([, path]) => existsSync(path));
  if (available.length > 0) {
    copyFileSync(join(ROOT, "tests", "package", "memory-suite.mjs"), join(project, "memory-suite.mjs"));
    writeFileSync(join(project, "quickstart.ts"), readmeQuickstart());
  } else {
    console.log("     (no runtimes in .ci/runtimes: run `npm ci --prefix .ci/runtimes` to check Node 22, Node 24, Bun and Deno)");
  }
  for (const [name, path, args] of available) {
    const started = Date.now(); // reported, never asserted: what this runtime adds to CI
    const suite = run(path, [...args, "memory-suite.mjs"], { cwd: project });
    let report;
    try {
      report = JSON.parse(suite.out.trim().split("\n").at(-1));
    } catch {
      report = undefined;
    }
    if (report === undefined || !suite.ok) record(`${name}: the memory conformance suite runs`, false, suite.out);
    else {
      passed += report.passed;
      for (const failure of report.failed) record(`${name}: ${failure}`, false);
      console.log(`ok   ${name}: the memory conformance suite, ${report.passed} cases passed (${report.skipped} skipped)`);
    }
    const quickstart = run(path, [...args, "quickstart.ts"], { cwd: project });
    record(`${name}: README's quickstart runs`, quickstart.ok && quickstart.out.includes("exists: archive/q1.csv"), quickstart.out);
    console.log(`     ${name}: memory suite and quickstart in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  record("the check itself ran to the end", false, String(error?.stack ?? error));
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`pack check: ${passed} passed, ${failures.length} failed`);
if (reportFile) {
  writeFileSync(resolve(reportFile), JSON.stringify({ numPassedTests: passed, numFailedTests: failures.length, numPendingTests: 0, numTodoTests: 0, success: failures.length === 0 }));
}
if (failures.length > 0) process.exitCode = 1;

/** README's "Quickstart" block as a module (with the `bytes` it assumes, when it does not define them). */
function readmeQuickstart() {
  const text = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = text.indexOf("```ts", text.indexOf("## Quickstart")) + "```ts".length;
  let code = text.slice(start, text.indexOf("```", start));
  if (!/\b(?:const|let) bytes\b/.test(code)) code = `const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);\n${code}`;
  return `${code}\nexport {};\n`;
}
