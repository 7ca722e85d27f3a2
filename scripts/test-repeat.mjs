#!/usr/bin/env node
// Runs `npm test` N times, each on a fresh clone of HEAD with `npm ci`, and reports every
// failing case by file and name (spec TEST-002). With --beside, a second suite runs next to
// each run, in its own clone, to load the machine the way a busy CI host does.
//
//   npm run test:repeat -- 10             ten runs, one after another
//   npm run test:repeat -- 10 --beside    the same, each with a second suite running beside it
//   npm run test:repeat -- 3 --keep       keep the clones and logs (printed at the end)
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: npm run test:repeat -- <runs> [--beside] [--keep] [-- <extra vitest arguments>]";

/** Parses the command line (TEST-002); throws with the usage text on anything unknown. */
export function parseArguments(argv) {
  const options = { runs: undefined, beside: false, keep: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      options.extra = argv.slice(i + 1);
      break;
    }
    if (arg === "--beside") options.beside = true;
    else if (arg === "--keep") options.keep = true;
    else if (/^\d+$/.test(arg) && options.runs === undefined) options.runs = Number(arg);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  if (options.runs === undefined || options.runs < 1) throw new Error(USAGE);
  return options;
}

/**
 * Runs a command to its end in its own process group; resolves with its exit code, output going
 * to `log`. `onStart` receives a function that stops the whole group.
 */
function run(command, args, { cwd, log, env, onStart }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: "true", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    onStart?.(() => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    child.on("close", (code, signal) => {
      writeFileSync(log, Buffer.concat(chunks));
      resolve(code ?? (signal === null ? 1 : 128));
    });
  });
}

async function freshClone(dir, label) {
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir]);
  const code = await run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir, log: nodePath.join(dir, `.npm-ci-${label}.log`) });
  if (code !== 0) throw new Error(`npm ci failed in ${dir} (see .npm-ci-${label}.log)`);
}

/** The failing cases of a vitest JSON report: `file > full name: first line of the message`. */
export function failures(report, dir) {
  const found = [];
  for (const file of report.testResults ?? []) {
    const name = nodePath.relative(dir, file.name);
    const failedCases = (file.assertionResults ?? []).filter((c) => c.status === "failed");
    for (const c of failedCases) found.push(`${name} > ${c.fullName}: ${String(c.failureMessages?.[0] ?? "").split("\n")[0]}`);
    if (file.status === "failed" && failedCases.length === 0) found.push(`${name}: ${String(file.message ?? "the file failed").split("\n")[0]}`);
  }
  return found;
}

async function oneRun(index, options, work) {
  const dir = nodePath.join(work, `run-${index}`);
  await freshClone(dir, "main");
  let besideCode;
  const control = { stopped: false, stop: () => undefined };
  const beside = options.beside ? besideLoad(nodePath.join(work, `beside-${index}`), control) : undefined;
  const reportFile = nodePath.join(dir, ".repeat-vitest.json");
  const started = Date.now();
  const code = await run("npm", ["test", "--", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...options.extra], { cwd: dir, log: nodePath.join(dir, ".repeat-test.log") });
  const seconds = (Date.now() - started) / 1000;
  control.stopped = true;
  control.stop();
  if (beside !== undefined) besideCode = await beside;
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : undefined;
  const result = {
    index,
    code,
    seconds,
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    failures: report === undefined ? [`no report (exit ${code}; see ${dir}/.repeat-test.log)`] : failures(report, dir),
    besideCode,
  };
  if (code !== 0 && result.failures.length === 0) result.failures.push(`npm test exited ${code} with no failing case (see ${dir}/.repeat-test.log)`);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return result;
}

/** A second suite in its own clone, re-run until the main run ends, then stopped. */
async function besideLoad(dir, control) {
  await freshClone(dir, "beside");
  let last = 0;
  while (!control.stopped) {
    last = await run("npm", ["test"], { cwd: dir, log: nodePath.join(dir, ".beside-test.log"), onStart: (stop) => (control.stop = stop) });
  }
  rmSync(dir, { recursive: true, force: true });
  return last;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim();
  if (dirty !== "") console.warn("test:repeat: the working tree has uncommitted changes; the clones test the last commit only");
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  const work = mkdtempSync(nodePath.join(tmpdir(), "remote-store-repeat-"));
  console.log(`test:repeat: ${options.runs} run(s) of npm test on fresh clones of ${head}${options.beside ? ", each with a second suite beside it" : ""}`);
  const results = [];
  for (let i = 1; i <= options.runs; i++) {
    const result = await oneRun(i, options, work);
    results.push(result);
    const status = result.failures.length === 0 ? "ok" : "FAILED";
    console.log(`run ${i}: ${status}  ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped  ${result.seconds.toFixed(1)} s`);
    for (const failure of result.failures) console.log(`  ✗ ${failure}`);
  }
  const bad = results.filter((r) => r.failures.length > 0);
  const times = results.map((r) => r.seconds).sort((a, b) => a - b);
  console.log(`test:repeat: ${results.length - bad.length} of ${results.length} runs passed; npm test took ${times[0].toFixed(1)}–${times.at(-1).toFixed(1)} s (median ${times[Math.floor(times.length / 2)].toFixed(1)} s)`);
  if (options.keep) console.log(`test:repeat: clones and logs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
  if (bad.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`test:repeat: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
