import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The first table of BR-021: test files that run in Node and, unchanged, in the browser. */
const SHARED_GLOBS = [
  "tests/conformance/*.test.ts",
  "tests/store/**/*.test.ts",
  "tests/paths/**/*.test.ts",
  "tests/errors/**/*.test.ts",
  "tests/backends/memory/*.test.ts",
  "tests/registry/{backend-types,config-validation,core-entry,deferred,json-parse,lifecycle,urls}.test.ts",
];
/** BR-021's one exception in those folders (MEM-001 reads src/ with node:fs). */
const NODE_ONLY = ["tests/backends/memory/tree.test.ts"];
const REGISTRY_SHARED = ["backend-types", "config-validation", "core-entry", "deferred", "json-parse", "lifecycle", "urls"];

function testFiles(dir: string, deep: boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() && deep) out.push(...testFiles(path, true));
    else if (entry.isFile() && entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

function sharedFiles(): string[] {
  return [
    ...testFiles("tests/conformance", false),
    ...testFiles("tests/store", true),
    ...testFiles("tests/paths", true),
    ...testFiles("tests/errors", true),
    ...testFiles("tests/backends/memory", false).filter((path) => !NODE_ONLY.includes(path)),
    ...REGISTRY_SHARED.map((name) => `tests/registry/${name}.test.ts`),
  ];
}

/** What a test file and the test helpers it imports (transitively, below tests/) would need from Node. */
function nodeNeeds(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(join(ROOT, file), "utf8");
  const problems: string[] = [];
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
    if (specifier!.startsWith("node:")) {
      // BR-022: node:vm has a browser twin.
      if (specifier !== "node:vm") problems.push(`${file} imports ${specifier}`);
      continue;
    }
    if (!specifier!.startsWith(".")) continue;
    const target = relative(ROOT, resolve(dirname(join(ROOT, file)), specifier!.replace(/\.js$/, ".ts"))).split("\\").join("/");
    if (target.startsWith("tests/") && existsSync(join(ROOT, target))) problems.push(...nodeNeeds(target, seen));
  }
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  for (const [global] of code.matchAll(/(?<![\w.$])(?:Buffer|require|__dirname|__filename|setImmediate)\b/g)) problems.push(`${file} uses ${global}`);
  // BR-022: process.env.CONTAINMENT_RUNS is defined by the browser config; no other process use.
  for (const [use] of code.matchAll(/\bprocess\.[\w.]+/g)) if (use !== "process.env.CONTAINMENT_RUNS") problems.push(`${file} uses ${use}`);
  return problems;
}

describe("tests shared with the browser run", () => {
  it("BR-021 the browser config runs exactly the shared folders of the table, and excludes tree.test.ts", () => {
    const config = readFileSync(join(ROOT, "vitest.browser.config.ts"), "utf8");
    for (const glob of SHARED_GLOBS) expect(config, glob).toContain(`"${glob}"`);
    for (const file of NODE_ONLY) expect(config).toContain(`"${file}"`);
    expect(config).toContain('"tests-browser/**/*.test.ts"');
    for (const nodeOnly of ["tests/backends/local", "tests/cli", "tests/ext", "tests/fidelity", "tests/bundle", "tests/e2e", "tests/registry/loaders"]) expect(config).not.toContain(nodeOnly);
  });

  it("BR-021 BR-022 every shared test file and its helpers import no node: module (but node:vm) and use no Node global", () => {
    const files = sharedFiles();
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((file) => nodeNeeds(file))).toEqual([]);
  });

  it("BR-021 the check finds a node: import and a Node global", () => {
    expect(nodeNeeds("tests/backends/memory/tree.test.ts")).toEqual(["tests/backends/memory/tree.test.ts imports node:fs"]);
    expect(nodeNeeds("tests/cli/session.test.ts").some((problem) => problem.includes("process.stdin"))).toBe(true);
    expect(nodeNeeds("tests/cli/interrupt.test.ts")).toContain("tests/cli/interrupt.test.ts uses Buffer");
    // Through a helper: the registry tests' temp-dir helper is Node-only; their ConfigError assertions are shared.
    expect(nodeNeeds("tests/registry/env.test.ts")).toContain("tests/registry/temp-dir.ts imports node:fs/promises");
    expect(nodeNeeds("tests/registry/config-errors.ts")).toEqual([]);
  });
});
