import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { duration, sig3 } from "./format.js";
import type { BenchResults, WorkloadResult } from "./results.js";
import { ratioTable } from "./table.js";
import { checkTargets, SUBJECT } from "./targets.js";

/** A run of some families, kept for before/after comparisons (spec BENCH-024). */
export interface RecordedRun {
  /** What the run stands for (`before`, `after`, …); unique per families and mode. */
  readonly label: string;
  /** The commit measured (short hash), with `+changes` when the work tree differed from it. */
  readonly commit: string;
  readonly families: readonly string[];
  /** The 1-minute load average when the run started and when it ended (other work on the machine). */
  readonly load: { readonly start: number; readonly end: number };
  /** The run itself, with the workloads of its families only. */
  readonly results: BenchResults;
}

/** The 1-minute load average, rounded. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/** The commit the work tree is at, `+changes` when it differs from it; `unknown` outside git. */
export function currentCommit(cwd: string): string {
  try {
    const hash = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd, encoding: "utf8" }).trim() !== "";
    return changed ? `${hash}+changes` : hash;
  } catch {
    return "unknown";
  }
}

/** The recorded runs in `file` (none when it does not exist). */
export function readRecordedRuns(file: string): RecordedRun[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RecordedRun[]) : [];
}

/** `runs` with `run` added, replacing an earlier run of the same label, families and mode. */
export function withRecordedRun(runs: readonly RecordedRun[], run: RecordedRun): RecordedRun[] {
  const key = (r: RecordedRun): string => `${r.label}|${[...r.families].sort().join(",")}|${r.results.mode}`;
  return [...runs.filter((r) => key(r) !== key(run)), run];
}

function rate(workload: WorkloadResult): string {
  const ms = workload.figures[SUBJECT]?.median;
  if (ms === undefined) return "—";
  return `${sig3(workload.count / (ms / 1000))}/s (${duration(ms / workload.count)} per ${workload.per})`;
}

function heading(run: RecordedRun): string {
  const when = run.results.machine.date.slice(0, 16).replace("T", " ");
  const samples = Math.max(0, ...run.results.workloads.flatMap((w) => Object.values(w.figures).map((f) => f.samples.length)));
  return `${run.label}: commit ${run.commit}, ${when} UTC, ${run.results.mode} run, ${samples} samples per figure, load average ${run.load.start} → ${run.load.end}`;
}

/** One recorded run: its targets, remote-store's rate per workload, and the ratio table. */
function runMarkdown(run: RecordedRun): string {
  const targets = checkTargets(run.results).filter((check) => check.family !== undefined && run.families.includes(check.family));
  const lines = [`### ${heading(run)}`, ""];
  for (const check of targets) lines.push(`- ${check.met ? "met" : "**not met**"}: ${check.target} — ${check.evidence}`);
  lines.push("", "| workload | remote-store |", "| --- | ---: |");
  for (const workload of run.results.workloads) lines.push(`| ${workload.id} | ${rate(workload)} |`);
  lines.push("", ratioTable(run.results));
  return lines.join("\n");
}

/** The section of RESULTS.md that shows the recorded runs, in the order they were recorded. */
export function recordedRunsMarkdown(runs: readonly RecordedRun[]): string {
  if (runs.length === 0) return "";
  return `## Recorded runs of single families

Runs of some families only (\`npm run bench -- --only <families> --record <label>\`), kept to compare the code before and after a change. Each run is one process with its systems interleaved and rotated, so the ratios within a run compare like with like; absolute figures of two runs are not comparable, since the machine's load differed (the 1-minute load average is shown; the hot-path family is timed in CPU time, which a busy machine disturbs far less than wall time, BENCH-017). Ratios are peer time ÷ remote-store time, as above: against \`Map + await\` (the copying floor) 1× means as fast as the floor.

${runs.map(runMarkdown).join("\n\n")}
`;
}
