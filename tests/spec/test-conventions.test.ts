import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ISOLATED_FILES } from "../support/isolated-files.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIRS = ["tests", "tests-browser", "src/testing"];
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;

/**
 * TEST-009: the only places where test code may wait for a fixed time, each with its reason.
 * Everything else may yield to the event loop (`setTimeout(resolve, 0)` or `1`) but never sleep.
 */
const FIXED_WAITS: Readonly<Record<string, string>> = {
  "tests/cli/support/tmux.ts": "polls the tmux server and the screen for content, with a deadline (TEST-005)",
  "tests/cli/support/build-cli.ts": "polls for another worker's CLI build to appear, with a deadline",
  "src/testing/harness/execute-case.ts": "the per-case hang guard, and CONF-H08's wait for the wall clock when no clock is controlled",
  "src/testing/conformance/support/content.ts": "defines `delay`, used with 0 to yield between chunks",
  "tests/support/moto.ts": "polls moto_server until it answers, with a deadline (TEST-005); the deadline and the SIGKILL after a SIGTERM are hang guards",
  "src/testing/watch/event-log.ts": "the deadline of `waitFor`, which resolves as soon as the awaited events have arrived (TEST-005)",
};

/** A call that starts a timer or a sleep, with the text of the line it is on. */
const TIMER = /\b(?:setTimeout|setInterval|sleep|pause|delay)\s*\(/;
/** A yield to the event loop, not a wait: `setTimeout(resolve, 0)`, `setTimeout(r, 1)`, `delay(0)`. */
const YIELD = /\bsetTimeout\(\s*\w+\s*,\s*[01]\s*\)|\bdelay\(\s*0\s*\)/;
/** Declarations and comments that mention a timer without starting one. */
const NOT_A_CALL = /^\s*(?:\/\/|\*|\/\*)|\bfunction\s+(?:sleep|pause|delay)\b|\bconst\s+(?:sleep|pause|tick)\s*=|spyOn\(globalThis, "set(?:Timeout|Interval)"\)|realSetInterval/;

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) out.push(path);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

describe("test conventions (spec/test-suite.md)", () => {
  it("TEST-009 TEST-003 no test code sleeps for a fixed time outside the listed polling helpers", () => {
    const found: string[] = [];
    for (const file of DIRS.flatMap(sources)) {
      const name = relative(ROOT, file);
      if (name === "tests/spec/test-conventions.test.ts" || FIXED_WAITS[name] !== undefined) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (TIMER.test(line) && !YIELD.test(line) && !NOT_A_CALL.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("TEST-009 the check finds a fixed wait and lets a yield pass", () => {
    const flagged = (line: string): boolean => TIMER.test(line) && !YIELD.test(line) && !NOT_A_CALL.test(line);
    expect(flagged("await new Promise((resolve) => setTimeout(resolve, 150));")).toBe(true);
    expect(flagged("await sleep(1000);")).toBe(true);
    expect(flagged("await new Promise((resolve) => setTimeout(resolve, 0));")).toBe(false);
    expect(flagged("await delay(0);")).toBe(false);
  });

  it("TEST-009 every listed exception still exists and still waits", () => {
    for (const name of Object.keys(FIXED_WAITS)) expect(TIMER.test(readFileSync(join(ROOT, name), "utf8")), name).toBe(true);
  });

  it("TEST-006 limits are hang guards: 60 s per test and 120 s per hook by default", async () => {
    const config = (await import("../../vitest.config.js")).default as { test?: { testTimeout?: number; hookTimeout?: number } };
    expect(config.test?.testTimeout).toBeGreaterThanOrEqual(60_000);
    expect(config.test?.hookTimeout).toBeGreaterThanOrEqual(120_000);
  });

  it("TEST-007 every environment variable that enlarges a randomised run is documented, and CI sizes are bounded", () => {
    const spec = readFileSync(join(ROOT, "spec/test-suite.md"), "utf8");
    const variables = new Set<string>();
    const sizes: string[] = [];
    for (const file of DIRS.flatMap(sources)) {
      const text = readFileSync(file, "utf8");
      for (const [, name] of text.matchAll(/process\.env\.([A-Z0-9_]*RUNS)\b/g)) variables.add(name!);
      for (const [, runs] of text.matchAll(/numRuns:\s*(\d[\d_]*)/g)) if (Number(runs!.replaceAll("_", "")) > 5000) sizes.push(`${relative(ROOT, file)}: numRuns ${runs}`);
    }
    expect(variables.size).toBeGreaterThan(0);
    for (const name of variables) expect(spec, `spec/test-suite.md names ${name}`).toContain(`\`${name}\``);
    expect(sizes).toEqual([]);
  });
});

describe("module isolation (spec TEST-014)", () => {
  /** A call that mocks or spies on modules or shared objects. */
  const SHARED_STATE_CALL = /\bvi\.(?:mock|doMock|hoisted|spyOn|useFakeTimers|stubGlobal|stubEnv|resetModules)\s*\(/;

  it("TEST-014 every test file that mocks or spies is listed in tests/support/isolated-files.ts, and every listed file exists", () => {
    const testFiles = sources("tests").map((file) => relative(ROOT, file)).filter((name) => name.endsWith(".test.ts"));
    const unlisted = testFiles.filter((name) => name !== "tests/spec/test-conventions.test.ts" && SHARED_STATE_CALL.test(readFileSync(join(ROOT, name), "utf8")) && ISOLATED_FILES[name] === undefined);
    expect(unlisted).toEqual([]);
    expect(Object.keys(ISOLATED_FILES).filter((name) => !testFiles.includes(name))).toEqual([]);
  });

  it("TEST-014 the check finds a spy and a mock, and lets plain test code pass", () => {
    expect(SHARED_STATE_CALL.test('vi.mock("node:fs/promises", async () => ({}));')).toBe(true);
    expect(SHARED_STATE_CALL.test("const spy = vi.spyOn(Session.prototype, \"location\");")).toBe(true);
    expect(SHARED_STATE_CALL.test("vi.setConfig({ testTimeout: 1 });")).toBe(false);
  });

  it("TEST-014 the core and s3 projects share modules, and the isolated projects hold exactly the listed files", async () => {
    const { default: config } = (await import("../../vitest.config.js")) as { default: { test: { projects: { test: { name: string; isolate?: boolean; include?: string[] } }[] } } };
    const byName = new Map(config.test.projects.map((project) => [project.test.name, project.test]));
    for (const name of ["core", "s3", "s3-server"]) expect(byName.get(name)?.isolate).toBe(false);
    const isolated = [...(byName.get("core-isolated")?.include ?? []), ...(byName.get("s3-isolated")?.include ?? [])].sort();
    expect(isolated).toEqual(Object.keys(ISOLATED_FILES).sort());
  });
});
