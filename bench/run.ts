/**
 * The benchmark runner: `npm run bench` (full run, several minutes) or `npm run bench -- --quick`
 * (under a minute); `--only hot-path,listing` runs some families, `--record <label>` keeps such a
 * run for before/after comparisons. Measures remote-store and its peers in one process,
 * interleaved, after a warm-up, as medians; writes JSON, a Markdown report and an SVG chart. See
 * spec/benchmarks.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { FULL, QUICK, WARM_UP, type BenchConfig } from "./config.js";
import { parseArguments, runs, type Family, type RunArguments } from "./harness/arguments.js";
import { canCollectGarbage } from "./harness/measure.js";
import { machineInfo } from "./harness/machine.js";
import { ratioChart } from "./report/chart.js";
import { currentCommit, loadAverage, readRecordedRuns, withRecordedRun, type RecordedRun } from "./report/recorded-runs.js";
import { Recorder, type BenchResults } from "./report/results.js";
import { resultsMarkdown } from "./report/results-md.js";
import { S3_SERVER_MARKERS } from "./report/s3-server-md.js";
import { keepSections } from "./report/sections.js";
import { STARTUP_MARKERS } from "./report/startup-md.js";
import { ratioTable, scalingTable, targetsTable } from "./report/table.js";
import { mapAwait, mapSync } from "./systems/map-baselines.js";
import { memfsPromises, memfsSync } from "./systems/memfs.js";
import { remoteStore, remoteStoreNaive } from "./systems/remote-store.js";
import type { SystemAdapter } from "./systems/system.js";
import { unstorage } from "./systems/unstorage.js";
import { zenfsPromises, zenfsSync } from "./systems/zenfs.js";
import { nativeTree, type TreeContext } from "./workloads/context.js";
import { moveFolderSpecs, runMoveFolder, runTreeFolderOps, treeFolderSpecs } from "./workloads/folders.js";
import { heapSpecs, runHeap } from "./workloads/heap.js";
import { hotPathSpecs, runHotPath } from "./workloads/hot-path.js";
import { flatSpecs, flatWorkloads, runFlatFolder, runResultObjects, runTreeListings, treeListingSpecs } from "./workloads/listing.js";
import { pointSpecs, runPointOps } from "./workloads/point-ops.js";
import { runScaling, scalingSpecs } from "./workloads/scaling.js";
import { runBandwidth, runMultipart, runStream, streamSource, streamSpecs } from "./workloads/streaming.js";
import { treeLayout } from "./workloads/tree.js";

// spec BENCH-001: the systems measured (remote-store-naive and the two floors are added below).
/** Every system of the main comparison. */
const SYSTEMS: readonly SystemAdapter[] = [remoteStore, memfsPromises, memfsSync, zenfsPromises, zenfsSync, unstorage, mapSync, mapAwait];
/** Systems of the tree-size series (building a million-file tree in every peer would take too long). */
function scalingSystems(config: BenchConfig): SystemAdapter[] {
  return config.scalingWithMemfs ? [remoteStore, memfsPromises, unstorage] : [remoteStore, unstorage];
}
/** Systems of the issue-5 folder workloads: ours, the naive file-by-file form, and the async peers. */
const FOLDER_SYSTEMS: readonly SystemAdapter[] = [remoteStore, remoteStoreNaive, memfsPromises, zenfsPromises, unstorage];

/** Seconds since `start`, for progress lines. */
function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// spec BENCH-003: every system once per repetition and family, in an order rotated by one per repetition.
/** `systems` rotated by `rep`, so that no system always runs first (or right after the same one). */
function rotation<T>(systems: readonly T[], rep: number): T[] {
  const k = rep % systems.length;
  return [...systems.slice(k), ...systems.slice(0, k)];
}

// spec BENCH-004: timing-sensitive families first, with no forced full GC between their sessions.
/**
 * One pass of the timing-sensitive workload families (tree, one-folder, folder moves, tree
 * sizes), every system interleaved, each in a fresh instance. No full GC is forced in between:
 * a forced full GC discards optimised code that refers to dead instances, and the next
 * session would then run partly unoptimised — an artefact that applications, which keep their
 * store, do not see. Passes that force GCs (heap, big files) run after all of these.
 */
