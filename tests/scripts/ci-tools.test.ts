import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { failures, parseArguments } from "../../scripts/test-repeat.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rs-ci-tools-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  numFailedTestSuites?: number;
  testResults?: unknown[];
}

function report(name: string, counts: Partial<Report>): string {
  const file = join(dir, name);
  const full: Report = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, success: true, ...counts };
  writeFileSync(file, JSON.stringify(full));
  return file;
}

function summary(...files: string[]): { code: number | null; line: string } {
  const run = spawnSync(process.execPath, [join(ROOT, ".ci/summary.mjs"), ...files], { encoding: "utf8" });
  return { code: run.status, line: run.stdout.trim() };
}

describe("CI summary line (.ci/summary.mjs)", () => {
  it("TEST-001 adds the reports into one line N passed, N failed, N skipped, and exits 0 when all passed", () => {
    const a = report("a.json", { numPassedTests: 10, numPendingTests: 2 });
    const b = report("b.json", { numPassedTests: 5, numTodoTests: 1 });
    expect(summary(a, b)).toEqual({ code: 0, line: "15 passed, 0 failed, 3 skipped" });
  });

  it("TEST-001 fails when a case failed, a suite failed without a case, a report is missing, or nothing passed", () => {
    expect(summary(report("f.json", { numPassedTests: 3, numFailedTests: 1, success: false }))).toEqual({ code: 1, line: "3 passed, 1 failed, 0 skipped" });
    expect(summary(report("s.json", { numPassedTests: 3, success: false, numFailedTestSuites: 2 }))).toEqual({ code: 1, line: "3 passed, 2 failed, 0 skipped" });
    expect(summary(report("ok.json", { numPassedTests: 3 }), join(dir, "missing.json"))).toEqual({ code: 1, line: "3 passed, 1 failed, 0 skipped" });
    expect(summary(report("none.json", {}))).toEqual({ code: 1, line: "0 passed, 0 failed, 0 skipped" });
  });
});

describe("npm run test:repeat (scripts/test-repeat.mjs)", () => {
  it("TEST-002 takes a run count and --beside/--keep, and refuses anything else with the usage text", () => {
    expect(parseArguments(["10", "--beside"])).toEqual({ runs: 10, beside: true, keep: false, extra: [] });
    expect(parseArguments(["2", "--keep", "--", "--project", "core"])).toEqual({ runs: 2, beside: false, keep: true, extra: ["--project", "core"] });
    expect(() => parseArguments([])).toThrow(/usage: npm run test:repeat/);
    expect(() => parseArguments(["0"])).toThrow(/usage/);
    expect(() => parseArguments(["3", "--bogus"])).toThrow(/unknown argument "--bogus"/);
    const run = spawnSync(process.execPath, [join(ROOT, "scripts/test-repeat.mjs"), "--nope"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^test:repeat: unknown argument "--nope"/);
  });

  it("TEST-002 names every failing case by file and full name, and a file that failed without a case", () => {
    const found = failures(
      {
        testResults: [
          { name: "/clone/tests/a.test.ts", status: "failed", assertionResults: [
            { status: "passed", fullName: "fine" },
            { status: "failed", fullName: "suite CONF-1 breaks", failureMessages: ["AssertionError: expected 1\n    at x"] },
          ] },
          { name: "/clone/tests/b.test.ts", status: "failed", message: "Error: cannot import\nstack", assertionResults: [] },
          { name: "/clone/tests/c.test.ts", status: "passed", assertionResults: [{ status: "passed", fullName: "ok" }] },
        ],
      },
      "/clone",
    );
    expect(found).toEqual(["tests/a.test.ts > suite CONF-1 breaks: AssertionError: expected 1", "tests/b.test.ts: Error: cannot import"]);
  });
});

describe("the moto project (spec TEST-013)", () => {
  it("TEST-013 npm test leaves s3-moto out; npm run test:moto runs it alone; .ci/run runs it after npm test and counts it", () => {
    const listProjects = (env: NodeJS.ProcessEnv): string[] => {
      const config = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "list", "--filesOnly", "--json"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
      const files = JSON.parse(config.stdout) as { file: string; projectName?: string }[];
      return [...new Set(files.map((f) => f.projectName ?? ""))].sort();
    };
    expect(listProjects({ RS_TEST_MOTO: "" })).toEqual(["core", "core-isolated", "s3", "s3-isolated", "s3-server"]);
    expect(listProjects({ RS_TEST_MOTO: "1" })).toContain("s3-moto");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["test:moto"]).toBe("RS_TEST_MOTO=1 vitest run --project s3-moto");
    const run = readFileSync(join(ROOT, ".ci/run"), "utf8");
    const npmTest = run.indexOf("npm test --");
    const moto = run.indexOf("npm run -s test:moto");
    expect(npmTest).toBeGreaterThan(0);
    expect(moto).toBeGreaterThan(npmTest);
    expect(run).toMatch(/summary\.mjs [^\n]*\.ci-vitest-moto\.json/);
  }, 120_000);
});
