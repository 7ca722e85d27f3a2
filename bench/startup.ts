/**
 * The startup benchmark (`npm run bench:startup`, spec BENCH-060..BENCH-065): what a new process
 * pays before its first useful call, against unstorage, memfs and a temp directory, in the same
 * run. Needs the built package (`npm run build`); writes bench/startup.json and the "Startup"
 * section of bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { machineInfo } from "./harness/machine.js";
import { spliceSection } from "./report/sections.js";
import { renderStartup, STARTUP_MARKERS, type StartupResults, type StartupRow } from "./report/startup-md.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const quick = process.argv.includes("--quick");
// BENCH-061: fresh processes, systems interleaved, medians of these counts.
const RUNS = quick ? 5 : 15;
const VITEST_RUNS = quick ? 1 : 3;
const TEST_FILES = 50;
const FIXTURE_FILES = 100;

/**
 * Runs `node --input-type=module -e code` in the repository (so `remote-store` is the built
 * package) and returns the number on its last line and the whole process's wall time, in ms.
 */
function probe(code: string): { inside: number; wall: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`probe failed:\n${code}\n${result.stderr}`);
  return { inside: Number(result.stdout.trim().split("\n").at(-1)), wall: wallMs };
}

/** Whether `specifier` resolves from the repository (optional peers are measured only when installed). */
function installed(specifier: string): boolean {
  return spawnSync(process.execPath, ["--input-type=module", "-e", `import.meta.resolve(${JSON.stringify(specifier)})`], { cwd: ROOT }).status === 0;
}

/** Whole-process wall time of a command, in ms. */
function wall(command: string, args: string[], cwd = ROOT): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return ms;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs every measurement of `cases` `runs` times, interleaved (BENCH-061), and returns the medians of each figure. */
function interleavedPairs(cases: { label: string; measure: () => { inside: number; wall: number } }[], runs: number): Map<string, { inside: number; wall: number }> {
  const samples = new Map(cases.map((c) => [c.label, { inside: [] as number[], wall: [] as number[] }]));
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + run) % cases.length]!; // rotated, so no case always runs first
      const { inside, wall } = c.measure();
      samples.get(c.label)!.inside.push(inside);
      samples.get(c.label)!.wall.push(wall);
    }
  }
  return new Map([...samples].map(([label, s]) => [label, { inside: median(s.inside), wall: median(s.wall) }]));
}

/** {@link interleavedPairs} for one figure per sample. */
function interleaved(cases: { label: string; measure: () => number }[], runs: number): Map<string, number> {
  const pairs = interleavedPairs(cases.map((c) => ({ label: c.label, measure: () => ({ inside: c.measure(), wall: 0 }) })), runs);
  return new Map([...pairs].map(([label, p]) => [label, p.inside]));
}

// BENCH-060: import of each entry, in a fresh process, timed inside it around the import alone.
const importCode = (specifier: string): string =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
// Every `exports` key but package.json; testing/vitest needs a running vitest, so it is left out.
const entries = Object.keys((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown> }).exports)
  .filter((key) => key !== "./package.json" && key !== "./testing/vitest")
  .map((key) => (key === "." ? "remote-store" : `remote-store/${key.slice(2)}`));
const peers = ["unstorage", "memfs", "@zenfs/core"].filter(installed);

// BENCH-062: from process start (performance.now() counts from it) to the first write and read back.
const firstWriteRead: Record<string, string> = {
  "remote-store": `const { Store, MemoryBackend } = await import("remote-store");
    const store = new Store({ backend: new MemoryBackend() });
    await store.writeText("a/b.txt", "hi"); if (await store.readText("a/b.txt") !== "hi") throw 0;`,
  unstorage: `const { createStorage } = await import("unstorage");
    const storage = createStorage();
    await storage.setItem("a:b.txt", "hi"); if (await storage.getItem("a:b.txt") !== "hi") throw 0;`,
  memfs: `const { Volume } = await import("memfs");
    const vol = new Volume(); await vol.promises.mkdir("/a", { recursive: true });
    await vol.promises.writeFile("/a/b.txt", "hi"); if (await vol.promises.readFile("/a/b.txt", "utf8") !== "hi") throw 0;`,
  "temp dir (node:fs)": `const fs = await import("node:fs/promises"); const os = await import("node:os"); const p = await import("node:path");
    const dir = await fs.mkdtemp(p.join(os.tmpdir(), "rs-bench-")); await fs.mkdir(p.join(dir, "a"));
    await fs.writeFile(p.join(dir, "a/b.txt"), "hi"); if (await fs.readFile(p.join(dir, "a/b.txt"), "utf8") !== "hi") throw 0;
    await fs.rm(dir, { recursive: true });`,
};