async function timedPass(config: BenchConfig, recorder: Recorder, rep: number, record: boolean, args: RunArguments): Promise<void> {
  const label = record ? `rep ${rep + 1}/${config.repetitions}` : "warm-up";
  const started = performance.now();
  if (runs(args, "point-ops") || runs(args, "listing") || runs(args, "folders")) {
    const tree = treeLayout(config.fanout, config.filesPerFolder);
    for (const system of rotation(SYSTEMS, rep)) {
      const session = await system.open();
      const start: TreeContext = { system, session, tree, native: nativeTree(system, tree), config, recorder, record, written: 0 };
      try {
        const context = await runPointOps(start);
        await runTreeListings(context);
        await runTreeFolderOps(context);
      } finally {
        await session.close();
      }
    }
    await runResultObjects(tree, recorder, record);
    log(`  ${label}: tree workloads done (${seconds(started)})`);
  }
  if (runs(args, "listing")) for (const system of rotation(SYSTEMS, rep)) await runFlatFolder(system, config, recorder, record);
  if (runs(args, "folders")) {
    for (const files of config.moveFolderSizes) {
      for (const system of rotation(FOLDER_SYSTEMS, rep)) await runMoveFolder(system, config, files, recorder, record);
    }
  }
  if (runs(args, "listing") || runs(args, "folders")) log(`  ${label}: one-folder and folder workloads done (${seconds(started)})`);
  if (runs(args, "scaling") && record && rep < config.scalingRepetitions) {
    for (const files of config.scalingTrees) {
      for (const system of rotation(scalingSystems(config), rep)) await runScaling(system, config, files, recorder, record);
    }
    log(`  ${label}: tree-size series done (${seconds(started)})`);
  }
}

// spec BENCH-017: the hot-path family, every system once per repetition, rotated.
/** One pass of the hot-path family (issue 17), every system interleaved, each in a fresh instance. */
async function hotPathPass(config: BenchConfig, recorder: Recorder, rep: number, record: boolean): Promise<void> {
  const started = performance.now();
  for (const system of rotation(SYSTEMS, rep)) await runHotPath(system, config, recorder, record);
  log(`  ${record ? `hot-path rep ${rep + 1}/${config.hotPathRepetitions}` : "warm-up"}: hot-path workloads done (${seconds(started)})`);
}

/** One pass of the big-file and heap workloads (both collect garbage around their measurements). */
async function memoryPass(config: BenchConfig, recorder: Recorder, rep: number, record: boolean, source: ReturnType<typeof streamSource>, args: RunArguments): Promise<void> {
  const label = record ? `big-file rep ${rep + 1}/${config.bigFileRepetitions}` : "warm-up";
  const started = performance.now();
  if (runs(args, "streaming")) {
    await runBandwidth(source.chunks, config, recorder, record);
    for (const system of rotation(SYSTEMS, rep)) await runStream(system, source.chunks, config, recorder, record);
    await runMultipart(source.whole, config, recorder, record);
  }
  // The heap figure is not a time: it needs no warm-up, and no more samples than the other families.
  const heap = runs(args, "heap") && record && rep < config.repetitions;
  if (heap) for (const system of rotation(SYSTEMS, rep)) await runHeap(system, config, recorder, record);
  log(`  ${label}: ${runs(args, "streaming") ? "big-file" : "no big-file"}${heap ? " and heap" : ""} workloads done (${seconds(started)})`);
}

/** Writes `results` and what is rendered from it, as `files` (names in bench/), with the recorded runs. */
function writeReport(here: string, results: BenchResults, files: { json: string; chart: string; markdown: string }, recorded: readonly RecordedRun[]): void {
  writeFileSync(path.join(here, files.json), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(here, files.chart), ratioChart(results));
  writeMarkdown(path.join(here, files.markdown), resultsMarkdown(results, files, recorded));
}

/**
 * Writes a RESULTS file, keeping the sections that come from their own runs: startup
 * (BENCH-064, `npm run bench:startup`) and the S3 endpoint (BENCH-074, `npm run bench:s3-server`).
 */
function writeMarkdown(file: string, markdown: string): void {
  writeFileSync(file, existsSync(file) ? keepSections(readFileSync(file, "utf8"), markdown, [STARTUP_MARKERS, S3_SERVER_MARKERS]) : markdown);
}

