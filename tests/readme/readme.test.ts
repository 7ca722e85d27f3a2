import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeBlocks, isTestBlock, type CodeBlock } from "./readme-blocks.js";

/**
 * TEST-012: every `ts` block of README.md runs, from the text itself, twice in a row in one fresh
 * working folder, unless a `<!-- readme-test: skip — <reason> -->` comment is right above it.
 *
 * How: each block's text is written, unchanged, into a scratch folder inside the repository
 * (`.scratch/`, gitignored, so `node_modules` resolves as in a user's project), and a nested
 * `vitest run` with its own config runs them, twice, each run in the same fresh working folder
 * (a temp folder outside the repository, the process's cwd). Package names resolve to the
 * sources, as a Node user's `import` would resolve them (tests/support/package-entries.ts).
 * - A block that declares cases (`it(`, `test(`, `describe(`) is a test file of its own; its
 *   snapshots are written by the first run and compared by the second.
 * - Every other block is a module; a generated test imports them one by one in document order,
 *   first writing the blocks marked `<!-- readme-test: file <name> -->` above them (config
 *   files the examples read) into the working folder.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = join(ROOT, "README.md");
const VITEST = join(ROOT, "node_modules/vitest/vitest.mjs");
const RUNS = 2;

const blocks = codeBlocks(await readFile(README, "utf8"));
const tsBlocks = blocks.filter((b) => b.lang === "ts");
const runnable = tsBlocks.filter((b) => b.skip === undefined);
const skipped = tsBlocks.filter((b) => b.skip !== undefined);

const blockFile = (b: CodeBlock): string => `block-L${String(b.line).padStart(4, "0")}${isTestBlock(b.code) ? ".test.ts" : ".ts"}`;

interface Outcome {
  readonly file: string;
  readonly title: string;
  readonly status: string;
  readonly messages: readonly string[];
}

let scratch = "";
let work = "";
const outcomes: Outcome[][] = [];

/** Runs the nested vitest once; resolves with every case's outcome (and the output, for errors). */
async function runNested(run: number): Promise<Outcome[]> {
  const report = join(scratch, `report-${run}.json`);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("VITEST") && key !== "TEST") env[key] = value;
  Object.assign(env, { README_WORK_DIR: work, UPDATE_SNAPSHOT: "new", NO_COLOR: "1" });
  const child = spawn(process.execPath, [VITEST, "run", "--root", scratch, "--config", join(scratch, "vitest.config.ts"), "--reporter=json", `--outputFile=${report}`], {
    cwd: work,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => resolve());
  });
  let json: { testResults: { name: string; message?: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] };
  try {
    json = JSON.parse(await readFile(report, "utf8")) as typeof json;
  } catch {
    throw new Error(`run ${run}: the nested vitest wrote no report; its output:\n${output}`);
  }
  const result: Outcome[] = [];
  for (const file of json.testResults) {
    const name = file.name.slice(file.name.lastIndexOf("/") + 1);
    if (file.assertionResults.length === 0) result.push({ file: name, title: "(file)", status: "failed", messages: [file.message ?? output] });
    for (const a of file.assertionResults) result.push({ file: name, title: a.title, status: a.status, messages: a.failureMessages });
  }
  return result;
}

describe("TEST-012 README examples run from the text, twice in a row", () => {
  beforeAll(async () => {
    await mkdir(join(ROOT, ".scratch"), { recursive: true });
    scratch = await mkdtemp(join(ROOT, ".scratch", "readme-"));
    work = await mkdtemp(join(tmpdir(), "readme-work-"));
    // Document order: the module blocks, and the files written before the blocks after them.
    const steps: ({ kind: "file"; name: string; text: string } | { kind: "module"; line: number; file: string })[] = [];
    for (const b of blocks) {
      if (b.file !== undefined) steps.push({ kind: "file", name: b.file, text: b.code });
      if (b.lang !== "ts" || b.skip !== undefined) continue;
      await writeFile(join(scratch, blockFile(b)), b.code);
      if (!isTestBlock(b.code)) steps.push({ kind: "module", line: b.line, file: join(scratch, blockFile(b)) });
    }
    await writeFile(join(scratch, "steps.json"), JSON.stringify(steps, null, 2));
    await writeFile(
      join(scratch, "setup.ts"),
      `process.chdir(process.env.README_WORK_DIR!);\n`,
    );
    await writeFile(
      join(scratch, "modules.test.ts"),
      [
        `import { readFileSync, writeFileSync } from "node:fs";`,
        `import { join } from "node:path";`,
        `import { it } from "vitest";`,
        `const steps = JSON.parse(readFileSync(new URL("./steps.json", import.meta.url), "utf8"));`,
        `for (const step of steps) {`,
        `  if (step.kind === "file") it(\`writes \${step.name}\`, () => writeFileSync(join(process.cwd(), step.name), step.text));`,
        `  else it(\`README.md:\${step.line}\`, async () => { await import(step.file); });`,
        `}`,
        ``,
      ].join("\n"),
    );
    await writeFile(
      join(scratch, "vitest.config.ts"),
      [
        `import { defineConfig } from "vitest/config";`,
        `import { packageAliases } from ${JSON.stringify(join(ROOT, "tests/support/package-entries.ts"))};`,
        `export default defineConfig({`,
        `  resolve: { alias: packageAliases({ node: true }) },`,
        `  test: {`,
        `    include: ["*.test.ts"], pool: "forks", fileParallelism: false, setupFiles: ["./setup.ts"],`,
        `    testTimeout: 60_000, hookTimeout: 120_000, sequence: { shuffle: false },`,
        `  },`,
        `});`,
        ``,
      ].join("\n"),
    );
    for (let run = 1; run <= RUNS; run++) outcomes.push(await runNested(run));
  }, 300_000);

  afterAll(async () => {
    if (scratch !== "") await rm(scratch, { recursive: true, force: true });
    if (work !== "") await rm(work, { recursive: true, force: true });
  });

  it("finds the README's ts blocks; every skip comment gives a reason, every readme-test comment is a known form", () => {
    expect(tsBlocks.length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.badComment !== undefined).map((b) => `README.md:${b.line}: ${b.badComment}`)).toEqual([]);
    expect(skipped.filter((b) => b.skip === "").map((b) => `README.md:${b.line}`)).toEqual([]);
    // The list of skipped blocks, with reasons, in the test output.
    console.log(`README blocks: ${runnable.length} run twice, ${skipped.length} skipped:\n${skipped.map((b) => `  README.md:${b.line} — ${b.skip}`).join("\n")}`);
  });

  for (let run = 1; run <= RUNS; run++) {
    it.each(runnable.map((b) => [`README.md:${b.line}`, b] as const))(`run ${run}: %s`, (_, b) => {
      const file = blockFile(b);
      const own = outcomes[run - 1]!.filter((o) => (isTestBlock(b.code) ? o.file === file : o.file === "modules.test.ts" && o.title === `README.md:${b.line}`));
      expect(own.length, `no outcome for README.md:${b.line} in run ${run}`).toBeGreaterThan(0);
      const failed = own.filter((o) => o.status !== "passed");
      expect(failed.map((o) => `${o.title}: ${o.messages.join("\n")}`)).toEqual([]);
    });
    it(`run ${run}: the README's file blocks are written`, () => {
      const failed = outcomes[run - 1]!.filter((o) => o.file === "modules.test.ts" && o.title.startsWith("writes ") && o.status !== "passed");
      expect(failed).toEqual([]);
    });
  }
});