// BENCH-063: one small vitest file per system; each seeds the same 100-file fixture and reads one file back.
const fixture = Object.fromEntries(Array.from({ length: FIXTURE_FILES }, (_, i) => [`data/d${i % 10}/f${i}.txt`, `file ${i}\n`]));
const testFiles: Record<string, string> = {
  "remote-store": `import { expect, test } from "vitest";
    import { createFixtureStore } from "remote-store/testing";
    test("seeded", async () => {
      const store = await createFixtureStore(${JSON.stringify(fixture)});
      expect(await store.readText("data/d7/f7.txt")).toBe("file 7\\n");
      await store.close();
    });`,
  "memfs (vol.fromJSON)": `import { expect, test } from "vitest";
    import { Volume } from "memfs";
    test("seeded", async () => {
      const vol = Volume.fromJSON(${JSON.stringify(fixture)}, "/");
      expect(await vol.promises.readFile("/data/d7/f7.txt", "utf8")).toBe("file 7\\n");
    });`,
  "temp dir (mkdtemp)": `import { expect, test } from "vitest";
    import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
    import { tmpdir } from "node:os";
    import { dirname, join } from "node:path";
    test("seeded", async () => {
      const dir = await mkdtemp(join(tmpdir(), "rs-bench-"));
      try {
        for (const [file, text] of Object.entries(${JSON.stringify(fixture)})) {
          await mkdir(dirname(join(dir, file)), { recursive: true });
          await writeFile(join(dir, file), text);
        }
        expect(await readFile(join(dir, "data/d7/f7.txt"), "utf8")).toBe("file 7\\n");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });`,
  "vitest alone (no fixture)": `import { expect, test } from "vitest";
    test("nothing seeded", () => { expect(1).toBe(1); });`,
};

function main(): void {
  if (!existsSync(path.join(ROOT, "dist", "index.node.js"))) throw new Error("build the package first: npm run build");
  const started = Date.now();
  const rows: StartupRow[] = [];

  // The floors: Node starting and exiting with nothing to do, and importing an empty module.
  const floor = { label: "node -e 0 (Node alone)", measure: () => ({ inside: 0, wall: wall(process.execPath, ["-e", "0"]) }) };
  const baseline = { label: "(an empty module)", measure: () => probe(importCode("data:text/javascript,export{}")) };
  const imports = interleavedPairs([floor, baseline, ...[...entries, ...peers].map((s) => ({ label: s, measure: () => probe(importCode(s)) }))], RUNS);
  for (const [label, m] of imports) rows.push({ group: "import", label, ms: m.inside, wall: m.wall });

  // BENCH-062: the command, whole process, against Node starting and exiting.
  const cli = path.join(ROOT, "dist", "cli.js");
  const commands = interleaved(
    [
      { label: "node -e 0 (Node alone)", measure: () => wall(process.execPath, ["-e", "0"]) },
      { label: "remote-store --version", measure: () => wall(process.execPath, [cli, "--version"]) },
      { label: "remote-store ls memory://x/ (the whole command line)", measure: () => wall(process.execPath, [cli, "ls", "memory://x/"]) },
    ],
    RUNS,
  );
  for (const [label, ms] of commands) rows.push({ group: "cli", label, ms });

  const first = interleaved(Object.entries(firstWriteRead).map(([label, code]) => ({ label, measure: () => probe(`${code}\nconsole.log(performance.now());`).inside })), RUNS);
  for (const [label, ms] of first) rows.push({ group: "first", label, ms });

  // BENCH-063: a real vitest run per system (default pool: a fresh process per file), wall time of the whole run.
  const work = mkdtempSync(path.join(ROOT, "bench", ".startup-"));
  try {
    const dirs = Object.entries(testFiles).map(([label, code]) => {
      const dir = path.join(work, label.replace(/\W+/g, "-"));
      mkdirSync(dir);
      writeFileSync(path.join(dir, "vitest.config.mjs"), "export default { test: { include: ['*.test.mjs'] } };\n");
      for (let i = 0; i < TEST_FILES; i++) writeFileSync(path.join(dir, `seed-${i}.test.mjs`), code);
      return { label, dir };
    });
    const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
    const runs = interleaved(dirs.map(({ label, dir }) => ({ label, measure: () => wall(process.execPath, [vitest, "run", "--root", dir, "--reporter=dot"], dir) })), VITEST_RUNS);
    for (const [label, ms] of runs) rows.push({ group: "vitest", label, ms });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // BENCH-064: the JSON and the section of RESULTS.md, rendered from it.
  const results: StartupResults = { mode: quick ? "quick" : "full", machine: machineInfo(), runs: RUNS, vitestRuns: VITEST_RUNS, testFiles: TEST_FILES, fixtureFiles: FIXTURE_FILES, durationSeconds: (Date.now() - started) / 1000, rows };
  const json = path.join(ROOT, "bench", quick ? "startup-quick.json" : "startup.json");
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const section = renderStartup(results);
  console.log(section);
  if (!quick) {
    const markdown = path.join(ROOT, "bench", "RESULTS.md");
    writeFileSync(markdown, spliceSection(existsSync(markdown) ? readFileSync(markdown, "utf8") : "", section, STARTUP_MARKERS));
  }
}

main();