// spec BENCH-024: a partial run keeps the full run's files; with --record it is added to recorded-runs.json and RESULTS.md is rendered again.
/** Saves a partial run: `results-partial.json`, and with `--record` the recorded runs and RESULTS.md rendered anew. */
function writePartial(here: string, results: BenchResults, args: RunArguments, { commit, load }: Pick<RecordedRun, "commit" | "load">): void {
  const partial = `results-partial${results.mode === "quick" ? "-quick" : ""}.json`;
  writeFileSync(path.join(here, partial), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench/${partial}`);
  if (args.record === undefined) return;
  const recordedFile = path.join(here, "recorded-runs.json");
  const run: RecordedRun = { label: args.record, commit, families: [...(args.only ?? [])], load, results };
  const recorded = withRecordedRun(readRecordedRuns(recordedFile), run);
  writeFileSync(recordedFile, `${JSON.stringify(recorded, null, 2)}\n`);
  renderAgain(here);
  log(`recorded as "${args.record}" (commit ${run.commit}) in bench/recorded-runs.json; rendered bench/RESULTS.md again`);
}

// spec BENCH-024: --render runs nothing and renders RESULTS.md again (e.g. after a hand-kept section changed).
/** Renders bench/RESULTS.md again from results.json, the recorded runs and the hand-kept sections. */
function renderAgain(here: string): void {
  const full = JSON.parse(readFileSync(path.join(here, "results.json"), "utf8")) as BenchResults;
  writeMarkdown(path.join(here, "RESULTS.md"), resultsMarkdown(full, { json: "results.json", chart: "results.svg" }, readRecordedRuns(path.join(here, "recorded-runs.json"))));
  log("rendered bench/RESULTS.md again");
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (args.render) return renderAgain(path.dirname(fileURLToPath(import.meta.url)));
  const config = args.quick ? QUICK : FULL;
  // spec BENCH-008: the heap figure needs --expose-gc.
  if (!canCollectGarbage()) throw new Error("run with --expose-gc: `npm run bench` does (tsx --expose-gc bench/run.ts)");
  if (config.multipartBytes > config.streamBytes) throw new Error("multipartBytes must not exceed streamBytes");
  const started = performance.now();
  const loadAtStart = loadAverage();
  // The code measured is what was loaded now: a change made while the run goes on is not in it.
  const commit = currentCommit(path.dirname(fileURLToPath(import.meta.url)));
  const recorder = new Recorder();
  const tree = treeLayout(config.fanout, config.filesPerFolder);
  for (const spec of [
    ...pointSpecs(tree, config.fileSize),
    ...treeListingSpecs(tree, config),
    ...treeFolderSpecs(tree),
    ...flatSpecs(flatWorkloads(config)),
    ...hotPathSpecs(config),
    ...streamSpecs(config),
    ...heapSpecs(config),
    ...moveFolderSpecs(config),
    ...scalingSpecs(config),
  ]) {
    recorder.define(spec);
  }
  const source = streamSource(config);
  const families = args.only === undefined ? "every family" : [...args.only].join(", ");
  log(`remote-store benchmark, ${config.mode} run of ${families}: ${tree.files.length.toLocaleString("en")}-file tree, ${config.repetitions} repetitions`);
  // spec BENCH-003: one warm-up pass at small sizes records nothing; BENCH-004: the GC-forcing families run last.
  await timedPass(WARM_UP, recorder, 0, false, args);
  for (let rep = 0; rep < config.repetitions; rep++) await timedPass(config, recorder, rep, true, args);
  if (runs(args, "hot-path")) {
    await hotPathPass(WARM_UP, recorder, 0, false);
    for (let rep = 0; rep < config.hotPathRepetitions; rep++) await hotPathPass(config, recorder, rep, true);
  }
  if (runs(args, "streaming") || runs(args, "heap")) {
    await memoryPass(WARM_UP, recorder, 0, false, streamSource(WARM_UP), args);
    for (let rep = 0; rep < config.bigFileRepetitions; rep++) await memoryPass(config, recorder, rep, true, source, args);
  }

  const systems = [...SYSTEMS, remoteStoreNaive].map(({ id, label, role }) => ({ id, label, role }));
  systems.push({ id: "buffer-concat", label: "Buffer.concat (bandwidth limit)", role: "baseline" });
  systems.push({ id: "stream-into-array", label: "stream into one array (streaming floor)", role: "baseline" });
  systems.push({ id: "fileinfo-objects", label: "FileInfo objects only (listing floor)", role: "baseline" });
  const notes = [...new Set([...SYSTEMS, remoteStoreNaive].flatMap((s) => s.notes ?? []))];
  const results: BenchResults = {
    machine: machineInfo(),
    mode: config.mode,
    repetitions: config.repetitions,
    config: { ...config },
    systems,
    workloads: recorder.results().filter((w) => runs(args, w.family as Family)),
    notes,
    durationSeconds: (performance.now() - started) / 1000,
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  mkdirSync(here, { recursive: true });
  process.stdout.write(`\n## Targets\n\n${targetsTable(results, args.only)}\n\n## Ratios (peer ÷ remote-store, above 1 = remote-store better)\n\n${ratioTable(results)}\n\n`);
  if (args.only !== undefined) {
    writePartial(here, results, args, { commit, load: { start: loadAtStart, end: loadAverage() } });
    return;
  }
  process.stdout.write(`## Small listing against tree size\n\n${scalingTable(results)}\n\n`);
  // spec BENCH-020: JSON, Markdown and SVG (the -quick files with --quick), the latter two rendered from the JSON.
  const suffix = args.quick ? "-quick" : "";
  const files = { json: `results${suffix}.json`, chart: `results${suffix}.svg`, markdown: args.quick ? "RESULTS-quick.md" : "RESULTS.md" };
  writeReport(here, results, files, args.quick ? [] : readRecordedRuns(path.join(here, "recorded-runs.json")));
  log(`wrote bench/${files.json}, bench/${files.markdown}, bench/${files.chart} in ${results.durationSeconds.toFixed(0)} s`);
}

await main();
